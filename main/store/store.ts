import type { Clock } from '../common';
import { checkpointAndClose, openDatabase, type Db, type OpenOptions } from './db';
import { ensureArchiveLayout, type ArchivePaths } from './archive';
import { migrate } from './migrate';

export interface Store {
  db: Db;
  paths: ArchivePaths;
  close(): void;
}

/** Opens (creating if needed) the archive at root and brings its schema up to date (as of the clock's now). */
export function openStore(root: string, clock: Clock, opts: OpenOptions = {}): Store {
  const paths = ensureArchiveLayout(root);
  const db = openDatabase(paths.db, opts);
  migrate(db, clock.now());
  return { db, paths, close: () => checkpointAndClose(db) };
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
