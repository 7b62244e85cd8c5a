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

/** Folds the WAL back into the main file so the archive is a single self-contained file at rest. */
export function checkpointAndClose(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
