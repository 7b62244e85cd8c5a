import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion, MIGRATIONS, SchemaTooNewError } from '../../../main/store';
import path from 'node:path';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

describe('migration 0001 foundation', () => {
  it('creates the foundation tables on an empty file and records itself once', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(db.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual([{ version: 1, applied_at: APPLIED_AT.toISOString() }]);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['office', 'users', 'user_roles', 'user_certificates', 'ca_key_wraps', 'audit_log', 'audit_seals', 'schema_migrations']),
    );
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 1))).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('enforces its constraints: one office row, known roles, foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 1));
    const office = db.prepare("INSERT INTO office (id, name, unit_name, time_zone, ca_cert_pem, created_at) VALUES (?, 'a', 'b', 'Asia/Shanghai', 'pem', 'now')");
    office.run(1);
    expect(() => office.run(2)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (99, 'officer')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO users (login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES ('a', 'A', 'h', 'k', 'c', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'superuser')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO users (login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES ('A', 'A', 'h', 'k', 'c', 'now', 'now')").run()).toThrow(/UNIQUE/);
  });

  it('refuses a database written by a newer program', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')").run();
    expect(() => migrate(db, APPLIED_AT)).toThrow(SchemaTooNewError);
  });
});
