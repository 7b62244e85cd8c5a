import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion, MIGRATIONS } from '../../../main/store';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

function at3() {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3));
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'u', 'U', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'completed', 1, 'x', 'folder');
    INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
    VALUES (1, '${'a'.repeat(64)}', 10, 'originals/a', 'a.mp4', 'a.mp4', 'video', 1, '2024-05-20T01:30:00.000Z', 'file_name', '2024-05-20', 1, '2024-08-20T01:30:00.000Z', 'now');
    INSERT INTO viewings (user_id, media_id, started_at, last_at, basis) VALUES (1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z', 'role:chief');
  `);
  return db;
}

const REQ = "INSERT INTO access_requests (id, type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES (1, 'case', 'media', 1, '办案', 1, '2024-01-01T00:00:00Z')";

describe('migration 0004 access', () => {
  it('applies on top of 0003 with data in place, once', () => {
    const db = at3();
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 4))).toEqual([4]);
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 4))).toEqual([]);
    expect(schemaVersion(db)).toBe(4);
    const names = (db.prepare("SELECT name FROM sqlite_master ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['access_requests', 'access_request_users', 'access_requests_scope', 'viewings_grant']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM viewings').get()).toEqual({ n: 1 });
  });

  it('requests need a reason and a known type, are never deleted, and never change what they asked for', () => {
    const db = at3();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 4));
    expect(() => db.prepare("INSERT INTO access_requests (type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES ('case', 'media', 1, '  ', 1, 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO access_requests (type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES ('export', 'media', 1, 'x', 1, 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO access_requests (type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES ('case', 'media', 1, 'x', 99, 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare(REQ).run();
    expect(() => db.prepare('DELETE FROM access_requests').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE access_requests SET reason = 'other'").run()).toThrow(/never changes/);
  });

  it('states hang together: approved has a window, rejected a reason, revoked a time', () => {
    const db = at3();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 4));
    db.prepare(REQ).run();
    expect(() => db.prepare("UPDATE access_requests SET status = 'approved', decided_by = 1, decided_at = 'now' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE access_requests SET status = 'rejected', decided_by = 1, decided_at = 'now' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE access_requests SET status = 'approved', decided_by = 1, decided_at = 'now', valid_from = '2024-01-02', valid_until = '2024-01-01' WHERE id = 1").run(),
    ).toThrow(/CHECK/);
    db.prepare("UPDATE access_requests SET status = 'approved', decided_by = 1, decided_at = 'now', valid_from = '2024-01-01', valid_until = '2024-01-08' WHERE id = 1").run();
    db.prepare('INSERT INTO access_request_users (request_id, user_id) VALUES (1, 1)').run();
    expect(() => db.prepare('INSERT INTO access_request_users (request_id, user_id) VALUES (1, 1)').run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE access_requests SET status = 'revoked' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE access_requests SET status = 'revoked', revoked_by = 1, revoked_at = 'now' WHERE id = 1").run();
  });
});
