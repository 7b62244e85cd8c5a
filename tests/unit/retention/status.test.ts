import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { footageReachingKeepUntil, retentionStatuses } from '../../../main/retention';
import { migrate, MIGRATIONS, openDatabase, setOfficeSetting, type Db } from '../../../main/store';
import { tempDir } from '../../support/services';

/** Four originals: A and B plain, C held, D in a case closed just after midnight of 2026-05-20 in Shanghai. */
function archive(): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, new Date('2026-11-01T00:00:00Z'), MIGRATIONS);
  const media = (id: number, day: string) =>
    `(${id}, '${String(id).repeat(64)}', 10, 'originals/${id}', '${id}.mp4', '${id}.mp4', 'video', 1, '${day}T01:30:00.000Z', 'file_name', '${day}', 1, '${day}T01:30:00.000Z', 'now')`;
  db.exec(`
    INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'c', 'C', 'h', 'k', 'c', 'now', 'now');
    INSERT INTO ingest_sessions (id, started_at, status, received_by, source_label, source_kind) VALUES (1, 'now', 'completed', 1, 'x', 'folder');
    INSERT INTO media (id, sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
    VALUES ${media(1, '2026-05-20')}, ${media(2, '2026-05-21')}, ${media(3, '2026-05-20')}, ${media(4, '2026-04-01')};
    INSERT INTO retention_holds (media_id, kind, reason, set_by, set_at) VALUES (3, 'investigation', '调查', 1, 'now');
    INSERT INTO cases (id, number, title, created_by, created_at) VALUES (1, 'A-1', 't', 1, 'now');
    INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (1, 4, 1, 'now');
    UPDATE cases SET status = 'closed', closed_at = '2026-05-19T16:30:00.000Z' WHERE id = 1;
  `);
  setOfficeSetting(db, 'case_retention_months', '3');
  return db;
}

const ids = (list: { mediaId: number }[]) => list.map((s) => s.mediaId).sort();

describe('footageReachingKeepUntil (for the daily check)', () => {
  it('names the originals whose keep-until day is the given office day, in the office zone', () => {
    const db = archive();
    // D's case closed on 2026-05-20 in Shanghai (16:30 UTC the day before): kept until 2026-08-20 there.
    expect(ids(footageReachingKeepUntil(db, 'Asia/Shanghai', '2026-08-20', '2026-08-20'))).toEqual([1, 4]);
    expect(ids(footageReachingKeepUntil(db, 'UTC', '2026-08-19', '2026-08-19'))).toEqual([4]);
    expect(ids(footageReachingKeepUntil(db, 'Asia/Shanghai', '2026-08-20', '2026-08-21'))).toEqual([1, 2, 4]);
    expect(footageReachingKeepUntil(db, 'Asia/Shanghai', '2026-08-22', '2026-12-31')).toEqual([]);
  });

  it('never names held footage, and says why each original is kept', () => {
    const db = archive();
    const byId = new Map(retentionStatuses(db, 'Asia/Shanghai', '2026-08-20').map((s) => [s.mediaId, s]));
    expect(byId.get(3)).toMatchObject({ keepUntil: null, basis: 'hold', refusal: '处于保留状态，不得销毁' });
    expect(byId.get(4)).toMatchObject({ keepUntil: '2026-08-20', basis: 'case_closed', refusal: null });
    expect(byId.get(2)).toMatchObject({ keepUntil: '2026-08-21', basis: 'minimum', refusal: '未到保存期限（保存至 2026-08-21）' });
    expect(ids(footageReachingKeepUntil(db, 'Asia/Shanghai', '2026-01-01', '2099-12-31'))).toEqual([1, 2, 4]);
  });
});
