import type { Db } from '../store';

/** Enough for the filters one office switches between; past it the oldest count goes. */
const KEPT = 200;

interface Counts {
  version: string;
  counts: Map<string, number>;
}

const byDb = new WeakMap<Db, Counts>();

/**
 * What the database is now: any change made through this connection (total_changes) or committed by
 * another (data_version) gives a new version, and every count kept for the old one is dropped.
 */
function versionOf(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

/**
 * `SELECT COUNT(*) …` (one row, one column), taken once per query and kept until the database
 * changes: a common filter counts hundreds of thousands of rows, which the first page of every
 * search and every return to that filter would otherwise pay again.
 */
export function cachedCount(db: Db, sql: string, params: Record<string, unknown>): number {
  const version = versionOf(db);
  let kept = byDb.get(db);
  if (kept?.version !== version) byDb.set(db, (kept = { version, counts: new Map() }));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = kept.counts.get(key);
  if (hit !== undefined) return hit;
  const n = db.prepare(sql).pluck().get(params) as number;
  if (kept.counts.size >= KEPT) kept.counts.delete(kept.counts.keys().next().value!);
  kept.counts.set(key, n);
  return n;
}
