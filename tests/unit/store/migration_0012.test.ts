import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/store';
import { databaseBefore, expectAppliesOnce } from './migration-support';

const SHA = 'a'.repeat(64);
const AT = '2026-11-20T02:00:00.000Z';

/** A database at 0012 with two users (1 custodian, 2 chief, 3 another custodian) and one original. */
function at12(): Db {
  const db = databaseBefore(12);
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES
      (1, 'c', 'C', 'h', 'k', 'c', 'now', 'now'), (2, 'b', 'B', 'h', 'k', 'c', 'now', 'now'), (3, 'd', 'D', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'completed', 1, 'x', 'folder');
    INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
    VALUES (1, '${SHA}', 10, 'originals/a', 'a.mp4', 'a.mp4', 'video', 1, '2026-05-20T01:30:00.000Z', 'file_name', '2026-05-20', 1, '2026-08-20T01:30:00.000Z', 'now');
  `);
  expectAppliesOnce(db, 12);
  return db;
}

/** A disposal of media 1 requested by 1, approved by 2; executed by `executor` when given. */
function disposal(db: Db, executor?: number): number {
  const id = db.prepare(`INSERT INTO disposals (state, reason, items_sha256, requested_by, requested_at) VALUES ('requested', '到期', '${'b'.repeat(64)}', 1, 'now')`).run().lastInsertRowid as number;
  db.prepare(`INSERT INTO disposal_items (disposal_id, media_id, sha256, keep_until, due_reason) VALUES (?, 1, '${SHA}', '2026-08-20', 'x')`).run(id);
  db.prepare("UPDATE disposals SET state = 'approved', decided_by = 2, decided_at = 'now' WHERE id = ?").run(id);
  if (executor !== undefined) {
    db.prepare(
      `UPDATE disposals SET state = 'executed', executed_by = ?, executed_at = '${AT}', record_file = 'r.docx', record_sha256 = '${'c'.repeat(64)}',
       signature_file = 'r.docx.p7s', signature_sha256 = '${'d'.repeat(64)}' WHERE id = ?`,
    ).run(executor, id);
  }
  return id;
}

const markDisposed = (db: Db, disposalId: number | null, at: string | null = AT) =>
  db.prepare('UPDATE media SET disposal_id = ?, disposed_at = ? WHERE id = 1').run(disposalId, at);

describe('migration 0012 retention: an original is disposed of only through an executed disposal record', () => {
  it('applies once and adds the disposed mark, holds and disposals', () => {
    const db = at12();
    const cols = (db.prepare('PRAGMA table_info(media)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['disposal_id', 'disposed_at']));
  });

  it('refuses a direct UPDATE marking an original disposed without a disposal record, or with one not executed', () => {
    const db = at12();
    expect(() => markDisposed(db, 999)).toThrow(/only by an executed disposal record/);
    expect(() => db.prepare(`UPDATE media SET disposed_at = '${AT}' WHERE id = 1`).run()).toThrow(/only by an executed disposal record/);
    const approved = disposal(db);
    expect(() => markDisposed(db, approved)).toThrow(/only by an executed disposal record/);
    expect(db.prepare('SELECT disposal_id, disposed_at FROM media WHERE id = 1').get()).toEqual({ disposal_id: null, disposed_at: null });
  });

  it('accepts the mark from an executed record listing the file with its hash, and never takes it back', () => {
    const db = at12();
    const id = disposal(db, 3);
    expect(() => markDisposed(db, id, '2026-11-21T00:00:00.000Z')).toThrow(/only by an executed disposal record/);
    markDisposed(db, id);
    expect(db.prepare('SELECT disposal_id, disposed_at, sha256 FROM media WHERE id = 1').get()).toEqual({ disposal_id: id, disposed_at: AT, sha256: SHA });
    expect(() => markDisposed(db, null, null)).toThrow(/stays disposed/);
    expect(() => db.prepare('DELETE FROM media WHERE id = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'A', 't', 1, 'now')").run()).not.toThrow();
    expect(() => db.prepare("INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 1, 1, 'now')").run()).toThrow(/cannot join a case/);
  });

  it('refuses the mark for footage in an open case, held or classified, even with an executed record', () => {
    for (const setUp of [
      (db: Db) => db.exec("INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'A', 't', 1, 'now'); INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 1, 1, 'now');"),
      (db: Db) => db.exec("INSERT INTO retention_holds (media_id, kind, reason, set_by, set_at) VALUES (1, 'investigation', '调查', 2, 'now')"),
      (db: Db) => db.exec("UPDATE media SET classification = 'privacy' WHERE id = 1"),
    ]) {
      const db = at12();
      setUp(db);
      const id = disposal(db, 3);
      expect(() => markDisposed(db, id)).toThrow(/never disposed of/);
    }
  });

  it('keeps the disposal workflow forward only, with approver and executor two people', () => {
    const db = at12();
    expect(() => disposal(db, 2)).toThrow(/CHECK/);
    const id = disposal(db);
    expect(() => db.prepare(`INSERT INTO disposal_items (disposal_id, media_id, sha256, keep_until, due_reason) VALUES (?, 1, '${SHA}', 'x', 'x')`).run(id)).toThrow(/being requested/);
    expect(() => db.prepare('DELETE FROM disposal_items').run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM disposals').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE disposals SET state = 'requested', decided_by = NULL WHERE id = ?").run(id)).toThrow(/only moves forward/);
    expect(() => db.prepare(`INSERT INTO disposals (state, reason, items_sha256, requested_by, requested_at, decided_by, decided_at) VALUES ('approved', 'x', '${'b'.repeat(64)}', 1, 'now', 1, 'now')`).run()).toThrow(/CHECK/);
  });

  it('keeps holds: released once with a reason, never deleted', () => {
    const db = at12();
    db.exec("INSERT INTO retention_holds (id, media_id, kind, reason, set_by, set_at) VALUES (1, 1, 'chief', '留存', 2, 'now')");
    expect(() => db.exec("INSERT INTO retention_holds (media_id, kind, reason, set_by, set_at) VALUES (1, 'chief', '  ', 2, 'now')")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE retention_holds SET released_by = 2, released_at = 'now' WHERE id = 1")).toThrow(/CHECK/);
    db.exec("UPDATE retention_holds SET released_by = 2, released_at = 'now', release_reason = '调查结束' WHERE id = 1");
    expect(() => db.exec("UPDATE retention_holds SET release_reason = '改' WHERE id = 1")).toThrow(/released, once/);
    expect(() => db.exec('DELETE FROM retention_holds')).toThrow(/never deleted/);
  });
});
