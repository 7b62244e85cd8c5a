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

/** Folds the WAL back into the main file so the archive is a single self-contained file at rest. */
export function checkpointAndClose(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
