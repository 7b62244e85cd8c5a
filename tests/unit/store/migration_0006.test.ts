import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, MIGRATIONS } from '../../../main/store';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

const V6 = MIGRATIONS.findIndex((m) => m.version === 6);

/** Schema 5 with four media (1–3 one recording, 4 alone), a case holding 1 and 4, and requests in every state. */
function before6() {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V6));
  const media = [1, 2, 3, 4]
    .map(
      (id) => `INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, recording_id, start_at, start_source, day, has_audio, retention_until, created_at)
        VALUES (${id}, '${String(id).repeat(64)}', 10, 'originals/${id}', '${id}.mp4', '${id}.mp4', 'video', 1, ${id < 4 ? 1 : 'NULL'}, '2024-05-20T01:3${id}:00.000Z', 'file_name', '2024-05-20', 1, '2024-08-20T01:30:00.000Z', 'now');`,
    )
    .join('\n');
  const request = (id: number, kind: string, scope: number, state: string) => {
    const approved = "decided_by = 1, decided_at = '2024-06-01', valid_from = '2024-06-01', valid_until = '2024-06-08'";
    const sets: Record<string, string> = {
      pending: '',
      approved: `UPDATE access_requests SET status = 'approved', ${approved} WHERE id = ${id};`,
      revoked_after_approval: `UPDATE access_requests SET status = 'revoked', ${approved}, revoked_by = 1, revoked_at = '2024-06-02' WHERE id = ${id};`,
      rejected: `UPDATE access_requests SET status = 'rejected', decided_by = 1, decided_at = '2024-06-01', decision_reason = 'no' WHERE id = ${id};`,
      withdrawn: `UPDATE access_requests SET status = 'revoked', revoked_by = 1, revoked_at = '2024-06-02' WHERE id = ${id};`,
    };
    return `INSERT INTO access_requests (id, type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES (${id}, 'case', '${kind}', ${scope}, 'x', 1, '2024-06-01'); ${sets[state]}`;
  };
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'u', 'U', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'completed', 1, 'x', 'folder');
    INSERT INTO recordings (id, start_at, end_at, segments) VALUES (1, '2024-05-20T01:31:00.000Z', '2024-05-20T01:34:00.000Z', 3);
    ${media}
    INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'AB-1', 't', 1, 'now');
    INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 1, 1, 'now'), (1, 4, 1, 'now');
    ${request(1, 'case', 1, 'approved')}
    ${request(2, 'recording', 1, 'revoked_after_approval')}
    ${request(3, 'media', 4, 'approved')}
    ${request(4, 'case', 1, 'pending')}
    ${request(5, 'case', 1, 'rejected')}
    ${request(6, 'case', 1, 'withdrawn')}
  `);
  return db;
}

const covered = (db: ReturnType<typeof before6>) =>
  (db.prepare('SELECT request_id AS r, media_id AS m FROM access_request_items ORDER BY request_id, media_id').all() as { r: number; m: number }[]).map((x) => [x.r, x.m]);

describe('migration 0006 approval items', () => {
  it('applies on top of 0005 with data in place, once', () => {
    const db = before6();
    expectAppliesOnce(db, 6);
    const names = (db.prepare("SELECT name FROM sqlite_master ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['access_request_items', 'access_request_items_media']));
  });

  it('backfills every approval ever given from its scope as it is now; pending, rejected and withdrawn get nothing', () => {
    const db = before6();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V6 + 1));
    expect(covered(db)).toEqual([
      [1, 1],
      [1, 4],
      [2, 1],
      [2, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('the set is written only for an approved request, and never changes or goes away', () => {
    const db = before6();
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V6 + 1));
    const add = db.prepare('INSERT INTO access_request_items (request_id, media_id) VALUES (?, ?)');
    for (const pendingOrNot of [4, 5, 6, 2]) expect(() => add.run(pendingOrNot, 2), `request ${pendingOrNot}`).toThrow(/only for an approved request/);
    expect(() => add.run(99, 2)).toThrow(/only for an approved request/);
    add.run(1, 2);
    expect(() => add.run(1, 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run(1, 99)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE access_request_items SET media_id = 3 WHERE request_id = 1 AND media_id = 2').run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM access_request_items WHERE request_id = 1').run()).toThrow(/never deleted/);
  });
});
