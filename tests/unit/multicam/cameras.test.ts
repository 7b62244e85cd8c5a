import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import type { Db } from '../../../main/store';
import { makeOfficeApi, OFFICE_SETUP, type TestApi } from '../../support/services';

/**
 * multicam.cameras and multicam.adjust on rows written straight into a set-up office (no files behind them): which
 * recordings overlap once each recorder's drift at docking is taken off, leave per camera, and the hand correction.
 */
const at = (hh: number, mm: number, ss: number) => new Date(Date.UTC(2024, 4, 20, hh - 8, mm, ss)).toISOString();

function insertRecording(db: Db, n: number, recorderId: number, sessionId: number, from: string, to: string): { recordingId: number; mediaId: number } {
  const recordingId = Number(db.prepare('INSERT INTO recordings (recorder_id, start_at, end_at, segments) VALUES (?, ?, ?, 1)').run(recorderId, from, to).lastInsertRowid);
  const mediaId = Number(
    db
      .prepare(
        `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, recorder_id, ingest_session_id, recording_id, start_at, end_at,
           start_source, day, duration_sec, container, video_codec, audio_codec, has_audio, retention_until, created_at)
         VALUES (?, 1000, ?, ?, ?, 'video', ?, ?, ?, ?, ?, 'creation_time', '2024-05-20', ?, 'mp4', 'h264', 'aac', 1, '2025-05-20', ?)`,
      )
      .run(String(n).padStart(64, '0'), `originals/x/${n}.MP4`, `CAM${n}.MP4`, `DCIM/CAM${n}.MP4`, recorderId, sessionId, recordingId, from, to, (Date.parse(to) - Date.parse(from)) / 1000, from)
      .lastInsertRowid,
  );
  return { recordingId, mediaId };
}

