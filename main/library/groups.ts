import type { Db } from '../store';
import type { MediaFlag } from '../common';
import type { RecordingGroupPageDto, RecordingGroupDto } from './types';
import { whereClause, type LibraryQuery } from './search';
import { ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';
import { cachedCount } from './count-cache';

/** Sort keys of a group: its first start, its total size, its total duration. */
const GROUP_SORT = { startAt: 'start_at', size: 'size', durationSec: 'dur' } as const;

interface GroupRow {
  rid: number | null;
  mid: number | null;
}

/**
 * 按录制分组, paged on the server: one group per recording (or per lone file) that has at least one
 * media matching the query. A group carries all its segments, so a recording is never split across
 * pages; groups are sorted by their first start, total size or total duration, and total counts groups.
 */
export function searchRecordingGroups(db: Db, q: LibraryQuery): RecordingGroupPageDto {
  const { total, page } = q.sort !== 'startAt' ? matchingGroups(db, q) : unfiltered(db, q) ? allGroupsByStart(db, q) : walkGroupsByStart(db, q);
  // Every segment of the page's recordings and the page's lone files, in play order.
  const rids = page.filter((g) => g.rid !== null).map((g) => g.rid);
  const mids = page.filter((g) => g.mid !== null).map((g) => g.mid);
  const rows = db
    .prepare(
      `SELECT ${ITEM_COLUMNS} FROM media m ${ITEM_JOINS}
       WHERE m.recording_id IN (SELECT value FROM json_each(:rids)) OR m.id IN (SELECT value FROM json_each(:mids)) ORDER BY m.start_at, m.id`,
    )
    .all({ rids: JSON.stringify(rids), mids: JSON.stringify(mids) }) as ItemRow[];
  const members = new Map<string, ReturnType<typeof toItem>[]>();
  for (const r of rows) {
    const key = r.recording_id !== null ? `r${r.recording_id}` : `m${r.id}`;
    const list = members.get(key) ?? [];
    list.push(toItem(r));
    members.set(key, list);
  }

  const out: RecordingGroupDto[] = page.map((g) => {
    const key = g.rid !== null ? `r${g.rid}` : `m${g.mid}`;
    const items = members.get(key) ?? [];
    const flags = new Set<MediaFlag>(items.flatMap((i) => i.flags));
    return {
      key,
      recordingId: g.rid,
      first: items[0]!,
      segmentIds: items.map((i) => i.id),
      startAt: items[0]!.startAt,
      durationSec: items.reduce((s, i) => s + (i.durationSec ?? 0), 0),
      size: items.reduce((s, i) => s + i.size, 0),
      flags: [...flags],
    };
  });
  return { total, groups: out };
}

const unfiltered = (db: Db, q: LibraryQuery): boolean => whereClause(db, q).sql === '';

/** The groups that hold a match, aggregated from the matching media, then sorted and paged. */
function matchingGroups(db: Db, q: LibraryQuery): { total: number; page: GroupRow[] } {
  const { sql, params } = whereClause(db, q);
  const groups = `WITH hit AS (SELECT m.id, m.recording_id FROM media m ${sql}),
    g AS (
      SELECT m.recording_id AS rid, NULL AS mid, MIN(m.start_at) AS start_at, SUM(m.size) AS size, SUM(COALESCE(m.duration_sec, 0)) AS dur
        FROM media m WHERE m.recording_id IN (SELECT recording_id FROM hit WHERE recording_id IS NOT NULL) GROUP BY m.recording_id
      UNION ALL
      SELECT NULL, m.id, m.start_at, m.size, COALESCE(m.duration_sec, 0) FROM media m WHERE m.id IN (SELECT id FROM hit WHERE recording_id IS NULL)
    )`;
  const total = groupTotal(db, sql, params);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const page = db
    .prepare(`${groups} SELECT rid, mid FROM g ORDER BY ${GROUP_SORT[q.sort]} ${dir}, start_at ${dir}, COALESCE(rid, 0) ${dir}, COALESCE(mid, 0) ${dir} LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as GroupRow[];
  return { total, page };
}

/** Groups by start, filtered: the page from walking the matches in start order. */
function walkGroupsByStart(db: Db, q: LibraryQuery): { total: number; page: GroupRow[] } {
  const { sql, params } = whereClause(db, q);
  return { total: groupTotal(db, sql, params), page: groupsByStartWalk(db, q, sql, params) };
}

/** The number of groups holding a match: the recordings met, and the lone files. */
function groupTotal(db: Db, where: string, params: Record<string, unknown>): number {
  const and = where ? `${where} AND` : 'WHERE';
  return cachedCount(
    db,
    `SELECT (SELECT COUNT(DISTINCT m.recording_id) FROM media m ${where}) + (SELECT COUNT(*) FROM media m ${and} m.recording_id IS NULL)`,
    params,
  );
}

/**
 * The page of groups by first start, found by walking the matching media in start order and stopping
 * once the page cannot change, instead of aggregating every matching group (an officer's 40 000 files).
 * A group's key is its recording's start (its first segment's; a lone file's own start) and no later
 * than any of its segments. Newest first: after the walk has passed start s, every group keyed after s
 * has been met (one of its segments starts at or after its key). Oldest first: a group not met yet has
 * all its matches at s or later, so its key is at least s minus the longest recording's span.
 */
function groupsByStartWalk(db: Db, q: LibraryQuery, where: string, params: Record<string, unknown>): GroupRow[] {
  const desc = q.order === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  const end = q.offset + q.limit;
  const spanMs = desc ? 0 : 1000 * cachedCount(db, 'SELECT ifnull(MAX(CAST((julianday(end_at) - julianday(start_at)) * 86400 AS INTEGER)) + 1, 0) FROM recordings', {});
  const walk = db
    .prepare(`SELECT m.recording_id AS rid, m.id AS mid, m.start_at AS at, r.start_at AS rstart FROM media m LEFT JOIN recordings r ON r.id = m.recording_id ${where} ORDER BY m.start_at ${dir}, m.id ${dir}`)
    .iterate(params) as IterableIterator<{ rid: number | null; mid: number; at: string; rstart: string | null }>;
  const met = new Map<string, { rid: number | null; mid: number | null; key: string }>();
  let sinceCheck = 0;
  for (const m of walk) {
    // Enough groups settled (keyed strictly beyond the walk's position: a tie may still be ahead)?
    // Counted every met/16 rows, not every row: a deep page meets thousands of groups.
    if (met.size >= end && ++sinceCheck * 16 >= met.size) {
      sinceCheck = 0;
      const edge = desc ? m.at : new Date(Date.parse(m.at) - spanMs).toISOString();
      if (settled(met.values(), edge, desc) >= end) break;
    }
    const group = m.rid !== null ? { rid: m.rid, mid: null, key: m.rstart ?? m.at } : { rid: null, mid: m.mid, key: m.at };
    met.set(m.rid !== null ? `r${m.rid}` : `m${m.mid}`, group);
  }
  const sign = desc ? -1 : 1;
  return [...met.values()]
    .sort((a, b) => sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.rid ?? 0) - (b.rid ?? 0) || (a.mid ?? 0) - (b.mid ?? 0)))
    .slice(q.offset, end)
    .map(({ rid, mid }) => ({ rid, mid }));
}

/** How many of the groups met are keyed beyond `edge` in the walk's direction. */
function settled(groups: Iterable<{ key: string }>, edge: string, desc: boolean): number {
  let n = 0;
  for (const g of groups) if (desc ? g.key > edge : g.key < edge) n++;
  return n;
}

/**
 * Without a filter every recording and every lone file is a group: pages come from the recordings' own
 * start (a recording starts with its first segment: recordings are rebuilt from their media, whose start
 * never changes) merged with the lone files', each read from its index no further than the page's end,
 * instead of aggregating a million media (`+`: the lone files are walked by start, not gathered by recording_id
 * and sorted). The same order as matchingGroups: start, then recording, then file.
 */
function allGroupsByStart(db: Db, q: LibraryQuery): { total: number; page: GroupRow[] } {
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const page = db
    .prepare(
      `SELECT rid, mid FROM (
         SELECT * FROM (SELECT id AS rid, NULL AS mid, start_at FROM recordings ORDER BY start_at ${dir}, id ${dir} LIMIT :end)
         UNION ALL
         SELECT * FROM (SELECT NULL AS rid, id AS mid, start_at FROM media WHERE +recording_id IS NULL ORDER BY start_at ${dir}, id ${dir} LIMIT :end))
       ORDER BY start_at ${dir}, COALESCE(rid, 0) ${dir}, COALESCE(mid, 0) ${dir} LIMIT :limit OFFSET :offset`,
    )
    .all({ end: q.offset + q.limit, limit: q.limit, offset: q.offset }) as GroupRow[];
  const total = cachedCount(db, 'SELECT (SELECT COUNT(*) FROM recordings) + (SELECT COUNT(*) FROM media WHERE recording_id IS NULL)', {});
  return { total, page };
}
