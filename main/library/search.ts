import type { Db } from '../store';
import type { Category, Classification, MediaFlag, MediaKind } from '../common';
import type { LibraryPageDto } from './types';
import { ITEM_COLUMNS, ITEM_JOINS, toItem, type ItemRow } from './rows';

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
}

const SORT_COLUMN = { startAt: 'm.start_at', size: 'm.size', durationSec: 'm.duration_sec' } as const;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Builds the WHERE clause of a library query. Each filter maps to one indexed column (0003's
 * indexes); values are always bound, never spliced into the SQL.
 */
export function whereClause(q: LibraryQuery, opts: { rangeBySortIndex?: boolean } = {}): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  /** `m.<column> = :<key>` when the query names a value for it. */
  const equals = (column: string, key: 'officerId' | 'recorderId' | 'classification' | 'kind' | 'recordingId') => {
    if (q[key] === undefined) return;
    where.push(`m.${column} = :${key}`);
    params[key] = q[key];
  };
  // Sorting by size or duration: `+` keeps SQLite off the start_at index, so it walks the sort
  // index (which carries start_at) and stops after one page, instead of sorting a wide date range.
  const start = opts.rangeBySortIndex ? '+m.start_at' : 'm.start_at';
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
  if (q.category === 'none') where.push('m.category IS NULL');
  else if (q.category !== undefined) {
    where.push('m.category = :category');
    params.category = q.category;
  }
  // Literal 1 / the literal '[]' test so SQLite can use the partial indexes.
  if (q.keyMark === true) where.push('m.key_mark = 1');
  if (q.keyMark === false) where.push('m.key_mark = 0');
  equals('classification', 'classification');
  if (q.flags?.length) {
    // Flags are fixed words; the quoted word matches exactly one JSON array element.
    const any = q.flags.map((f, i) => {
      params[`flag${i}`] = `"${f}"`;
      return `instr(m.flags, :flag${i}) > 0`;
    });
    where.push(`m.flags <> '[]' AND (${any.join(' OR ')})`);
  }
  equals('kind', 'kind');
  equals('recording_id', 'recordingId');
  if (q.caseId !== undefined) {
    where.push('m.id IN (SELECT media_id FROM case_items WHERE case_id = :caseId)');
    params.caseId = q.caseId;
  }
  if (q.text !== undefined) {
    // LIKE rather than FTS5: names and notes are short, Chinese has no word breaks for unicode61,
    // and the trigram tokenizer cannot find two-character names such as 张三.
    // The matching ids are collected once, from the narrow name index and the notes table.
    where.push(
      `m.id IN (SELECT id FROM media WHERE original_name LIKE :text ESCAPE '\\' UNION ALL SELECT media_id FROM media_notes WHERE text LIKE :text ESCAPE '\\')`,
    );
    params.text = likePattern(q.text);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** One page of the library and the total count of matches. */
export function searchLibrary(db: Db, q: LibraryQuery): LibraryPageDto {
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const order = `ORDER BY ${SORT_COLUMN[q.sort]} ${dir}, m.id ${dir}`;
  const select = (inner: string) => `SELECT ${ITEM_COLUMNS} FROM (${inner}) p JOIN media m ON m.id = p.id ${ITEM_JOINS} ${order}`;

  if (q.text !== undefined) {
    // Free text has to look at every name anyway: one pass gives both the count and the page.
    const { sql, params } = whereClause(q);
    const ids = db.prepare(`SELECT m.id FROM media m ${sql} ${order}`).pluck().all(params) as number[];
    const pageIds = ids.slice(q.offset, q.offset + q.limit);
    const rows = db.prepare(select('SELECT value AS id FROM json_each(:ids)')).all({ ids: JSON.stringify(pageIds) }) as ItemRow[];
    return { total: ids.length, items: rows.map(toItem) };
  }

  const { sql, params } = whereClause(q);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM media m ${sql}`).get(params) as { n: number }).n;
  const page = q.sort === 'startAt' ? { sql, params } : whereClause(q, { rangeBySortIndex: true });
  // Ids first (sorted from an index, only the key and id carried), then the page's columns for those few rows.
  const rows = db
    .prepare(select(`SELECT m.id FROM media m ${page.sql} ${order} LIMIT :limit OFFSET :offset`))
    .all({ ...page.params, limit: q.limit, offset: q.offset }) as ItemRow[];
  return { total, items: rows.map(toItem) };
}
