import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion, MIGRATIONS } from '../../../main/store';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

function at2() {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 2));
  return db;
}

function seed(db: ReturnType<typeof at2>) {
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'u', 'U', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'completed', 1, 'x', 'folder');
    INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
    VALUES (1, '${'a'.repeat(64)}', 10, 'originals/a', 'a.mp4', 'a.mp4', 'video', 1, '2024-05-20T01:30:00.000Z', 'file_name', '2024-05-20', 1, '2024-08-20T01:30:00.000Z', 'now');
  `);
}

describe('migration 0003 library', () => {
  it('applies on top of 0002 with data in place, once', () => {
    const db = at2();
    seed(db);
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3))).toEqual([3]);
    expect(migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3))).toEqual([]);
    expect(schemaVersion(db)).toBe(3);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'index') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['viewings', 'media_notes', 'bookmarks', 'cases', 'case_items', 'media_retention',
      'media_category', 'media_classification', 'media_key_marked', 'media_flagged', 'media_size', 'media_duration', 'media_name']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 1 });
  });

  it('keeps the viewing register, refuses bad rows, enforces foreign keys', () => {
    const db = at2();
    seed(db);
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO viewings (user_id, media_id, started_at, last_at, basis) VALUES (1, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z', 'role:chief')").run();
    expect(() => db.prepare('DELETE FROM viewings').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO viewings (user_id, media_id, started_at, last_at, basis) VALUES (1, 1, '2024-01-02', '2024-01-01', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO viewings (user_id, media_id, started_at, last_at, basis) VALUES (1, 99, 'a', 'a', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO bookmarks (media_id, offset_sec, label, created_by, created_at) VALUES (1, -1, 'x', 1, 'now')").run()).toThrow(/CHECK/);
  });

  it('cases: unique number regardless of case, closed_at only when closed; media_retention holds media of open cases', () => {
    const db = at2();
    seed(db);
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'AB-1', 't', 1, 'now')").run();
    expect(() => db.prepare("INSERT INTO cases (number, title, created_by, created_at) VALUES ('ab-1', 't', 1, 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO cases (number, title, created_by, created_at, status) VALUES ('X', 't', 1, 'now', 'closed')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT held_by_case FROM media_retention WHERE media_id = 1').get()).toEqual({ held_by_case: 0 });
    db.prepare("INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 1, 1, 'now')").run();
    expect(() => db.prepare("INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 1, 1, 'now')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT held_by_case FROM media_retention WHERE media_id = 1').get()).toEqual({ held_by_case: 1 });
    db.prepare("UPDATE cases SET status = 'closed', closed_at = '2025-01-01T00:00:00.000Z' WHERE id = 1").run();
    expect(db.prepare('SELECT held_by_case, last_case_closed_at FROM media_retention WHERE media_id = 1').get()).toEqual({ held_by_case: 0, last_case_closed_at: '2025-01-01T00:00:00.000Z' });
  });

  it('the library filters use their indexes', () => {
    const db = at2();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 3));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM media WHERE category = 'coercive' ORDER BY start_at DESC")).toMatch(/media_category/);
    expect(plan("SELECT id FROM media WHERE classification = 'privacy' ORDER BY start_at DESC")).toMatch(/media_classification/);
    expect(plan('SELECT id FROM media WHERE key_mark = 1 ORDER BY start_at DESC')).toMatch(/media_key_marked/);
    expect(plan("SELECT id FROM media WHERE flags <> '[]' AND instr(flags, '\"no_audio\"') > 0 ORDER BY start_at DESC")).toMatch(/media_flagged/);
    expect(plan('SELECT id FROM media ORDER BY size DESC')).toMatch(/media_size/);
  });
});
