import { AppError, type Clock } from '../common';
import { checkpointAndClose, openDatabase, openDatabaseReadOnly, type Db, type OpenOptions } from './db';
import { gatherStatisticsAside, type StatisticsRun } from './statistics';
import { warmPagesAside, type WarmRun } from './warm-pages';
import { archivePaths, ensureArchiveLayout, type ArchivePaths } from './archive';
import { LATEST_SCHEMA, migrate, readSchemaVersion, SchemaTooNewError } from './migrate';

export interface Store {
  db: Db;
  paths: ArchivePaths;
  /** The planner's statistics being gathered aside since the open (statistics.ts); null: not due. */
  statistics: StatisticsRun['done'] | null;
  /** The library's pages being read into the system's file cache since the open (warm-pages.ts); null: not needed. */
  warmed: WarmRun['done'] | null;
  close(): void;
}

/** Opens (creating if needed) the archive at root and brings its schema up to date (as of the clock's now). */
export function openStore(root: string, clock: Clock, opts: OpenOptions = {}): Store {
  const paths = ensureArchiveLayout(root);
  const db = openDatabase(paths.db, opts);
  migrate(db, clock.now());
  const statistics = gatherStatisticsAside(db, opts);
  const warming = warmPagesAside(db, opts);
  return {
    db,
    paths,
    statistics: statistics?.done ?? null,
    warmed: warming?.done ?? null,
    close: () => {
      statistics?.stop();
      warming?.stop();
      checkpointAndClose(db);
    },
  };
}

/**
 * Opens an archive only to read it (the command line's checks without a login): no folders made, no
 * migration, no switch to WAL, nothing written. An archive whose schema is older than this program
 * must be opened once for writing (by the program, or a command run with --user) first.
 */
export function openStoreReadOnly(root: string, opts: OpenOptions = {}): Store {
  const paths = archivePaths(root);
  const db = openDatabaseReadOnly(paths.db, opts);
  const version = readSchemaVersion(db);
  if (version !== LATEST_SCHEMA) {
    db.close();
    if (version > LATEST_SCHEMA) throw new SchemaTooNewError(version, LATEST_SCHEMA);
    throw new AppError('SCHEMA_OUT_OF_DATE', '存档的数据库版本较旧，请先用本程序打开一次（或带 --user 运行命令）后再检查', `database schema version ${version} is older than this program's (${LATEST_SCHEMA}); a read-only open cannot migrate it`);
  }
  return { db, paths, statistics: null, warmed: null, close: () => db.close() };
}

export interface OfficeRow {
  name: string;
  unitName: string;
  timeZone: string;
  idleMinutes: number;
  caCertPem: string;
  createdAt: string;
}

export function readOffice(db: Db): OfficeRow | null {
  const r = db
    .prepare(
      'SELECT name, unit_name AS unitName, time_zone AS timeZone, idle_minutes AS idleMinutes, ca_cert_pem AS caCertPem, created_at AS createdAt FROM office WHERE id = 1',
    )
    .get() as OfficeRow | undefined;
  return r ?? null;
}

/** The office row's editable fields (setup writes the rest once). */
export function updateOffice(db: Db, o: { name: string; unitName: string; timeZone: string; idleMinutes: number }): void {
  db.prepare('UPDATE office SET name = ?, unit_name = ?, time_zone = ?, idle_minutes = ? WHERE id = 1').run(o.name, o.unitName, o.timeZone, o.idleMinutes);
}
