import type { Db } from '../store';
import type { MediaFlag } from '../common';
import type { RecordingGroupPageDto, RecordingGroupDto } from './types';
import { whereClause, type LibraryQuery } from './search';
import { ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';

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
  const { sql, params } = whereClause(q);
  const groups = `WITH hit AS (SELECT m.id, m.recording_id FROM media m ${sql}),
    g AS (
      SELECT m.recording_id AS rid, NULL AS mid, MIN(m.start_at) AS start_at, SUM(m.size) AS size, SUM(COALESCE(m.duration_sec, 0)) AS dur
        FROM media m WHERE m.recording_id IN (SELECT recording_id FROM hit WHERE recording_id IS NOT NULL) GROUP BY m.recording_id
      UNION ALL
      SELECT NULL, m.id, m.start_at, m.size, COALESCE(m.duration_sec, 0) FROM media m WHERE m.id IN (SELECT id FROM hit WHERE recording_id IS NULL)
    )`;
  const total = (db.prepare(`${groups} SELECT COUNT(*) AS n FROM g`).get(params) as { n: number }).n;
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const page = db
    .prepare(`${groups} SELECT rid, mid FROM g ORDER BY ${GROUP_SORT[q.sort]} ${dir}, start_at ${dir}, COALESCE(rid, 0) ${dir}, COALESCE(mid, 0) ${dir} LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as GroupRow[];

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