describe('multi-camera cameras and corrections through the API', () => {
  let t: TestApi;
  let admin: Client;
  let chief: Client;
  const rec: Record<'a' | 'b' | 'ahead' | 'caseOnly' | 'far', { recordingId: number; mediaId: number }> = {} as never;

  beforeAll(async () => {
    ({ t, admin } = await makeOfficeApi(new Date(at(20, 0, 0))));
    const db = t.services.archive.open().db;
    const recorder = (serial: string) => Number(db.prepare("INSERT INTO recorders (serial, created_at) VALUES (?, 't')").run(serial).lastInsertRowid);
    const docking = (recorderId: number, drift: number | null) =>
      Number(
        db
          .prepare("INSERT INTO ingest_sessions (started_at, status, received_by, recorder_id, source_label, source_kind, clock_drift_sec, clock_drift_basis) VALUES (?, 'completed', 1, ?, 'v', 'recorder', ?, ?)")
          .run(at(18, 0, 0), recorderId, drift, drift === null ? null : 'info_file_time').lastInsertRowid,
      );
    const [r1, r2, r3, r4, r5] = ['R1', 'R2', 'R3', 'R4', 'R5'].map(recorder) as [number, number, number, number, number];
    rec.a = insertRecording(db, 1, r1, docking(r1, 0), at(9, 30, 0), at(9, 30, 10));
    rec.b = insertRecording(db, 2, r2, docking(r2, null), at(9, 30, 2), at(9, 30, 12));
    // Stamped 09:30:13–23 by a clock 7 s ahead: 09:30:06–16 in truth, 4 s with the anchor (none on the raw stamps).
    rec.ahead = insertRecording(db, 3, r3, docking(r3, 7), at(9, 30, 13), at(9, 30, 23));
    rec.caseOnly = insertRecording(db, 4, r4, docking(r4, 0), at(11, 0, 0), at(11, 0, 10));
    rec.far = insertRecording(db, 5, r5, docking(r5, 0), at(15, 0, 0), at(15, 0, 10));
    const c = await t.call(admin, 'cases.create', { number: 'A-1', title: '占道经营' });
    await t.call(admin, 'cases.addItems', { caseId: c.id, mediaIds: [rec.a.mediaId, rec.caseOnly.mediaId] });
    await t.call(admin, 'access.setPolicy', { strict: false });
    chief = t.client('chief');
    await t.call(chief, 'session.login', { login: OFFICE_SETUP.chief.login, password: OFFICE_SETUP.chief.password });
    await t.call(chief, 'media.classifyRecording', { recordingId: rec.b.recordingId, classification: 'privacy' });
  });

  afterAll(() => t?.cleanup());

  it('finds the overlapping cameras on the corrected clock and the case recording, anchor first', async () => {
    const m = await t.call(admin, 'multicam.cameras', { recordingId: rec.a.recordingId });
    expect(m.maxCameras).toBe(4);
    expect(m.cameras.map((c) => [c.recording.id, c.relation, c.overlapSec, c.preselected])).toEqual([
      [rec.a.recordingId, 'anchor', 10, true],
      [rec.b.recordingId, 'overlap', 8, true],
      [rec.ahead.recordingId, 'overlap', 4, true],
      [rec.caseOnly.recordingId, 'case', 0, false],
    ]);
    const ahead = m.cameras[2]!;
    expect(ahead.drift).toEqual({ seconds: 7, basis: 'info_file_time', measuredAt: at(18, 0, 0) });
    expect(ahead.shiftSec).toBe(-7);
    expect(ahead.correctedStartAt).toBe(at(9, 30, 6));
    expect(m.cameras[1]!.drift.seconds).toBeNull();
    expect(m.cameras[3]!.cases).toEqual(['A-1']);
  });

  it('marks a camera the viewer has no leave for, with the reason, and leaves the others viewable', async () => {
    const m = await t.call(admin, 'multicam.cameras', { recordingId: rec.a.recordingId });
    const byId = new Map(m.cameras.map((c) => [c.recording.id, c]));
    expect(byId.get(rec.b.recordingId)).toMatchObject({ canView: false, denied: expect.stringContaining('查阅申请') });
    expect(byId.get(rec.a.recordingId)).toMatchObject({ canView: true, denied: null });
    expect(byId.get(rec.ahead.recordingId)).toMatchObject({ canView: true, denied: null });
  });

  it('records a hand correction (who, when, value, reason), audits it, and places the camera by it', async () => {
    const m = await t.call(admin, 'multicam.adjust', { anchorRecordingId: rec.a.recordingId, recordingId: rec.ahead.recordingId, seconds: 0.4, reason: '按闪光对齐' });
    const ahead = m.cameras.find((c) => c.recording.id === rec.ahead.recordingId)!;
    expect(ahead.adjustment).toMatchObject({ seconds: 0.4, reason: '按闪光对齐', by: { login: OFFICE_SETUP.admin.login }, at: t.clock.now().toISOString() });
    expect(ahead.shiftSec).toBeCloseTo(-6.6, 10);
    expect(ahead.correctedStartAt).toBe(new Date(Date.parse(at(9, 30, 6)) + 400).toISOString());
    await t.call(admin, 'multicam.adjust', { anchorRecordingId: rec.a.recordingId, recordingId: rec.ahead.recordingId, seconds: -0.2, reason: '复核' });
    const db = t.services.archive.open().db;
    expect(db.prepare('SELECT seconds, reason FROM multicam_adjustments WHERE recording_id = ? ORDER BY id').all(rec.ahead.recordingId)).toEqual([
      { seconds: 0.4, reason: '按闪光对齐' },
      { seconds: -0.2, reason: '复核' },
    ]);
    const audits = db.prepare("SELECT target, details FROM audit_log WHERE action = 'multicam.adjust' ORDER BY seq").all() as { target: string; details: string }[];
    expect(audits.map((a) => [a.target, JSON.parse(a.details)])).toEqual([
      [`media:${rec.ahead.mediaId}`, expect.objectContaining({ recordingId: rec.ahead.recordingId, before: null, after: 0.4, driftSec: 7, reason: '按闪光对齐' })],
      [`media:${rec.ahead.mediaId}`, expect.objectContaining({ before: 0.4, after: -0.2, reason: '复核' })],
    ]);
  });

  it('refuses a correction of a camera the user may not see, of one not among the cameras, and without a reason', async () => {
    const denied = await t.raw(admin, 'multicam.adjust', { anchorRecordingId: rec.a.recordingId, recordingId: rec.b.recordingId, seconds: 1, reason: 'x' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const far = await t.raw(admin, 'multicam.adjust', { anchorRecordingId: rec.a.recordingId, recordingId: rec.far.recordingId, seconds: 1, reason: 'x' });
    expect(far).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const noReason = await t.raw(admin, 'multicam.adjust', { anchorRecordingId: rec.a.recordingId, recordingId: rec.ahead.recordingId, seconds: 1, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const db = t.services.archive.open().db;
    expect(db.prepare('SELECT count(*) AS n FROM multicam_adjustments WHERE recording_id IN (?, ?)').get(rec.b.recordingId, rec.far.recordingId)).toEqual({ n: 0 });
  });
});
