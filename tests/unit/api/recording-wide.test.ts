// Recording-wide changes (执法情形, 重点标记, 密级) are one method each: every segment in one transaction, or none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import type { Db } from '../../../main/store';
import { makeTestApi, setUpOffice, type TestApi } from '../../support/services';

/** A recording of `segments` consecutive one-minute segments, straight into SQL (no files behind them). */
function insertRecording(db: Db, segments: number, seed: number): { recordingId: number; mediaIds: number[] } {
  const at = '2026-11-20T02:00:00.000Z';
  return db.transaction(() => {
    const sessionId = Number(
      db.prepare("INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, source_label, source_kind) VALUES (?, ?, 'completed', 1, 'test', 'folder')").run(at, at).lastInsertRowid,
    );
    const recordingId = Number(db.prepare('INSERT INTO recordings (start_at, end_at, segments, gaps) VALUES (?, ?, ?, ?)').run(at, at, segments, '[]').lastInsertRowid);
    const ins = db.prepare(
      `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, recording_id, start_at, start_source, day, duration_sec, has_audio, retention_until, created_at)
       VALUES (?, 1000, ?, ?, ?, 'video', ?, ?, ?, 'file_name', '2026-11-20', 60, 1, '2099-01-01T00:00:00.000Z', ?)`,
    );
    const mediaIds: number[] = [];
    for (let i = 0; i < segments; i++) {
      const name = `REC${seed}_${String(i).padStart(4, '0')}.MP4`;
      const start = new Date(Date.parse(at) + i * 60_000).toISOString();
      const sha = `${seed.toString(16).padStart(8, '0')}${i.toString(16).padStart(56, '0')}`;
      mediaIds.push(Number(ins.run(sha, `originals/2026/11/20/T/${name}`, name, `DCIM/${name}`, sessionId, recordingId, start, at).lastInsertRowid));
    }
    return { recordingId, mediaIds };
  })();
}

describe('recording-wide changes', () => {
  let t: TestApi;
  let chief: Client;
  let db: Db;
  let rec: { recordingId: number; mediaIds: number[] };
  let other: { recordingId: number; mediaIds: number[] };

  const column = (ids: number[], col: 'category' | 'key_mark' | 'classification') =>
    ids.map((id) => (db.prepare(`SELECT ${col} AS v FROM media WHERE id = ?`).get(id) as { v: unknown }).v);
  const auditCount = (action: string) => (db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

  beforeEach(async () => {
    t = makeTestApi();
    await setUpOffice(t);
    chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    db = t.services.archive.open().db;
    rec = insertRecording(db, 150, 1);
    other = insertRecording(db, 3, 2);
  });
  afterEach(() => t.cleanup());

  it('sets category and key mark on every segment of a recording over 100 segments, one audit row per segment', async () => {
    const got = await t.call(chief, 'media.updateRecording', { recordingId: rec.recordingId, category: 'evidence', keyMark: true });
    expect(got.map((d) => d.id)).toEqual(rec.mediaIds);
    expect(new Set(column(rec.mediaIds, 'category'))).toEqual(new Set(['evidence']));
    expect(new Set(column(rec.mediaIds, 'key_mark'))).toEqual(new Set([1]));
    expect(new Set(column(other.mediaIds, 'category'))).toEqual(new Set([null]));
    expect(auditCount('media.update')).toBe(150);
    const row = db.prepare("SELECT target, details FROM audit_log WHERE action = 'media.update' ORDER BY seq DESC LIMIT 1").get() as { target: string; details: string };
    expect(row.target).toBe(`media:${rec.mediaIds[149]}`);
    expect(JSON.parse(row.details)).toMatchObject({ recordingId: rec.recordingId, changes: { category: { before: null, after: 'evidence' }, keyMark: { before: false, after: true } } });
  });

  it('sets the classification of every segment of a recording over 100 segments', async () => {
    await t.call(chief, 'media.classifyRecording', { recordingId: rec.recordingId, classification: 'privacy' });
    expect(new Set(column(rec.mediaIds, 'classification'))).toEqual(new Set(['privacy']));
    expect(new Set(column(other.mediaIds, 'classification'))).toEqual(new Set(['normal']));
    expect(auditCount('media.classify')).toBe(150);
  });

  it('audits only the segments that change', async () => {
    await t.call(chief, 'media.update', { id: rec.mediaIds[0]!, keyMark: true });
    const before = auditCount('media.update');
    await t.call(chief, 'media.updateRecording', { recordingId: rec.recordingId, keyMark: true });
    expect(auditCount('media.update') - before).toBe(149);
  });

  it.each([
    ['media.updateRecording', { category: 'evidence' }, 'category', null, 'media.update'],
    ['media.classifyRecording', { classification: 'state_secret' }, 'classification', 'normal', 'media.classify'],
  ] as const)('%s changes all segments or none: a failure at segment 120 leaves the recording as it was', async (method, patch, col, unchanged, action) => {
    // A trigger on this connection fails the write of one segment deep inside the recording.
    db.exec(`CREATE TEMP TRIGGER fail_one BEFORE UPDATE OF ${col} ON media WHEN NEW.id = ${rec.mediaIds[119]} BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    const auditBefore = auditCount(action);
    const r = await t.raw(chief, method, { recordingId: rec.recordingId, ...patch });
    expect(r.ok).toBe(false);
    expect(new Set(column(rec.mediaIds, col))).toEqual(new Set([unchanged]));
    expect(auditCount(action)).toBe(auditBefore);
  });

  it.each([
    ['a recording that does not exist', () => ({ recordingId: 999_999 }), 'NOT_FOUND'],
    ['a media id passed as the recording id', () => ({ recordingId: rec.mediaIds[140]! }), 'NOT_FOUND'],
    ['a negative id', () => ({ recordingId: -1 }), 'INVALID_INPUT'],
    ['a string id', () => ({ recordingId: String(rec.recordingId) }), 'INVALID_INPUT'],
    ['an extra field naming other media', () => ({ recordingId: rec.recordingId, mediaIds: other.mediaIds }), 'INVALID_INPUT'],
  ])('refuses %s and changes nothing', async (_name, forged, code) => {
    const before = column([...rec.mediaIds, ...other.mediaIds], 'category');
    const input = forged();
    for (const [method, patch] of [
      ['media.updateRecording', { category: 'evidence' }],
      ['media.classifyRecording', { classification: 'privacy' }],
    ] as const) {
      const r = await t.raw(chief, method, { ...input, ...patch });
      expect(r.ok ? 'ok' : r.error.code, method).toBe(code);
    }
    expect(column([...rec.mediaIds, ...other.mediaIds], 'category')).toEqual(before);
    expect(new Set(column([...rec.mediaIds, ...other.mediaIds], 'classification'))).toEqual(new Set(['normal']));
  });

  it('asks for something to change', async () => {
    const r = await t.raw(chief, 'media.updateRecording', { recordingId: rec.recordingId });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
  });
});
