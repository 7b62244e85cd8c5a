import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeOfficeApi, type TestApi } from '../../support/services';

// 工作台 warns (issue 11 item 6): the figures behind the red cards, read from the store as it is.
describe('dashboard.custody', () => {
  let t: TestApi;
  let admin: Client;
  const db = () => t.services.archive.open().db;
  beforeEach(async () => ({ t, admin } = await makeOfficeApi(new Date('2026-11-20T02:00:00Z'))), 60_000);
  afterEach(() => t.cleanup());

  const session = (startedAt: string, status: string, filesFailed = 0) =>
    db()
      .prepare(
        `INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, source_label, source_kind, files_failed, error)
         VALUES (?, ?, ?, 1, 'DSJ-A8', 'recorder', ?, ?)`,
      )
      .run(startedAt, startedAt, status, filesFailed, status === 'failed' ? 'copy failed' : null);

  it('is quiet on a fresh archive', async () => {
    expect(await t.call(admin, 'dashboard.custody')).toEqual({
      lastIntegrity: null,
      verifiedBackup: null,
      lastWeekly: null,
      weeklyOverdue: false,
      daysSinceWeekly: null,
      failedIngests: [],
      recorders: { inService: 0, worn: 0, repair: 0, lost: 0 },
    });
  });

  it('names changed and missing originals, the verified backup, an overdue weekly run and failed ingests', async () => {
    session('2026-11-02T01:00:00Z', 'completed');
    session('2026-11-18T01:00:00Z', 'failed');
    session('2026-11-19T01:00:00Z', 'completed', 2);
    session('2026-11-01T01:00:00Z', 'failed'); // older than a week: no longer shown
    db()
      .prepare(
        `INSERT INTO weekly_consolidations (week_start, created_at, created_by, backup_target, backup_files, backup_verified, report_path, report_sha256, summary)
         VALUES ('2026-11-09', '2026-11-12T09:00:00Z', 1, 'E:\\证据备份', 40, 1, 'r.docx', 'x', '{}')`,
      )
      .run();
    const report = {
      problems: [
        { kind: 'changed', path: 'originals/2026-11-12/A8C0012345_0001.MP4', mediaId: 7, message: 'changed original' },
        { kind: 'missing', path: 'originals/2026-11-12/A8C0012345_0002.MP4', mediaId: 8, message: 'missing original' },
        { kind: 'extra', path: 'originals/2026-11-12/stray.bin', message: 'extra' },
      ],
    };
    db()
      .prepare('INSERT INTO integrity_checks (started_at, finished_at, scope, checked, missing, changed, extra, report, run_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)')
      .run('2026-11-19T08:00:00Z', '2026-11-19T08:01:00Z', 'all', 40, 1, 1, 1, JSON.stringify(report));
    await t.call(admin, 'recorders.create', { serial: 'R1' });
    const r2 = await t.call(admin, 'recorders.create', { serial: 'R2' });
    // Sent for repair (the status a repair record sets; recorders.update no longer sets it).
    db().prepare("UPDATE recorders SET status = 'repair' WHERE id = ?").run(r2.id);

    const s = await t.call(admin, 'dashboard.custody');
    expect(s.lastIntegrity).toMatchObject({ checked: 40, missing: 1, changed: 1 });
    expect(s.lastIntegrity?.findings).toEqual([
      { kind: 'changed', name: 'A8C0012345_0001.MP4', day: '2026-11-12', mediaId: 7 },
      { kind: 'missing', name: 'A8C0012345_0002.MP4', day: '2026-11-12', mediaId: 8 },
    ]);
    expect(s.verifiedBackup).toEqual({ at: '2026-11-12T09:00:00Z', weekStart: '2026-11-09', target: 'E:\\证据备份', files: 40 });
    expect(s).toMatchObject({ weeklyOverdue: true, daysSinceWeekly: 7 });
    expect(s.failedIngests.map((f) => [f.status, f.filesFailed])).toEqual([
      ['completed', 2],
      ['failed', 0],
    ]);
    expect(s.recorders).toEqual({ inService: 1, worn: 0, repair: 1, lost: 0 });
  });

  it('a weekly run within the week is not overdue', async () => {
    session('2026-11-02T01:00:00Z', 'completed');
    db()
      .prepare(
        `INSERT INTO weekly_consolidations (week_start, created_at, created_by, report_path, report_sha256, summary) VALUES ('2026-11-16', '2026-11-14T09:00:00Z', 1, 'r.docx', 'x', '{}')`,
      )
      .run();
    expect(await t.call(admin, 'dashboard.custody')).toMatchObject({ weeklyOverdue: false, daysSinceWeekly: 5, verifiedBackup: null });
  });
});
