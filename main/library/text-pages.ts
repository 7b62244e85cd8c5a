import type { Db } from '../store';
import type { LibraryQuery } from './search';
import { textMatch } from './text-match';
import { cachedCount, KeptUntilChange } from './count-cache';

/** Past this many matches a text is left to the plain query: its list would cost more to keep than to walk. */
const MOST = 250_000;
/** Other filters matching at most this many media are kept as a set of ids (an officer's, a recorder's files). */
const SET_MOST = 100_000;

/** Per text and sort key: every matching id and its key, in ascending (key, id) order; descending reads it backwards. */
const lists = new KeptUntilChange<{ ids: number[]; keys: (string | number)[] }>(12);
/** Per WHERE clause without the text: the ids it matches. */
const sets = new KeptUntilChange<Set<number>>(12);
/**
 * Texts whose plain query was slow: only these get a list, built when their count is asked for (`keepTextList`),
 * which reads every match anyway. A new text's first page is the plain query, as fast as before; a text the
 * plain query answers quickly (an officer's name goes through the officer index) never pays for sorting every match.
 */
const slow = new KeptUntilChange<true>(64);
let slowMs = 20;

/** Tests set 0 so that every text searched once is answered from its list once counted. */
export function keepTextListsWhenSlowerThan(ms: number): void {
  slowMs = ms;
}

/** Called after the plain query answered a text search, with how long it took. */
export function notePlainTextSearch(db: Db, q: LibraryQuery & { text: string }, elapsedMs: number): void {
  if (elapsedMs >= slowMs) slow.get(db, listKey(q), () => true);
}

const listKey = (q: LibraryQuery & { text: string }) => `${q.sort}\u0000${q.text}`;

type Where = { sql: string; params: Record<string, unknown> };

/**
 * Builds and keeps a slow text's matches in the order of `sortKey` (ascending key, id) unless it has too many:
 * the FTS posting lists of a short text hold tens of thousands of rows (trigrams almost every file name or
 * note holds), and sorting them again for every page cost 60–340 ms at a million media.
 */
export function keepTextList(db: Db, q: LibraryQuery & { text: string }, sortKey: string): void {
  if (lists.peek(db, listKey(q)) || !slow.peek(db, listKey(q))) return;
  const params: Record<string, unknown> = {};
  const match = textMatch(db, q.text, params, { gather: true });
  if (cachedCount(db, `SELECT COUNT(*) FROM media m WHERE ${match}`, params) > MOST) return;
  lists.get(db, listKey(q), () => {
    const rows = db.prepare(`SELECT m.id, ${sortKey} FROM media m WHERE ${match} ORDER BY ${sortKey}, m.id`).raw().all(params) as [number, string | number][];
    return { ids: rows.map((r) => r[0]), keys: rows.map((r) => r[1]) };
  });
}

/**
 * A page of a free-text search from the text's matches kept in sort order (`keepTextList`) until the data
 * changes: a text alone is a slice. The query's other filters (`others`, its WHERE clause without the text)
 * are checked on the list in order until the page is full: against their own kept set of ids when
 * they are selective, else on the list's ids a block at a time; a date range by start narrows the
 * list first. Null when the plain query should answer: no list kept, or a cursor not in the list.
 */
export function textPage(db: Db, q: LibraryQuery & { text: string }, others: Where): number[] | null {
  const list = lists.peek(db, listKey(q));
  if (!list) return null;
  // [lo, hi) of the ascending list; by start a date range is a stretch of it.
  let [lo, hi] = [0, list.ids.length];
  if (q.sort === 'startAt') {
    if (q.from) lo = firstAtOrAfter(list.keys, new Date(q.from).toISOString());
    if (q.to) hi = firstAtOrAfter(list.keys, new Date(q.to).toISOString());
  }
  const asc = q.order === 'asc';
  const nth = (i: number): number => list.ids[asc ? lo + i : hi - 1 - i]!;
  const n = Math.max(0, hi - lo);
  let start = 0;
  if (q.after) {
    const at = list.ids.indexOf(q.after.id);
    if (at < lo || at >= hi) return null;
    start = (asc ? at - lo : hi - 1 - at) + 1;
  }
  const skip = q.after ? 0 : q.offset;
  const take = (from: number, count: number) => Array.from({ length: Math.max(0, Math.min(count, n - from)) }, (_, k) => nth(from + k));
  if (!others.sql) return take(start + skip, q.limit);
  const keep = passing(db, others);
  const out: number[] = [];
  let skipped = 0;
  for (let at = start, size = Math.max(256, 2 * (skip + q.limit)); at < n && out.length < q.limit; at += size, size *= 2) {
    const block = take(at, size);
    const kept = keep(block);
    for (const id of block) {
      if (!kept.has(id)) continue;
      if (skipped < skip) skipped++;
      else if (out.push(id) >= q.limit) break;
    }
  }
  return out;
}

/** The first index whose key is at or after `key` in an ascending list of ISO times. */
function firstAtOrAfter(keys: (string | number)[], key: string): number {
  let [a, b] = [0, keys.length];
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((keys[mid] as string) < key) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Which of a block of ids pass `others`. */
function passing(db: Db, others: Where): (block: number[]) => Set<number> {
  const where = `${others.sql}\u0000${JSON.stringify(others.params)}`;
  if (cachedCount(db, `SELECT COUNT(*) FROM media m ${others.sql}`, others.params) <= SET_MOST) {
    const set = sets.get(db, where, () => new Set(db.prepare(`SELECT m.id FROM media m ${others.sql}`).pluck().all(others.params) as number[]));
    return (block) => new Set(block.filter((id) => set.has(id)));
  }
  // The block drives (CROSS JOIN): each id is one rowid lookup, whatever index the filters would pick.
  const pass = db.prepare(`SELECT m.id FROM json_each(:block) p CROSS JOIN media m ON m.id = p.value ${others.sql.replace(/^WHERE/, 'AND')}`).pluck();
  return (block) => new Set(pass.all({ ...others.params, block: JSON.stringify(block) }) as number[]);
}
