import type { Db } from '../store';
import type { Category, Classification, MediaFlag, MediaKind } from '../common';
import type { LibraryPageDto } from './types';
import { ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';
import { textMatch } from './text-match';
import { cachedCount, keptCount } from './count-cache';
import { keepTextList, notePlainTextSearch, textPage } from './text-pages';
import { idsAtOffset, type Walk } from './anchors';
import { newestTextPage } from './text-newest';

/** A library search as the API has validated it (contract 'library.search'); the API's input must fit this. */
export interface LibraryQuery {
  from?: string;
  to?: string;
  officerId?: number;
  recorderId?: number;
  /** 'none': media without a category yet. */
  category?: Category | 'none';
  keyMark?: boolean;
  classification?: Classification;
  /** Has any of these flags. */
  flags?: MediaFlag[];
  kind?: MediaKind;
  caseId?: number;
  recordingId?: number;
  text?: string;
  sort: 'startAt' | 'size' | 'durationSec';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Keyset paging: the rows after this one in the query's order (offset is then not used). */
  after?: LibraryCursor;
}

/** Where a page ended: the last row's sort key (start, size, or duration with -1 for none) and id. */
export interface LibraryCursor {
  key: string | number;
  id: number;
}

// The sort keys are never NULL (a missing duration sorts as -1, below every duration): keyset paging
// compares them by value. Each walks its index (0003, 0014) with the id as the last column.
const SORT_KEY = { startAt: 'm.start_at', size: 'm.size', durationSec: 'ifnull(m.duration_sec, -1)' } as const;

/**
 * Builds the WHERE clause of a library query. Each filter maps to one indexed column (0003's
 * indexes); values are always bound, never spliced into the SQL.
 */
export function whereClause(db: Db, q: LibraryQuery, opts: { rangeBySortIndex?: boolean; gather?: boolean } = {}): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  /** `m.<column> = :<key>` when the query names a value for it. */
  const equals = (column: string, key: 'officerId' | 'recorderId' | 'classification' | 'recordingId') => {
    if (q[key] === undefined) return;
    where.push(`m.${column} = :${key}`);
    params[key] = q[key];
  };
  // Sorting by size or duration: `+` keeps SQLite off the start_at, category and key-mark indexes, so it
  // walks the sort index (which carries start_at) and stops after one page, instead of sorting a wide
  // date range or a category's hundred thousand rows (a category holds 5 % or more of the media).
  // Category and kind together by size have their own index (0018): seeking it finds the page at once.
  const together = q.sort === 'size' && q.category !== undefined && q.kind !== undefined;
  const unindexed = (column: string) => (opts.rangeBySortIndex && !(together && column === 'category') ? `+m.${column}` : `m.${column}`);
  const start = unindexed('start_at');
  if (q.from) {
    where.push(`${start} >= :from`);
    params.from = new Date(q.from).toISOString();
  }
  if (q.to) {
    where.push(`${start} < :to`);
    params.to = new Date(q.to).toISOString();
  }
  equals('officer_id', 'officerId');
  equals('recorder_id', 'recorderId');
  if (q.category === 'none') where.push(`${unindexed('category')} IS NULL`);
  else if (q.category !== undefined) {
    where.push(`${unindexed('category')} = :category`);
    params.category = q.category;
  }
  // Literal 1 / the literal '[]' test so SQLite can use the partial indexes (key-marked by size, 0019). By
  // duration the key-marked files (3 %) are walked: SQLite took the key-mark index and sorted all of them. With
  // one officer's or recorder's files, theirs are walked: SQLite walked the key-marked files (20 ms against 11).
  const byWearer = q.officerId !== undefined || q.recorderId !== undefined;
  if (q.keyMark === true) where.push(`${byWearer ? '+m.key_mark' : q.sort === 'durationSec' ? unindexed('key_mark') : 'm.key_mark'} = 1`);
  if (q.keyMark === false) where.push(`${unindexed('key_mark')} = 0`);
  equals('classification', 'classification');
  if (q.flags?.length) {
    // Flags are fixed words; the quoted word matches exactly one JSON array element.
    const any = q.flags.map((f, i) => {
      params[`flag${i}`] = `"${f}"`;
      return `instr(m.flags, :flag${i}) > 0`;
    });
    where.push(`m.flags <> '[]' AND (${any.join(' OR ')})`);
  }
  if (q.kind !== undefined) {
    // A kind has its own index in every sort (0016, 0019): walking the size index, audio passed every video first.
    where.push('m.kind = :kind');
    params.kind = q.kind;
  }
  equals('recording_id', 'recordingId');
  if (q.caseId !== undefined) {
    where.push('m.id IN (SELECT media_id FROM case_items WHERE case_id = :caseId)');
    params.caseId = q.caseId;
  }
  // A short text is tested row by row when other filters pick one officer's, recorder's, case's or recording's files.
  // `gather` (a count): the text's matches as a set, never tested row by row, which would read every media row.
  if (q.text !== undefined) where.push(textMatch(db, q.text, params, opts.gather ? { gather: true } : { perRow: fewRows(q) }));
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * One page of the library; the total count of matches comes with the first page only (no `after`):
 * a later page keeps the count it was given, so a deep page costs one index seek, not a count.
 * A free text's count comes with its page only once kept: counting a new text's matches at a million
 * media (every FTS posting list of its trigrams read, its matches gathered) costs hundreds of
 * milliseconds where its first page costs a few, so the caller asks `countLibrary` after the page.
 */
export function searchLibrary(db: Db, q: LibraryQuery): LibraryPageDto {
  const key = SORT_KEY[q.sort];
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const order = `ORDER BY ${key} ${dir}, m.id ${dir}`;
  const { sql, params } = whereClause(db, q);
  const total = q.after ? null : q.text === undefined ? countLibrary(db, q) : (keptCount(db, ...countQuery(db, q)) ?? null);
  // Sorting by size or duration: `+` keeps SQLite off the start_at index, so it walks the sort
  // index and stops after one page, instead of sorting a wide date range. A query known to match few rows
  // by duration is sorted instead: durations tie by the hundred thousand, and walking them for two weeks'
  // files passed every tied row of the other weeks (90–190 ms at a million media).
  const known = q.text === undefined ? (total ?? keptCount(db, ...countQuery(db, q))) : undefined;
  const sortFew = q.sort === 'durationSec' && known !== undefined && known <= SORT_FEW;
  const page = q.sort === 'startAt' || sortFew ? { sql, params } : whereClause(db, q, { rangeBySortIndex: true });
  const started = performance.now();
  const text = q.text === undefined ? null : { ...q, text: q.text };
  const kept = text && textPage(db, text, whereClause(db, { ...q, text: undefined }));
  const alone = q.from === undefined && q.to === undefined && BESIDE_DATES.every((k) => k === 'text' || q[k] === undefined);
  const newest = text && kept === null ? newestTextPage(db, text, alone) : null;
  const listed = kept ?? newest;
  const media = mediaIndexed(q, sortFew);
  const walk: Walk = (after, skip, count) =>
    after ? rowsAfter(db, q, media, page, after, skip, count) : (db.prepare(`SELECT m.id, ${key} FROM ${media} ${page.sql} ${order} LIMIT :count OFFSET :skip`).raw().all({ ...page.params, skip, count }) as [number, string | number][]);
  const ids = listed ?? (q.after ? walk(q.after, 0, q.limit).map((r) => r[0]) : idsAtOffset(db, `${page.sql}\u0000${JSON.stringify(page.params)}\u0000${order}`, q.offset, q.limit, walk));
  // A short text tested on a few rows pages fast without a list: no list of every match to sort.
  // A text answered newest first is one whose every match the plain query would gather: its next pages come from
  // its list, which its count builds.
  if (text && newest) notePlainTextSearch(db, text, Infinity);
  if (text && listed === null && !([...text.text].length < 3 && fewRows(q))) notePlainTextSearch(db, text, performance.now() - started);
  // Ids first (from an index, only the key and id carried), then the page's columns for those few rows.
  const rows = db
    .prepare(`SELECT ${ITEM_COLUMNS}, ${key} AS sort_key FROM json_each(:ids) p JOIN media m ON m.id = p.value ${ITEM_JOINS} ${order}`)
    .all({ ids: JSON.stringify(ids) }) as (ItemRow & { sort_key: string | number })[];
  const last = rows.at(-1);
  const next = last && rows.length === q.limit ? { key: last.sort_key, id: last.id } : null;
  return { total, items: rows.map(toItem), next };
}

/**
 * The number of matches of a query (its paging ignored), kept until the database changes. For a free text
 * found slow on its first page it also builds the text's match list in the query's sort, so the pages the
 * caller asks for next are slices of it: the count has read every match already.
 */
export function countLibrary(db: Db, q: LibraryQuery): number {
  const total = cachedCount(db, ...countQuery(db, q));
  if (q.text !== undefined) keepTextList(db, { ...q, text: q.text }, SORT_KEY[q.sort]);
  return total;
}

/**
 * `count` rows after `after` in the query's order past the first `skip`, each [id, key]. Two seeks, each an index range: the rows that tie on
 * the key with a greater (or smaller) id, then the rows beyond the key; SQLite cannot seek a row
 * value over an expression index, and durations tie often (segments are cut at fixed lengths).
 */
function rowsAfter(db: Db, q: LibraryQuery, media: string, where: { sql: string; params: Record<string, unknown> }, after: LibraryCursor, skip: number, count: number): [number, string | number][] {
  const key = SORT_KEY[q.sort];
  const [dir, beyond] = q.order === 'asc' ? ['ASC', '>'] : ['DESC', '<'];
  const and = where.sql ? `${where.sql} AND` : 'WHERE';
  const arm = (cond: string, order: string) => `SELECT * FROM (SELECT m.id, ${key} AS k FROM ${media} ${and} ${cond} ORDER BY ${order} LIMIT :limit)`;
  return db
    .prepare(
      `SELECT id, k FROM (${arm(`${key} = :afterKey AND m.id ${beyond} :afterId`, `m.id ${dir}`)} UNION ALL ${arm(`${key} ${beyond} :afterKey`, `${key} ${dir}, m.id ${dir}`)})
       ORDER BY k ${dir}, id ${dir} LIMIT :count OFFSET :skip`,
    )
    .raw()
    .all({ ...where.params, afterKey: after.key, afterId: after.id, limit: skip + count, skip, count }) as [number, string | number][];
}

function countQuery(db: Db, q: LibraryQuery): [string, Record<string, unknown>] {
  const { sql, params } = whereClause(db, q, { gather: true });
  return [`SELECT COUNT(*) FROM media m ${sql}`, params];
}

/** A query matching at most this many media is sorted rather than walked in duration order. */
const SORT_FEW = 20_000;

/** The filters other than the date range. */
const BESIDE_DATES = ['officerId', 'recorderId', 'category', 'keyMark', 'classification', 'flags', 'kind', 'caseId', 'recordingId', 'text'] as const satisfies readonly (keyof LibraryQuery)[];

/**
 * The media table, naming its index where SQLite's own choice measured slower at a million media. By duration:
 * unfiltered, SQLite skip-scanned a (classification, duration) index (0019) for a cursor page's tied rows, 12–16 ms
 * where the duration walk takes 3; a date range alone, sorted, it read two weeks' 13 000 rows through the key-mark
 * index (16 ms) where the (start, duration) index holds all the sort needs (6 ms).
 */
function mediaIndexed(q: LibraryQuery, sortFew: boolean): string {
  if (q.sort !== 'durationSec') return 'media m';
  if (BESIDE_DATES.some((k) => q[k] !== undefined)) return 'media m';
  if (q.from === undefined && q.to === undefined) return 'media m INDEXED BY media_duration_walk';
  return sortFew ? 'media m INDEXED BY media_start_duration' : 'media m';
}

/** Filters that pick one officer's, recorder's, case's or recording's files: 5 % of the archive at most. */
const fewRows = (q: LibraryQuery) => q.officerId !== undefined || q.recorderId !== undefined || q.caseId !== undefined || q.recordingId !== undefined;
