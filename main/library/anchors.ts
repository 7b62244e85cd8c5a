import type { Db } from '../store';
import type { LibraryCursor } from './search';
import { KeptUntilChange } from './count-cache';

/** Anchors sit every this many rows: a deep page is an anchor's cursor and fewer than this many rows skipped. */
const EVERY = 1000;
/** Shallower offsets are skipped from the start: an anchor would save little there. */
const DEEP = 5 * EVERY;

/** Per query (its WHERE, parameters and order): cursors of the rows at some positions EVERY·k − 1, ascending. */
const anchors = new KeptUntilChange<{ at: number; cursor: LibraryCursor }[]>(50);

/** The query's rows in its order after `after` (from the start when null): `count` of them after skipping `skip`, each [id, sort key]. */
export type Walk = (after: LibraryCursor | null, skip: number, count: number) => [number, string | number][];

/**
 * The ids at `offset`..`offset+limit` of a query, through anchors kept until the data changes. SQLite
 * walks an OFFSET row by row (34 ms for 500 000 at a million media); here a deep page starts from the
 * cursor of an anchor just before it (an index seek) and skips under EVERY rows. A missing anchor is
 * found from the nearest one before it (or the start), so the first jump to a depth costs what the
 * plain offset costs, and later pages near it do not.
 */
export function idsAtOffset(db: Db, queryKey: string, offset: number, limit: number, walk: Walk): number[] {
  if (offset < DEEP) return walk(null, offset, limit).map((r) => r[0]);
  const known = anchors.get(db, queryKey, () => []);
  const at = Math.floor(offset / EVERY) * EVERY - 1;
  let anchor = known.find((a) => a.at === at);
  if (!anchor) {
    const before = known.filter((a) => a.at < at).at(-1);
    const [row] = walk(before?.cursor ?? null, at - (before ? before.at + 1 : 0), 1);
    if (!row) return [];
    anchor = { at, cursor: { id: row[0], key: row[1] } };
    known.push(anchor);
    known.sort((a, b) => a.at - b.at);
  }
  return walk(anchor.cursor, offset - at - 1, limit).map((r) => r[0]);
}
