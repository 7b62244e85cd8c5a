import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, MIGRATIONS } from '../../../main/store';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

/** When the schema was applied, as the injected clock would say (schema_migrations.applied_at). */

const V5 = MIGRATIONS.findIndex((m) => m.version === 5);
const H = (c: string) => c.repeat(64);

function before5() {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V5));
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'u', 'U', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'AB-1', 't', 1, 'now');
  `);
  return db;
}

function withForm() {
  const db = before5();
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V5 + 1));
  db.prepare(`INSERT INTO record_forms (id, case_id, disc_no, fields, content, content_sha256, created_by, created_at, updated_at) VALUES (1, 1, '2026-001', '{}', '{}', ?, 1, 'now', 'now')`).run(H('a'));
  return db;
}

const sign = (db: ReturnType<typeof withForm>, role: string) =>
  db.prepare(`INSERT INTO record_form_signatures (form_id, role, user_id, content_sha256, signature, cert_serial, signed_at) VALUES (1, ?, 1, ?, x'3000', '01', 'now')`).run(role, H('a'));

describe('migration 0005 discs', () => {
  it('applies on top of the earlier schema with data in place, once', () => {
    const db = before5();
    expectAppliesOnce(db, 5);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['record_forms', 'record_form_signatures', 'discs', 'record_forms_disc_no', 'record_form_signatures_valid']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('record forms: unique disc numbers, known states, never deleted, frozen once locked', () => {
    const db = withForm();
    expect(() => db.prepare(`INSERT INTO record_forms (case_id, disc_no, fields, content, content_sha256, created_by, created_at, updated_at) VALUES (1, '2026-001', '{}', '{}', ?, 1, 'now', 'now')`).run(H('b'))).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE record_forms SET state = 'signed' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM record_forms').run()).toThrow(/never deleted/);
    db.prepare("UPDATE record_forms SET state = 'locked' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE record_forms SET fields = '{\"x\":1}' WHERE id = 1").run()).toThrow(/locked record form never changes/);
    expect(() => db.prepare(`INSERT INTO record_forms (case_id, disc_no, fields, content, content_sha256, created_by, created_at, updated_at) VALUES (99, 'X', '{}', '{}', ?, 1, 'now', 'now')`).run(H('c'))).toThrow(/FOREIGN KEY/);
  });

  it('signatures: one valid per role, voided not deleted, the signed bytes never change', () => {
    const db = withForm();
    sign(db, 'officer');
    expect(() => sign(db, 'officer')).toThrow(/UNIQUE/);
    expect(() => sign(db, 'clerk')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE record_form_signatures SET void_at = 'now' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE record_form_signatures SET void_at = 'now', void_reason = 'edited' WHERE id = 1").run();
    sign(db, 'officer');
    expect(() => db.prepare("UPDATE record_form_signatures SET signature = x'00' WHERE id = 1").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM record_form_signatures').run()).toThrow(/never deleted/);
  });

  it('the disc register: contents fixed, burn and read-back filled in pairs, never deleted', () => {
    const db = withForm();
    const ins = db.prepare(`INSERT INTO discs (id, case_id, record_form_id, disc_index, disc_count, media_type, label, contents, image_file, image_bytes, manifest_sha256, built_by, built_at)
      VALUES (?, 1, 1, ?, ?, 'CD-R', '{}', '[]', 'discs/x/image.iso', 1, 'm', 1, 'now')`);
    ins.run('2026-001', 1, 1);
    expect(() => ins.run('2026-002', 2, 1)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE discs SET contents = '[1]' WHERE id = '2026-001'").run()).toThrow(/never changes/);
    expect(() => db.prepare("UPDATE discs SET burned_at = 'now' WHERE id = '2026-001'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE discs SET burned_at = 'now', burned_by = 1, drive = 'stdio:/x', readback_ok = 1, readback_at = 'now' WHERE id = '2026-001'").run();
    expect(() => db.prepare('DELETE FROM discs').run()).toThrow(/never deleted/);
  });
});
