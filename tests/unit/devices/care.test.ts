import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeDocument, generatedDocument } from '../../../main/api/form-route';
import { auditRows, careOfficePerTest, TINY_PNG } from './care-support';

// Device care at the API (issue 12 item 3, rules art. 4, 7, 9, 10), on a real archive: what each record changes,
// what it refuses, and that each change leaves its audit row.
describe('device care', () => {
  const o = careOfficePerTest();
  const db = () => o.t.services.archive.open().db;
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
  const message = async (p: Promise<unknown>) => p.then(() => '', (e: Error) => e.message);


  it('the chief designates a custodian as keeper (art. 7); it shows on the register and each change is audited', async () => {
    const { t, chief, keeper, admin } = o;
    expect((await t.call(keeper, 'devices.keeper')).current).toBeNull();
    expect(await code(t.call(admin, 'devices.designateKeeper', { userId: o.keeperUserId }))).toBe('FORBIDDEN');
    const chiefId = (await t.call(admin, 'users.list')).find((u) => u.login === 'chief')!.id;
    expect(await message(t.call(chief, 'devices.designateKeeper', { userId: chiefId }))).toMatch(/不是保管员/);

    const v = await t.call(chief, 'devices.designateKeeper', { userId: o.keeperUserId, note: '队务会决定' });
    expect(v.current).toMatchObject({ name: '赵保管', login: 'keeper1', designatedBy: '李队长', toAt: null });
    t.clock.advance(20 * 60_000); // within the idle timeout
    const adminId = (await t.call(admin, 'users.list')).find((u) => u.login === 'admin')!.id;
    const w = await t.call(chief, 'devices.designateKeeper', { userId: adminId });
    expect(w.current?.login).toBe('admin');
    expect(w.history.map((k) => [k.login, k.toAt])).toEqual([
      ['admin', null],
      ['keeper1', '2026-11-20T02:20:00.000Z'],
    ]);
    expect(auditRows(t, 'device.keeper_designate').map((r) => [r.actor, (r.details.keeper as { login: string }).login, (r.details.previous as { login: string } | null)?.login ?? null])).toEqual([
      ['chief', 'keeper1', null],
      ['chief', 'admin', 'keeper1'],
    ]);
  });

  it('a recorder under repair cannot be assigned: refused in the domain with a Chinese reason, until it is back', async () => {
    const { t, keeper, officerId, recorders } = o;
    await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId });
    t.clock.advance(60_000);
    const p = await t.call(keeper, 'devices.sendRepair', { recorderId: recorders.a, fault: '开机后黑屏', repairer: '县维修站' });
    expect(p).toMatchObject({ serial: 'DSJ-A01', sentBy: '赵保管', fault: '开机后黑屏', returnedAt: null, result: null });
    const r = (await t.call(keeper, 'recorders.list')).find((x) => x.id === recorders.a)!;
    expect(r.status).toBe('repair');
    expect(r.currentOfficer).toBeNull(); // given back when it went to repair

    const refused = await o.t.raw(keeper, 'recorders.assign', { recorderId: recorders.a, officerId });
    expect(refused).toEqual({ ok: false, error: { code: 'RECORDER_UNDER_REPAIR', message: '记录仪 DSJ-A01 正在维修，维修返回前不能领用' } });
    // Nor can a bare edit take it out of repair, or a second repair open.
    expect(await code(t.call(keeper, 'recorders.update', { id: recorders.a, status: 'in_service' }))).toBe('STATUS_BY_RECORD');
    expect(await code(t.call(keeper, 'devices.sendRepair', { recorderId: recorders.a, fault: '再次' }))).toBe('REPAIR_OPEN');

    t.clock.advance(20 * 60_000);
    const back = await t.call(keeper, 'devices.returnRepair', { repairId: p.id, result: 'repaired', note: '更换主板' });
    expect(back).toMatchObject({ result: 'repaired', resultNote: '更换主板', returnedBy: '赵保管', returnedAt: '2026-11-20T02:21:00.000Z' });
    expect(await code(t.call(keeper, 'devices.returnRepair', { repairId: p.id, result: 'repaired' }))).toBe('REPAIR_CLOSED');
    const assigned = await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId });
    expect(assigned.currentOfficer?.name).toBe('张三');
    expect(auditRows(t, 'recorder.repair_send')[0]?.details).toMatchObject({ serial: 'DSJ-A01', fault: '开机后黑屏', wearerBefore: '310115' });
    expect(auditRows(t, 'recorder.repair_return')[0]?.details).toMatchObject({ result: 'repaired' });
  });

  it('an unrepairable recorder is retired; repair and loss are never set by a bare status edit', async () => {
    const { t, keeper, recorders } = o;
    expect(await message(t.call(keeper, 'recorders.update', { id: recorders.b, status: 'repair' }))).toMatch(/送修/);
    expect(await message(t.call(keeper, 'recorders.update', { id: recorders.b, status: 'lost' }))).toMatch(/丢失/);
    const p = await t.call(keeper, 'devices.sendRepair', { recorderId: recorders.b, fault: '进水' });
    t.clock.advance(20 * 60_000);
    await t.call(keeper, 'devices.returnRepair', { repairId: p.id, result: 'unrepairable' });
    expect((await t.call(keeper, 'recorders.list')).find((x) => x.id === recorders.b)?.status).toBe('retired');
  });

  it('a loss names the wearer of that time, takes the recorder out of service, and keeps its whole history', async () => {
    const { t, keeper, chief, officerId, recorders } = o;
    await t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId, from: '2026-11-18T00:00:00.000Z' });
    const i = await t.call(keeper, 'devices.reportIncident', {
      recorderId: recorders.a,
      kind: 'lost',
      occurredAt: '2026-11-19T09:30:00.000Z',
      description: '巡查途中遗失于集市',
    });
    expect(i).toMatchObject({ kind: 'lost', serial: 'DSJ-A01', officer: { name: '张三', badgeNo: '310115' }, decision: null, reportedBy: '赵保管' });
    const r = (await t.call(keeper, 'recorders.list')).find((x) => x.id === recorders.a)!;
    expect([r.status, r.currentOfficer]).toEqual(['lost', null]);
    expect(await code(t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId }))).toBe('RECORDER_NOT_IN_SERVICE');

    // The history stays: the assignment ended when it was lost, and the rows cannot be deleted.
    const file = await t.call(chief, 'devices.history', { recorderId: recorders.a });
    expect(file.assignments.map((a) => [a.officer.name, a.fromAt, a.toAt])).toEqual([['张三', '2026-11-18T00:00:00.000Z', '2026-11-19T09:30:00.000Z']]);
    expect(file.incidents.map((x) => x.id)).toEqual([i.id]);
    expect(() => db().prepare('DELETE FROM recorder_incidents').run()).toThrow(/kept/);
    expect(() => db().prepare('DELETE FROM recorders WHERE id = ?').run(recorders.a)).toThrow(/FOREIGN KEY/);

    // Compensation is the chief's, once.
    expect(await code(t.call(keeper, 'devices.decideIncident', { incidentId: i.id, decision: 'compensate' }))).toBe('FORBIDDEN');
    const d = await t.call(chief, 'devices.decideIncident', { incidentId: i.id, decision: 'compensate', note: '按资产管理规定折价赔偿' });
    expect(d).toMatchObject({ decision: 'compensate', decidedBy: '李队长', decisionNote: '按资产管理规定折价赔偿' });
    expect(await code(t.call(chief, 'devices.decideIncident', { incidentId: i.id, decision: 'no_compensation' }))).toBe('DECISION_MADE');
    expect(auditRows(t, 'recorder.lost')[0]?.details).toMatchObject({ incidentId: i.id, wearer: { name: '张三', badgeNo: '310115' } });
    expect(auditRows(t, 'recorder.compensation').map((x) => [x.actor, x.details.decision])).toEqual([['chief', 'compensate']]);
  });

  it('damage keeps the recorder in service; a second report on a lost recorder is refused', async () => {
    const { t, keeper, recorders } = o;
    const i = await t.call(keeper, 'devices.reportIncident', { recorderId: recorders.b, kind: 'damaged', occurredAt: '2026-11-20T01:00:00.000Z', description: '屏幕碎裂' });
    expect(i.officer).toBeNull(); // nobody wore it then
    expect((await t.call(keeper, 'recorders.list')).find((x) => x.id === recorders.b)?.status).toBe('in_service');
    await t.call(keeper, 'devices.reportIncident', { recorderId: recorders.b, kind: 'lost', occurredAt: '2026-11-20T01:30:00.000Z', description: '丢失' });
    expect(await code(t.call(keeper, 'devices.reportIncident', { recorderId: recorders.b, kind: 'damaged', occurredAt: '2026-11-20T01:40:00.000Z', description: 'x' }))).toBe(
      'RECORDER_LOST',
    );
    expect(await code(t.call(keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'lost', occurredAt: '2026-11-21T01:40:00.000Z', description: 'x' }))).toBe(
      'TIME_IN_FUTURE',
    );
  });

  it('a scanned statement is kept read-only with its SHA-256 and served only to the keeper and the chief', async () => {
    const { t, keeper, recorders } = o;
    const i = await t.call(keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'damaged', occurredAt: '2026-11-20T01:00:00.000Z', description: '摔落' });
    const withScan = await t.call(keeper, 'devices.attachStatement', { incidentId: i.id, fileName: '情况说明.png', dataBase64: TINY_PNG.toString('base64') });
    const s = withScan.statements[0]!;
    const sha = createHash('sha256').update(TINY_PNG).digest('hex');
    expect(s).toMatchObject({ fileName: `recorder-incident-${i.id}-1.png`, sha256: sha, size: TINY_PNG.length, type: 'png', uploadedName: '情况说明.png', addedBy: '赵保管' });
    const file = path.join(t.services.archive.open().paths.forms, s.fileName);
    expect(statSync(file).mode & 0o222).toBe(0); // no write bit for anyone
    expect(() => db().prepare('UPDATE recorder_incident_files SET sha256 = ?').run('0'.repeat(64))).toThrow(/read-only/);
    expect(auditRows(t, 'recorder.statement_attach')[0]?.details).toMatchObject({ fileName: s.fileName, sha256: sha, uploadedName: '情况说明.png' });

    // Served by the document route to the roles of devices.openStatement only.
    const doc = generatedDocument(s.fileName)!;
    expect(doc.contentType).toBe('image/png');
    const as = (roles: string[]) => authorizeDocument({ roles, mustChangePassword: false } as never, doc).allowed;
    expect([as(['custodian']), as(['chief']), as(['admin']), as(['officer']), as(['township_leader'])]).toEqual([true, true, false, false, false]);

    // The desktop program opens it for the chief after checking its hash; a changed file is refused.
    const opened: string[] = [];
    Object.assign(t.services.host, { openPath: async (p: string) => void opened.push(p) });
    await t.call(o.chief, 'devices.openStatement', { fileName: s.fileName });
    expect(opened).toEqual([file]);
    expect(auditRows(t, 'recorder.statement_open').map((a) => [a.actor, a.target, a.details.sha256])).toEqual([['chief', `form:${s.fileName}`, sha]]);
    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.concat([TINY_PNG, Buffer.from('x')]));
    expect(await code(t.call(o.chief, 'devices.openStatement', { fileName: s.fileName }))).toBe('STATEMENT_CHANGED');
    expect(opened).toHaveLength(1);

    // Bytes decide the type, not the name; text is refused.
    expect(await code(t.call(keeper, 'devices.attachStatement', { incidentId: i.id, fileName: 'x.pdf', dataBase64: Buffer.from('not a pdf').toString('base64') }))).toBe('SCAN_TYPE');
    const again = await t.call(keeper, 'devices.attachStatement', { incidentId: i.id, fileName: 'p2.png', dataBase64: TINY_PNG.toString('base64') });
    expect(again.statements.map((x) => x.fileName)).toEqual([`recorder-incident-${i.id}-1.png`, `recorder-incident-${i.id}-2.png`]);
  });

  it('no lending outside the office (art. 9): only a registered, active officer of the office can be assigned', async () => {
    const { t, keeper, recorders, officerId } = o;
    expect(await o.t.raw(keeper, 'recorders.assign', { recorderId: recorders.a, officerId: 9999 })).toEqual({
      ok: false,
      error: { code: 'OFFICER_NOT_REGISTERED', message: '只能由本单位登记的执法人员领用，不得转借其他单位或个人（制度第九条）' },
    });
    await t.call(keeper, 'officers.update', { id: officerId, active: false });
    expect(await message(t.call(keeper, 'recorders.assign', { recorderId: recorders.a, officerId }))).toBe('OFFICER_INACTIVE: 张三 已停用，不能领用记录仪');
    // A person outside the office cannot be named at all: the input takes only a registered officer's id.
    for (const forged of [
      { recorderId: recorders.a, officerName: '外单位人员' },
      { recorderId: recorders.a, officerId: null, borrower: '乡财政所' },
      { recorderId: recorders.a, officerId: '310115' },
    ]) {
      expect((await o.t.raw(keeper, 'recorders.assign', forged)).ok).toBe(false);
    }
    expect((await t.call(keeper, 'devices.history', { recorderId: recorders.a })).assignments).toEqual([]);
  });

  it('refuses forged inputs to every new method', async () => {
    const { t, keeper, chief, recorders } = o;
    const cases: [typeof keeper, string, unknown][] = [
      [keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [] }],
      [keeper, 'devices.recordChecks', { day: '20-11-2026', entries: [{ recorderId: recorders.a, noFault: true, battery: true, storage: true, clock: true }] }],
      [keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.a, noFault: 'yes', battery: true, storage: true, clock: true }] }],
      [keeper, 'devices.recordChecks', { day: '2026-11-20', entries: [{ recorderId: recorders.a, noFault: true, battery: true, storage: true, clock: true, checkedBy: 1 }] }],
      [keeper, 'devices.sendRepair', { recorderId: recorders.a, fault: '' }],
      [keeper, 'devices.sendRepair', { recorderId: recorders.a, fault: 'x', status: 'in_service' }],
      [keeper, 'devices.sendRepair', { recorderId: -1, fault: 'x' }],
      [keeper, 'devices.returnRepair', { repairId: 1, result: 'fixed' }],
      [keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'stolen', occurredAt: '2026-11-20T01:00:00.000Z', description: 'x' }],
      [keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'lost', occurredAt: '昨天', description: 'x' }],
      [keeper, 'devices.reportIncident', { recorderId: recorders.a, kind: 'lost', occurredAt: '2026-11-20T01:00:00.000Z', description: 'x', officerId: 1 }],
      [chief, 'devices.decideIncident', { incidentId: 1, decision: 'pay_double' }],
      [keeper, 'devices.attachStatement', { incidentId: 1, fileName: 'a.png', dataBase64: '' }],
      [keeper, 'devices.openStatement', { fileName: '../evidence.db' }],
      [keeper, 'devices.openStatement', { fileName: 'record-form-1-scan.pdf' }],
      [chief, 'devices.designateKeeper', { userId: 'keeper1' }],
      [keeper, 'devices.checks', { day: '2026-13-45; DROP TABLE recorders' }],
    ];
    for (const [client, method, input] of cases) {
      const r = await t.raw(client, method, input);
      expect([method, r.ok ? 'ok' : r.error.code]).toEqual([method, 'INVALID_INPUT']);
    }
    // Past the schema, the domain: a statement for a missing incident, a day after today, a repair of nothing.
    expect(await code(t.call(keeper, 'devices.attachStatement', { incidentId: 999, fileName: 'a.png', dataBase64: TINY_PNG.toString('base64') }))).toBe('NOT_FOUND');
    expect(await code(t.call(keeper, 'devices.sendRepair', { recorderId: 999, fault: 'x' }))).toBe('NOT_FOUND');
    expect(await code(t.call(keeper, 'devices.sendRepair', { recorderId: recorders.a, fault: 'x', sentAt: '2026-11-21T00:00:00.000Z' }))).toBe('TIME_IN_FUTURE');
    expect(db().prepare('SELECT COUNT(*) AS n FROM recorder_repairs').get()).toEqual({ n: 0 });
  });
});
