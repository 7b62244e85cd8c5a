import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0016 library free text: FTS5 trigram indexes, their triggers, the backfill', () => {
  it('indexes the rows already there, then keeps step with new ones', () => {
    const db = databaseBefore(16);
    db.prepare("INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'c', 'C', 'x', 'x', 'x', 't', 't')").run();
    db.prepare("INSERT INTO officers (id, name, badge_no, created_at) VALUES (1, '欧阳修文', 'B001', 't')").run();
    db.prepare("INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 't', 'completed', 1, 's', 'folder')").run();
    db.prepare(
      `INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, officer_id, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
       VALUES (1, ?, 1, 'o/1', 'DSJ001_20250101_120000.MP4', 'D/1', 'video', 1, 1, '2025-01-01T04:00:00Z', 'file_name', '2025-01-01', 1, '2099', 't')`,
    ).run('a'.repeat(64));
    db.prepare("INSERT INTO media_notes (media_id, text, updated_by, updated_at) VALUES (1, '当事人拒绝配合', 1, 't')").run();
    db.prepare("INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'XZ2025-001', '某某盗窃案', 1, 't')").run();

    expectAppliesOnce(db, 16);
    const match = (table: string, text: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(`"${text}"`);
    expect(match('media_name_text', '20250101_12')).toEqual([1]);
    expect(match('media_name_text', 'dsj001')).toEqual([1]);
    expect(match('media_note_text', '拒绝配')).toEqual([1]);
    expect(match('case_text', '盗窃案')).toEqual([1]);
    expect(match('case_text', '2025-00')).toEqual([1]);
    expect(match('officer_text', '欧阳修')).toEqual([1]);
    expect(match('officer_text', 'b00')).toEqual([1]);
    expect(match('officer_text', '张三丰')).toEqual([]);

    db.prepare("UPDATE officers SET name = '张三丰' WHERE id = 1").run();
    expect(match('officer_text', '欧阳修')).toEqual([]);
    expect(match('officer_text', '张三丰')).toEqual([1]);
    for (const table of ['media_name_text', 'media_note_text', 'case_text', 'officer_text']) {
      expect(() => db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run(), table).not.toThrow();
    }
    // Keyset paging by duration walks this index (no duration sorts as -1).
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('media_duration', 'media_duration_key', 'media_kind', 'media_key_mark') ORDER BY name").pluck().all()).toEqual(['media_duration_key', 'media_key_mark', 'media_kind']);
    expect(db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM media WHERE kind = 'audio'").all()).toMatchObject([{ detail: expect.stringContaining('media_kind') }]);
  });
});
