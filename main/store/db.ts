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

/**
 * Lets SQLite refresh the planner's statistics (`sqlite_stat1`) where a table grew or shrank a lot since they were
 * gathered, as SQLite advises for long-lived connections: at open every table is checked (0x10000), at close those
 * the connection used. Mostly a no-op. Its analysis is bounded (0x10): at a million media about 0.9 s, where a full
 * ANALYZE took 6.9 s. Without statistics the library's filters by size or duration can plan on the wrong index.
 * Not on a small archive: statistics of a nearly empty archive made 100 000 media rows take 60 s to add instead of
 * 37, and stale estimates of tiny tables are worse than SQLite's defaults. A failure (a full disk, a busy file) only
 * leaves the old statistics: the archive works without them.
 */
export function refreshStatistics(db: Db, when: 'open' | 'close'): void {
  try {
    // Media rows are never deleted (0002): the largest id is their number.
    const media = db.prepare('SELECT max(id) FROM media').pluck().get() as number | null;
    if ((media ?? 0) < STATISTICS_FROM_MEDIA) return;
    db.pragma(when === 'open' ? 'optimize = 0x10012' : 'optimize');
  } catch {
    // Statistics steer the planner only (and an archive without a media table yet has nothing to steer).
  }
}

/** Folds the WAL back into the main file so the archive is a single self-contained file at rest. */
export function checkpointAndClose(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) {
      refreshStatistics(db, 'close');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    db.close();
  }
}
