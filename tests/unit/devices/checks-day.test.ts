import { describe, expect, it } from 'vitest';
import { deviceDay } from '../../../main/devices';
import { auditRows, careOfficePerTest } from './care-support';

const ok = { noFault: true, battery: true, storage: true, clock: true };

// Pre-use checks (art. 4) and the device side of an office day, which the daily check (art. 15) reads.
describe('pre-use checks and deviceDay', () => {
  const o = careOfficePerTest();
  const db = () => o.t.services.archive.open().db;
  /** A docking (ingest session) of a recorder with the drift measured then. */
  const dock = (recorderId: number, at: string, drift: number | null) =>
    db()
      .prepare(
        `INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, recorder_id, source_label, source_kind, clock_drift_sec, clock_drift_basis)
         VALUES (?, ?, 'completed', 1, ?, 'DSJ', 'recorder', ?, ?)`,
      )
      .run(at, at, recorderId, drift, drift === null ? null : 'info_file_time');


  it('records several recorders in one go, shows the drift of each docking beside them, and audits a re-check with what it replaced', async () => {
    const { t, keeper, chief, recorders } = o;
    dock(recorders.a, '2026-11-19T10:00:00Z', 95); // 18:00 office time on the 19th
    dock(recorders.a, '2026-11-20T01:00:00Z', 3); // 09:00 on the 20th
    const sheet = await t.call(keeper, 'devices.recordChecks', {
      day: '2026-11-20',
      entries: [
        { recorderId: recorders.a, ...ok },
        { recorderId: recorders.b, ...ok, battery: false, note: '电池鼓包' },
      ],
    });
    expect(sheet.rows.map((r) => [r.recorder.serial, r.check?.failed, r.dockings.map((d) => d.driftSec), r.lastDocking?.driftSec ?? null])).toEqual([
      ['DSJ-A01', [], [3], null],
      ['DSJ-B02', ['battery'], [], null],
    ]);
    // The recorder's file keeps every docking, newest first.
    expect((await t.call(chief, 'devices.history', { recorderId: recorders.a })).dockings.map((d) => [d.at, d.driftSec])).toEqual([
      ['2026-11-20T01:00:00Z', 3],
      ['2026-11-19T10:00:00Z', 95],
    ]);
    // The day before: A's docking of the 19th; B never docked.
    const before = await t.call(chief, 'devices.checks', { day: '2026-11-19' });
    expect(before.rows.map((r) => [r.check, r.dockings.map((d) => d.driftSec)])).toEqual([
      [null, [95]],
      [null, []],
    ]);

    // Charged and checked again: the row is replaced, the audit keeps both.
    t.clock.advance(10 * 60_000);
    const again = await t.call(keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.b, ...ok }] });
    expect(again.rows.find((r) => r.recorder.id === recorders.b)?.check?.failed).toEqual([]);
    const audits = auditRows(t, 'recorder.check');
    expect(audits.map((a) => [a.target, a.details.failed, (a.details.replaced as { items: { battery: boolean } } | undefined)?.items.battery ?? null])).toEqual([
      [`recorder:${recorders.a}`, [], null],
      [`recorder:${recorders.b}`, ['battery'], null],
      [`recorder:${recorders.b}`, [], false],
    ]);
  });

  it('refuses a day after today (office time), the same recorder twice, and a recorder out of service', async () => {
    const { t, keeper, recorders } = o;
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
    // 10:00 on the 20th in Shanghai: the 21st is tomorrow.
    expect(await code(t.call(keeper, 'devices.recordChecks', { day: '2026-11-21', entries: [{ recorderId: recorders.a, ...ok }] }))).toBe('CHECK_IN_FUTURE');
    expect(
      await code(t.call(keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.a, ...ok }, { recorderId: recorders.a, ...ok }] })),
    ).toBe('CHECK_DUPLICATE');
    await t.call(keeper, 'devices.sendRepair', { recorderId: recorders.b, fault: '无法开机' });
    expect(await code(t.call(keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.b, ...ok }] }))).toBe('RECORDER_NOT_IN_SERVICE');
    expect(await code(t.call(o.chief, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.a, ...ok }] }))).toBe('FORBIDDEN');
    expect(db().prepare('SELECT COUNT(*) AS n FROM recorder_checks').get()).toEqual({ n: 0 });
  });

  it('deviceDay: who wore which recorder that office day, which were out of service, and the day’s device events in time order', async () => {
    const { t, keeper, officerId, recorders } = o;
    const li = await t.call(keeper, 'officers.create', { name: '李四', badgeNo: '310116' });
    // A: 张三 from the 18th; handed to 李四 at 12:00 on the 19th (04:00Z); lost at 16:00 on the 19th (08:00Z).
    await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId, from: '2026-11-18T00:00:00.000Z' });
    await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId: li.id, from: '2026-11-19T04:00:00.000Z' });
    await t.call(keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'lost', occurredAt: '2026-11-19T08:00:00.000Z', description: '执法现场遗失' });
    // B: checked on the 19th and failed, sent for repair at 09:00 on the 19th (01:00Z) and not back.
    db()
      .prepare("INSERT INTO recorder_checks (recorder_id, day, no_fault, battery_ok, storage_ok, clock_ok, note, checked_at, checked_by) VALUES (?, '2026-11-19', 0, 1, 1, 0, '时间错乱', '2026-11-19T00:30:00.000Z', 1)")
      .run(recorders.b);
    await t.call(keeper, 'devices.sendRepair', { recorderId: recorders.b, fault: '时钟不走', sentAt: '2026-11-19T01:00:00.000Z' });

    const day19 = deviceDay(db(), '2026-11-19', 'Asia/Shanghai');
    expect([day19.start, day19.end]).toEqual(['2026-11-18T16:00:00.000Z', '2026-11-19T16:00:00.000Z']);
    expect(day19.recorders.map((r) => [r.serial, r.inService, r.wearers.map((w) => [w.name, w.fromAt, w.toAt])])).toEqual([
      [
        'DSJ-A01',
        true,
        [
          ['张三', '2026-11-18T16:00:00.000Z', '2026-11-19T04:00:00.000Z'],
          ['李四', '2026-11-19T04:00:00.000Z', '2026-11-19T08:00:00.000Z'],
        ],
      ],
      ['DSJ-B02', true, []],
    ]);
    expect(day19.events.map((e) => [e.kind, e.article, e.serial, e.at])).toEqual([
      ['check_failed', 4, 'DSJ-B02', '2026-11-19T00:30:00.000Z'],
      ['repair_sent', 9, 'DSJ-B02', '2026-11-19T01:00:00.000Z'],
      ['lost', 10, 'DSJ-A01', '2026-11-19T08:00:00.000Z'],
    ]);
    const lost = day19.events.find((e) => e.kind === 'lost');
    expect(lost && 'officer' in lost ? lost.officer?.name : null).toBe('李四'); // the wearer at that moment
    const failed = day19.events.find((e) => e.kind === 'check_failed');
    expect(failed && 'failed' in failed ? failed.failed : null).toEqual(['noFault', 'clock']);

    // The next day: A lost before it began, B in repair all day; nobody wore anything. The loss was reported on
    // the 20th (10:00), so that day lists it too, at its report.
    const day20 = deviceDay(db(), '2026-11-20', 'Asia/Shanghai');
    expect(day20.recorders.map((r) => [r.serial, r.inService, r.wearers.length])).toEqual([
      ['DSJ-A01', false, 0],
      ['DSJ-B02', false, 0],
    ]);
    expect(day20.events.map((e) => [e.kind, e.at])).toEqual([['lost', '2026-11-20T02:00:00.000Z']]);
    expect(deviceDay(db(), '2026-11-21', 'Asia/Shanghai').events).toEqual([]);
    // Before the recorders were registered (the 20th, 10:00), the office had none.
    expect(deviceDay(db(), '2026-11-01', 'Asia/Shanghai').recorders).toEqual([]);
  });
});
