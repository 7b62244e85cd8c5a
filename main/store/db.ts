import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens the evidence database with the pragmas every connection must have. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  // FULL: a committed ingest row must survive a power cut together with its file.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Opens the evidence database only to read it, leaving the file's bytes and its folder as they were.
 * While a program has it open (its -wal is there) this shares that WAL read-only; at rest it reads a
 * copy of the file in memory, because a read-only connection to a WAL database creates -wal and -shm
 * files and leaves them behind. The copy's header says "rollback journal": SQLite cannot open a WAL
 * database from memory.
 */
export function openDatabaseReadOnly(file: string, opts: OpenOptions = {}): Db {
  if (existsSync(`${file}-wal`)) return openDatabase(file, { ...opts, readonly: true });
  const bytes = readFileSync(file);
  if (bytes.length >= 20) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes, { readonly: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  db.pragma('foreign_keys = ON');
  return db;
}

/** Below this many media the library is fast on SQLite's default estimates; statistics are not gathered. */
export const STATISTICS_FROM_MEDIA = 10_000;

/** The tables the library's queries read; the rest (the audit log above all) plan well on SQLite's defaults. */
const ANALYZED = ['media', 'media_notes', 'case_items', 'cases', 'recordings'] as const;

/**
 * Gathers the planner's statistics (`sqlite_stat1`) of the library's tables in full when the archive has twice the
 * media it had when they were last gathered: the library's plans at a million media were measured with them.
 * Full, not SQLite's bounded `PRAGMA optimize`: that samples the first rows of each index, and its estimates (a kind
 * as selective as a date) made key-marked by size 122–132 ms and classification + flags by duration 55 ms at a
 * million media. The open that gathers them took 10.4 s there, once per doubling. Not on a small archive:
 * statistics of a nearly empty archive made adding 100 000 media rows take 57–62 s instead of 37, and stale
 * estimates of tiny tables mislead more than SQLite's defaults.
 * Returns whether it analyzed. A failure (a full disk) only leaves the old statistics: the archive works without.
 */
export function refreshStatistics(db: Db): boolean {
  try {
    // Media rows are never deleted (0002): the largest id is their number.
    const media = (db.prepare('SELECT max(id) FROM media').pluck().get() as number | null) ?? 0;
    if (media < STATISTICS_FROM_MEDIA) return false;
    const hasStats = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
    // An index's statistics start with the rows it held; the largest is a whole-table index's (others are partial).
    const then = hasStats ? ((db.prepare("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'media'").pluck().get() as number | null) ?? 0) : 0;
    if (then > 0 && media < 2 * then) return false;
    const present = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (SELECT value FROM json_each(?))").pluck().all(JSON.stringify(ANALYZED)) as string[];
    for (const table of present) db.exec(`ANALYZE "${table}"`);
    return true;
  } catch {
    // Statistics steer the planner only (and an archive without a media table yet has nothing to steer).
    return false;
  }
}

/** Folds the WAL back into the main file so the archive is a single self-contained file at rest. */
export function checkpointAndClose(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
