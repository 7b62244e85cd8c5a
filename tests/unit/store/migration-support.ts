import path from 'node:path';
import { expect } from 'vitest';
import { migrate, MIGRATIONS, openDatabase, schemaVersion, type Db } from '../../../main/store';
import { tempDir } from '../../support/services';

/** The same instant for every migration test. */
export const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

/** Migration `version` applies on `db` (at the version before it), a second run does nothing, and the schema is at it. */
export function expectAppliesOnce(db: Db, version: number): void {
  const upTo = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.version === version) + 1);
  expect(migrate(db, APPLIED_AT, upTo)).toEqual([version]);
  expect(migrate(db, APPLIED_AT, upTo)).toEqual([]);
  expect(schemaVersion(db)).toBe(version);
}

/** A new database in a temporary folder, migrated up to the version just before `version`. */
export function databaseBefore(version: number): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.version === version)));
  return db;
}

/** A database at migration `version`, applied once as `expectAppliesOnce` checks, with user 1 for the rows that name one. */
export function appliedWithUser(version: number): Db {
  const db = databaseBefore(version);
  expectAppliesOnce(db, version);
  db.prepare("INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'c', 'C', 'x', 'x', 'x', 't', 't')").run();
  return db;
}
