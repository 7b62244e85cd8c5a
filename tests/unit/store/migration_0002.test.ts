import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, MIGRATIONS, type Db } from '../../../main/store';
import { tempDir } from '../../support/services';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */
const APPLIED_AT = new Date('2026-11-01T00:00:00Z');

function at0002(): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, 2));
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'c', 'C', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'running', 1, 'vol', 'recorder');
  `);
  return db;
}

const insertMedia = (db: Db, sha: string, stored: string) =>
  db
    .prepare(
      `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
       VALUES (?, 10, ?, 'a.mp4', 'DCIM/a.mp4', 'video', 1, '2026-01-01T00:00:00Z', 'creation_time', '2026-01-01', 1, '2026-04-01', 'now')`,
    )
    .run(sha, stored);

describe('migration 0002 ingest', () => {
  it('applies on top of 0001 and records itself', () => {
    const db = at0002();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['officers', 'recorders', 'recorder_assignments', 'ingest_sessions', 'recordings', 'media', 'ingest_items', 'day_manifests', 'integrity_checks', 'weekly_consolidations', 'office_settings']));
    expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(2);
  });

  it('keeps one row per hash and per stored path', () => {
    const db = at0002();
    insertMedia(db, 'a'.repeat(64), 'originals/2026/01/01/R/a.mp4');
    expect(() => insertMedia(db, 'a'.repeat(64), 'originals/2026/01/01/R/b.mp4')).toThrow(/UNIQUE/);
    expect(() => insertMedia(db, 'b'.repeat(64), 'originals/2026/01/01/R/a.mp4')).toThrow(/UNIQUE/);
    expect(() => insertMedia(db, 'short', 'x')).toThrow(/CHECK/);
  });

  it('forbids deleting an original or changing its evidentiary columns, but allows annotations', () => {
    const db = at0002();
    insertMedia(db, 'c'.repeat(64), 'originals/2026/01/01/R/c.mp4');
    expect(() => db.prepare('DELETE FROM media').run()).toThrow(/never deleted/);
    for (const col of ['sha256', 'size', 'stored_path', 'original_name', 'original_path', 'ingest_session_id', 'created_at']) {
      expect(() => db.prepare(`UPDATE media SET ${col} = ${col}`).run(), col).toThrow(/never change/);
    }
    db.prepare("UPDATE media SET category = 'inspection', key_mark = 1").run();
    expect(() => db.prepare("UPDATE media SET classification = 'top'").run()).toThrow(/CHECK/);
  });

  it('refuses an assignment that ends before it starts and unknown recorder statuses', () => {
    const db = at0002();
    db.exec(`INSERT INTO recorders (id, serial, created_at) VALUES (1, 'R1', 'now'); INSERT INTO officers (id, name, badge_no, created_at) VALUES (1, '张三', '001', 'now');`);
    expect(() => db.prepare("INSERT INTO recorder_assignments (recorder_id, officer_id, from_at, to_at) VALUES (1, 1, '2026-02-01', '2026-01-01')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE recorders SET status = 'borrowed'").run()).toThrow(/CHECK/);
  });
});
