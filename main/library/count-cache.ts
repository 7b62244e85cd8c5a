import type { Db } from '../store';

/**
 * What the database is now: any change made through this connection (total_changes) or committed by
 * another (data_version) gives a new version, and every value kept for the old one is dropped.
 */
function versionOf(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

/** Values worked out from the database, each kept under its key until the database changes; past `capacity` the oldest goes. */
export class KeptUntilChange<T> {
  private readonly byDb = new WeakMap<Db, { version: string; values: Map<string, T> }>();

  constructor(private readonly capacity: number) {}

  get(db: Db, key: string, make: () => T): T {
    const kept = this.current(db);
    const hit = kept.values.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (kept.values.size >= this.capacity) kept.values.delete(kept.values.keys().next().value!);
    kept.values.set(key, value);
    return value;
  }

  /** The value kept under `key` for the database as it is now, if any. */
  peek(db: Db, key: string): T | undefined {
    return this.current(db).values.get(key);
  }

  private current(db: Db): { version: string; values: Map<string, T> } {
    const version = versionOf(db);
    let kept = this.byDb.get(db);
    if (kept?.version !== version) this.byDb.set(db, (kept = { version, values: new Map() }));
    return kept;
  }
}

/** Enough for the filters one office switches between. */
const counts = new KeptUntilChange<number>(200);

/**
 * `SELECT COUNT(*) …` (one row, one column), taken once per query and kept until the database
 * changes: a common filter counts hundreds of thousands of rows, which the first page of every
 * search and every return to that filter would otherwise pay again.
 */
export function cachedCount(db: Db, sql: string, params: Record<string, unknown>): number {
  return counts.get(db, countKey(sql, params), () => db.prepare(sql).pluck().get(params) as number);
}

/** The count `cachedCount` keeps for this query, if it has taken it since the database last changed; never counts. */
export function keptCount(db: Db, sql: string, params: Record<string, unknown>): number | undefined {
  return counts.peek(db, countKey(sql, params));
}

const countKey = (sql: string, params: Record<string, unknown>) => `${sql}\u0000${JSON.stringify(params)}`;
