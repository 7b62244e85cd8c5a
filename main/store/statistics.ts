import { startAside } from './aside';
import type { Db, OpenOptions } from './db';

/** Below this many media the library is fast on SQLite's default estimates; statistics are not gathered. */
export const STATISTICS_FROM_MEDIA = 10_000;

/** The tables the library's queries read; the rest (the audit log above all) plan well on SQLite's defaults. */
export const LIBRARY_TABLES = ['media', 'media_notes', 'case_items', 'cases', 'recordings'] as const;

/**
 * Whether the planner's statistics (`sqlite_stat1`) of the library's tables are due: the archive has 10 000 media or
 * more and twice the media it had when they were last gathered. The library's plans at a million media were measured
 * with full statistics, not SQLite's bounded `PRAGMA optimize`: that samples the first rows of each index, and its
 * estimates (a kind as selective as a date) made key-marked by size 122–132 ms and classification + flags by duration
 * 55 ms. Not on a small archive: statistics of a nearly empty archive made adding 100 000 media rows take 57–62 s
 * instead of 37, and stale estimates of tiny tables mislead more than SQLite's defaults.
 */
export function statisticsDue(db: Db): boolean {
  try {
    if (db.readonly) return false;
    // Media rows are never deleted (0002): the largest id is their number.
    const media = (db.prepare('SELECT max(id) FROM media').pluck().get() as number | null) ?? 0;
    if (media < STATISTICS_FROM_MEDIA) return false;
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) return true;
    // An index's statistics start with the rows it held; the largest is a whole-table index's (others are partial).
    const then = (db.prepare("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'media'").pluck().get() as number | null) ?? 0;
    return then === 0 || media >= 2 * then;
  } catch {
    // An archive without a media table yet has nothing to steer.
    return false;
  }
}

/**
 * The ANALYZE statements that gather them: one per index, so that each holds the write lock only while it reads that
 * index (at a million media the whole media table took 10.4 s), and a table's own where it has no index or keeps its
 * rows in its primary key (WITHOUT ROWID: case_items). They give the same statistics as ANALYZE of whole tables.
 */
export function statisticsStatements(db: Db): string[] {
  const tables = db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND name IN (SELECT value FROM json_each(?)) ORDER BY name").all(JSON.stringify(LIBRARY_TABLES)) as { name: string; wr: number }[];
  const indexOf = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name").pluck();
  const quote = (name: string) => `ANALYZE "${name.replaceAll('"', '""')}"`;
  return tables.flatMap(({ name, wr }) => {
    const indexes = indexOf.all(name) as string[];
    return wr || !indexes.length ? [quote(name)] : indexes.map(quote);
  });
}

export interface StatisticsRun {
  /** Resolves once gathered and loaded into this connection's planner (true), or not gathered (false, error). */
  done: Promise<{ gathered: boolean; ms: number; error?: string }>;
  /** Stops the gathering (the archive closes): what one index's ANALYZE had not committed is rolled back. */
  stop(): void;
}

/** Between two indexes' ANALYZE: longer than SQLite's longest sleep between a waiting writer's retries (100 ms). */
const WRITERS_FIRST_MS = 150;

const WORKER_JS = String.raw`
const { parentPort } = require('node:worker_threads');
const w = workerData;
try {
  const db = open({});
  db.pragma('busy_timeout = 5000');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const sql of w.statements) {
    db.exec(sql);
    // A writer waiting on the lock retries every 100 ms at most: let it in before the next index takes the lock again.
    Atomics.wait(pause, 0, 0, w.pauseMs);
  }
  db.close();
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
}`;

/**
 * Gathers them when due on a connection of its own in a worker thread, so that opening a large archive does not hold
 * up the program for the seconds it takes (10.4 s at a million media, once per doubling); then has this connection's
 * planner load them (`ANALYZE sqlite_schema`: another connection's statistics are read only at a schema load). Until
 * then queries plan on the statistics gathered before, or SQLite's defaults.
 */
export function gatherStatisticsAside(db: Db, opts: OpenOptions = {}): StatisticsRun | null {
  if (!statisticsDue(db)) return null;
  const started = performance.now();
  const worker = startAside(db, opts, WORKER_JS, { statements: statisticsStatements(db), pauseMs: WRITERS_FIRST_MS });
  const done = new Promise<{ gathered: boolean; ms: number; error?: string }>((resolve) => {
    const end = (gathered: boolean, error?: string) => resolve({ gathered, ms: performance.now() - started, ...(error ? { error } : {}) });
    worker.once('message', (m: { ok: boolean; error?: string }) => {
      if (!m.ok) return end(false, m.error);
      try {
        if (db.open) db.exec('ANALYZE sqlite_schema');
        end(db.open, db.open ? undefined : 'the archive closed before the statistics were loaded');
      } catch (e) {
        end(false, e instanceof Error ? e.message : String(e));
      }
    });
    worker.once('error', (e) => end(false, e.message));
    worker.once('exit', () => end(false, 'stopped'));
  });
  return { done, stop: () => void worker.terminate() };
}
