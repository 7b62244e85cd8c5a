import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyCheckDto } from '../../../main/api';
import { opensslCmsVerify } from '../../support/cms';
import { runInProcess } from '../cli/run-cli';
import { docxBlocks, unzipEntry } from '../forms/docx-read';
import { docxToPdf, onPaperCheck, pdfInfo, pdfPageTexts, pdfToolsMissing, proofPngs } from '../forms/proof';
import { FRIDAY, local, MONDAY, SERIAL_A, SERIAL_B, TUESDAY, makeWeek, type Week } from './week-fixture';

const PROOF_DIR = fileURLToPath(new URL('../../../test-results/forms', import.meta.url));

const kinds = (c: DailyCheckDto) => c.findings.map((f) => `${f.kind}@${f.article}${f.problem ? '!' : ''}`);
const only = (c: DailyCheckDto, kind: string) => {
  const f = c.findings.filter((x) => x.kind === kind);
  expect(f, `${kind} in ${kinds(c).join(' ')}`).toHaveLength(1);
  return f[0]!;
};

describe('the daily check of a fixture week (rules art. 15)', () => {
  let w: Week;

  beforeAll(async () => {
    w = await makeWeek();
    // The chief checks on Wednesday morning.
    await w.moveTo(local(18, 8, 30));
  }, 180_000);
  afterAll(() => w?.t.cleanup());

  it('names each of Monday\'s problems with its article and the records behind it', async () => {
    const c = await w.t.call(w.chief, 'supervision.day', { day: MONDAY });
    expect(c.day).toBe(MONDAY);

    const a = only(c, 'handover_same_day');
    expect(a).toMatchObject({ article: '8', problem: false });
    expect(a.title).toContain(SERIAL_A);
    expect(a.title).toContain('张三');
    expect(a.refs.some((r) => r.kind === 'ingest')).toBe(true);

    const b = only(c, 'not_docked');
    expect(b).toMatchObject({ article: '8', problem: true });
    expect(b.title).toContain(SERIAL_B);
    expect(b.title).toContain('李四');

    const late = only(c, 'late_handover');
    expect(late).toMatchObject({ article: '11(1)', problem: true });
    // Recorded Monday, handed over Tuesday 09:30: 9 h 30 min after Monday ended.
    expect(late.title).toContain('迟交 9 小时 30 分钟');
    expect(late.refs.filter((r) => r.kind === 'media')).toHaveLength(1);

    const mute = only(c, 'no_audio');
    expect(mute).toMatchObject({ article: '2', problem: true });
    expect(mute.refs[0]).toMatchObject({ kind: 'media', label: w.noSoundName });

    const gap = only(c, 'recording_gap');
    expect(gap).toMatchObject({ article: '6', problem: true });
    expect(gap.detail).toMatch(/中断 3 秒/);
    expect(gap.refs[0]).toMatchObject({ kind: 'recording' });

    const drift = only(c, 'clock_drift');
    expect(drift).toMatchObject({ article: '4', problem: true });
    expect(drift.title).toContain('快 10 分');

    expect(only(c, 'integrity')).toMatchObject({ article: '11', problem: true, key: 'integrity:none' });
    expect(only(c, 'audit_chain')).toMatchObject({ article: '11', problem: false });
    // Monday has no viewing, no refused attempt, and is before Friday: no weekly finding.
    for (const k of ['viewing', 'view_denied', 'weekly', 'failed_ingest']) expect(kinds(c).some((x) => x.startsWith(`${k}@`))).toBe(false);
    // Grouped by article in the rules' order.
    const order = c.findings.map((f) => f.article);
    expect(order.indexOf('2')).toBeLessThan(order.indexOf('4'));
    expect(order.indexOf('8')).toBeLessThan(order.indexOf('11(1)'));
  });

  it('shows Tuesday\'s handover as late, the viewing with its approval and the refused attempt', async () => {
    const c = await w.t.call(w.chief, 'supervision.day', { day: TUESDAY });
    // A stayed with 张三 but was not taken out on Tuesday (no check, nothing recorded, not docked): not 领用未交接.
    expect(kinds(c).some((k) => k.startsWith('not_docked@'))).toBe(false);
    expect(only(c, 'handover_same_day').title).toContain(SERIAL_B);
    expect(only(c, 'late_handover').key).toBe((await w.t.call(w.chief, 'supervision.day', { day: MONDAY })).findings.find((f) => f.kind === 'late_handover')!.key);
    const v = only(c, 'viewing');
    expect(v).toMatchObject({ article: '12', problem: false });
    expect(v.title).toBe(`张三 查阅 ${w.noSoundName}`);
    expect(v.detail).toContain('批准人 李队长');
    expect(v.refs.map((r) => r.kind)).toEqual(['viewing', 'media', 'access']);
    const denied = only(c, 'view_denied');
    expect(denied).toMatchObject({ article: '12', problem: true });
    expect(denied.title).toContain('li');
    expect(denied.refs).toContainEqual({ kind: 'media', id: w.viewedMediaId, label: `资料 #${w.viewedMediaId}` });
  });

  it('finds Friday without the weekly consolidation (art. 11(2)) once Friday is over', async () => {
    await w.moveTo(local(20, 12, 0));
    expect((await w.t.call(w.chief, 'supervision.day', { day: FRIDAY })).findings.some((f) => f.kind === 'weekly')).toBe(false);
    await w.moveTo(local(21, 9, 0));
    const f = only(await w.t.call(w.chief, 'supervision.day', { day: FRIDAY }), 'weekly');
    expect(f).toMatchObject({ article: '11(2)', problem: true, key: 'weekly:2026-11-16' });
    await w.moveTo(local(18, 8, 30));
  });

  it('defaults to yesterday in the office zone', async () => {
    expect((await w.t.call(w.leader, 'supervision.day', {})).day).toBe(TUESDAY);
  });

  it('corrections: opened → on the dashboard list → closed with what was done → gone; every step audited', async () => {
    const c = await w.t.call(w.chief, 'supervision.day', { day: MONDAY });
    const nd = c.findings.find((f) => f.kind === 'not_docked')!;
    const after = await w.t.call(w.chief, 'supervision.openCorrection', { day: MONDAY, findingKey: nd.key, assignee: '李四', action: '当日工作结束时交接记录仪', dueDay: '2026-11-19' });
    const marked = after.findings.find((f) => f.key === nd.key)!;
    expect(marked.mark?.verdict).toBe('needs_correction');
    expect(marked.corrections).toHaveLength(1);

    const open = await w.t.call(w.leader, 'supervision.openCorrections', {});
    expect(open.map((o) => [o.findingKey, o.assignee, o.dueDay, o.closedAt])).toEqual([[nd.key, '李四', '2026-11-19', null]]);
    // Not the chief: no marking, no closing.
    await expect(w.t.call(w.leader, 'supervision.closeCorrection', { id: open[0]!.id, outcome: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.t.call(w.keeper, 'supervision.openCorrections', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const closed = await w.t.call(w.chief, 'supervision.closeCorrection', { id: open[0]!.id, outcome: '李四已说明原因，次日起按日交接' });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.closedBy).toBe('李队长');
    expect(await w.t.call(w.chief, 'supervision.openCorrections', {})).toEqual([]);
    await expect(w.t.call(w.chief, 'supervision.closeCorrection', { id: open[0]!.id, outcome: 'again' })).rejects.toMatchObject({ code: 'CORRECTION_CLOSED' });

    const audit = (await w.t.call(w.chief, 'audit.list', { action: 'supervision.' })).entries;
    expect(audit.map((e) => e.action).sort()).toEqual(['supervision.correction_close', 'supervision.correction_open', 'supervision.mark'].sort());
    expect(audit.find((e) => e.action === 'supervision.correction_open')?.target).toBe(`correction:${open[0]!.id}`);
    // The audit page names them as people do.
    expect(audit.find((e) => e.action === 'supervision.correction_open')?.targetName).toBe(`${MONDAY} 检查布置的纠正（李四）`);
    expect(audit.find((e) => e.action === 'supervision.mark')?.targetName).toBe(`${MONDAY} 的日常检查`);
  });

  it('refuses to sign until every finding is marked; the signed record verifies with openssl cms -verify', async () => {
    const before = await w.t.call(w.chief, 'supervision.day', { day: MONDAY });
    expect(before.signRefusal).toMatch(/未标记/);
    await expect(w.t.call(w.chief, 'supervision.sign', { day: MONDAY })).rejects.toMatchObject({ code: 'SIGN_REFUSED' });
    for (const f of before.findings.filter((x) => !x.mark)) {
      await w.t.call(w.chief, 'supervision.mark', { day: MONDAY, findingKey: f.key, verdict: 'normal', note: f.problem ? '已当面提醒' : '' });
    }
    const signed = await w.t.call(w.chief, 'supervision.sign', { day: MONDAY });
    const forms = path.join(w.t.root, 'forms');
    const cms = opensslCmsVerify({ signature: signed.signatureFile, content: signed.contentFile, caFile: path.join(w.t.root, 'certs', 'office-ca.pem'), at: w.t.clock.now(), cwd: forms });
    expect(cms.ok, cms.out).toBe(true);
    const record = JSON.parse(readFileSync(path.join(forms, signed.contentFile), 'utf8')) as { day: string; findings: { kind: string; verdict: string }[]; signer: { login: string } };
    expect(record.day).toBe(MONDAY);
    expect(record.signer.login).toBe('chief');
    expect(record.findings.find((f) => f.kind === 'not_docked')?.verdict).toBe('needs_correction');

    const after = await w.t.call(w.chief, 'supervision.day', { day: MONDAY });
    expect(after.signature).toMatchObject({ signerLogin: 'chief', contentSha256: signed.contentSha256 });
    const anyKey = after.findings[0]!.key;
    await expect(w.t.call(w.chief, 'supervision.mark', { day: MONDAY, findingKey: anyKey, verdict: 'needs_correction' })).rejects.toMatchObject({ code: 'SUPERVISION_SIGNED' });
    await expect(w.t.call(w.chief, 'supervision.sign', { day: MONDAY })).rejects.toMatchObject({ code: 'SIGN_REFUSED' });
    expect((await w.t.call(w.chief, 'audit.list', { action: 'supervision.sign' })).entries).toHaveLength(1);
  });

  it('prints the signed day as 执法记录仪使用日常检查记录 (DOCX) with the findings as signed', async () => {
    const saved = await w.t.call(w.leader, 'supervision.docx', { day: MONDAY });
    expect(saved.fileName).toBe('日常检查记录-20261116.docx');
    const file = path.join(w.t.root, 'forms', saved.fileName);
    expect(existsSync(file)).toBe(true);
    const xml = unzipEntry(readFileSync(file), 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('执法记录仪使用日常检查记录');
    expect(xml).toContain('第二条 声音与图像同步摄录');
    expect(xml).toContain(w.noSoundName);
    expect(xml).toContain('当日工作结束时交接记录仪');
    expect(xml).toContain('李队长 于');
  });

  it('CLI: `supervision --archive DIR --date` prints the day read-only (text and --json), or as a user through the API', async () => {
    w.t.services.archive.close();
    const cli = (args: string[], vars: Record<string, string> = {}) => runInProcess(args, { clock: w.t.clock, vars });
    const json = await cli(['supervision', '--archive', w.t.root, '--date', MONDAY, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as DailyCheckDto;
    expect(doc.findings.map((f) => `${f.kind}@${f.article}`)).toEqual(
      expect.arrayContaining(['no_audio@2', 'clock_drift@4', 'recording_gap@6', 'not_docked@8', 'late_handover@11(1)']),
    );
    expect(doc.signature?.signerLogin).toBe('chief');

    const text = await cli(['supervision', '--archive', w.t.root, '--date', MONDAY]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/daily check 2026-11-16 \(Asia\/Shanghai\): \d+ finding\(s\), \d+ problem\(s\)/);
    expect(text.stdout).toContain('art. 6 第六条');
    expect(text.stdout).toContain('correction #');
    expect(text.stdout).toContain('signed by 李队长 (chief)');

    const asLeader = await cli(['supervision', '--archive', w.t.root, '--date', TUESDAY, '--user', 'leader', '--json'], { EVIDENCE_PASSWORD: 'changed-pass' });
    expect(asLeader.code, asLeader.stderr).toBe(0);
    expect((JSON.parse(asLeader.stdout) as DailyCheckDto).findings.some((f) => f.kind === 'view_denied')).toBe(true);
    const asOfficer = await cli(['supervision', '--archive', w.t.root, '--date', TUESDAY, '--user', 'zhang'], { EVIDENCE_PASSWORD: 'changed-pass' });
    expect(asOfficer.code).toBe(2);
    expect(asOfficer.stderr).toContain('FORBIDDEN');
    expect((await cli(['supervision', '--archive', w.t.root, '--date', '2026-1-1'])).code).toBe(2);
    expect((await cli(['supervision', '--archive', w.t.root])).code).toBe(2);
  }, 60_000);

  it('the inspection report for Monday–Tuesday: figures per officer and recorder, per article followed or not', async () => {
    // From a week before the office existed: only its days are checked (no weekly finding for earlier weeks).
    const r = await w.t.call(w.leader, 'supervision.report', { from: '2026-11-09', to: TUESDAY });
    expect(r.days).toBe(2);
    expect(r.from).toBe('2026-11-09');
    const zhang = r.officers.find((o) => o.name === '张三')!;
    // Three segments and the clip without sound; one interrupted segment boundary; handed over that evening.
    expect(zhang).toMatchObject({ files: 4, noAudio: 1, gaps: 1, clock: 0, flaggedShare: 0.5, daysRecorded: 1, daysHandedOverSameDay: 1, sameDayRate: 1 });
    // 3 + 3 + 3 + 2 seconds of clips (real files run a little longer).
    expect(zhang.durationSec).toBeGreaterThanOrEqual(11);
    expect(zhang.durationSec).toBeLessThan(13);
    expect(zhang.mediaIds).toHaveLength(4);
    expect(r.officers.find((o) => o.name === '李四')).toMatchObject({ files: 1, noAudio: 0, daysRecorded: 1, daysHandedOverSameDay: 0, sameDayRate: 0 });
    // A: docked Monday, clock fast at its docking, unused on Tuesday (not a day 领用未交接); B: not docked Monday,
    // docked Tuesday morning.
    expect(r.recorders.map((x) => [x.serial, x.files, x.daysDocked, x.daysNotDocked, x.clockDrift])).toEqual([
      [SERIAL_A, 4, 1, 0, 1],
      [SERIAL_B, 1, 1, 1, 0],
    ]);
    // Every figure carries the records it counts (the page opens them when the figure is clicked).
    expect(zhang.refs.files.map((x) => x.id).sort()).toEqual([...zhang.mediaIds].sort());
    expect(zhang.refs.noAudio).toEqual([expect.objectContaining({ kind: 'media', label: w.noSoundName })]);
    expect(zhang.refs.gaps).toHaveLength(zhang.gaps);
    expect(zhang.refs.daysHandedOverSameDay.map((x) => x.kind)).toEqual(['ingest']);
    const b = r.recorders.find((x) => x.serial === SERIAL_B)!;
    expect(b.refs.daysNotDocked.map((x) => x.kind)).toContain('media');
    expect(b.refs.files).toHaveLength(b.files);
    expect(r.recorders.find((x) => x.serial === SERIAL_A)!.refs.clockDrift.map((x) => x.kind)).toEqual(['ingest']);
    expect(r.viewers.map(({ refs, ...v }) => [v, refs.viewings.map((x) => x.kind), refs.onApproval.map((x) => x.kind)])).toEqual([[{ viewer: '张三', viewings: 1, onApproval: 1 }, ['viewing'], ['access']]]);
    expect(r.discRefs).toEqual([]);
    expect(r.correctionList).toEqual([expect.objectContaining({ day: MONDAY, assignee: '李四', closed: true })]);
    expect(r.discs).toBe(0);
    expect(r.corrections).toEqual({ opened: 1, closed: 1 });
    expect(r.calendar).toEqual([{ day: MONDAY, recorded: 2, sameDay: 1 }, { day: TUESDAY, recorded: 0, sameDay: 0 }]);
    const followed = Object.fromEntries(r.articles.map((a) => [a.article, a.followed]));
    expect(followed).toEqual({
      '2': false, '4': false, '6': false, '8': false, '9': true, '10': true, '11': false, '11(1)': false, '11(2)': true, '11(3)': true, '11(4)': true, '12': false, '13': true, '14': true,
    });
    // The late handover shows on both days but is one finding.
    expect(r.articles.find((a) => a.article === '11(1)')!.problems).toHaveLength(1);
    expect(r.articles.find((a) => a.article === '8')!.problems.map((p) => p.day)).toEqual([MONDAY]);

    await expect(w.t.call(w.leader, 'supervision.reportDocx', { from: MONDAY, to: TUESDAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.t.call(w.leader, 'supervision.report', { from: TUESDAY, to: MONDAY })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const doc = await w.t.call(w.chief, 'supervision.reportDocx', { from: MONDAY, to: TUESDAY });
    expect(doc.fileName).toBe('检查报告-20261116-20261117.docx');
    const forms = path.join(w.t.root, 'forms');
    const cms = opensslCmsVerify({ signature: doc.signatureFile, content: doc.fileName, caFile: path.join(w.t.root, 'certs', 'office-ca.pem'), at: w.t.clock.now(), cwd: forms });
    expect(cms.ok, cms.out).toBe(true);
    const xml = unzipEntry(readFileSync(path.join(forms, doc.fileName)), 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('执法记录仪使用情况检查报告');
    expect(xml).toContain('第十二条 分级授权，经批准方可查阅');
    expect(xml).toContain('1/1 天');
  });

  it('device care through the API: a failed pre-use check, a recorder worn unchecked, a repair sent and returned (art. 4, 9)', async () => {
    const WEDNESDAY = '2026-11-18';
    await w.moveTo(local(18, 8, 40));
    const recorders = await w.t.call(w.keeper, 'recorders.list', {});
    const idOf = (serial: string) => recorders.find((r) => r.serial === serial)!.id;
    // A is checked before use and found with a flat battery; B is issued again to 李四 and goes out with no check recorded.
    const li = recorders.find((r) => r.serial === SERIAL_B)!.currentOfficer!;
    await w.t.call(w.keeper, 'recorders.assign', { recorderId: idOf(SERIAL_B), officerId: li.id, from: local(18, 8, 35).toISOString() });
    await w.t.call(w.keeper, 'devices.recordChecks', { day: WEDNESDAY, entries: [{ recorderId: idOf(SERIAL_A), noFault: true, battery: false, storage: true, clock: true, note: '电池无法充满' }] });
    await w.moveTo(local(18, 10, 0));
    const repair = await w.t.call(w.keeper, 'devices.sendRepair', { recorderId: idOf(SERIAL_B), fault: '按键失灵', repairer: '厂家售后' });
    await w.moveTo(local(18, 16, 0));
    await w.t.call(w.keeper, 'devices.returnRepair', { repairId: repair.id, result: 'repaired' });

    // Still Wednesday: the missing check is not judged yet; the events are.
    const running = await w.t.call(w.chief, 'supervision.day', { day: WEDNESDAY });
    expect(kinds(running).some((k) => k.startsWith('no_pre_use_check@'))).toBe(false);

    await w.moveTo(local(19, 8, 30));
    const c = await w.t.call(w.chief, 'supervision.day', { day: WEDNESDAY });
    const failed = only(c, 'device_check_failed');
    expect(failed).toMatchObject({ article: '4', problem: true, title: `${SERIAL_A} 使用前检查不合格：电量充足` });
    expect(failed.detail).toBe('检查于 08:40；电池无法充满');
    expect(failed.refs).toEqual([{ kind: 'recorder', id: idOf(SERIAL_A), label: SERIAL_A }]);
    const unchecked = only(c, 'no_pre_use_check');
    expect(unchecked).toMatchObject({ article: '4', problem: true, key: `no_pre_use_check:recorder:${idOf(SERIAL_B)}` });
    expect(unchecked.detail).toContain('李四');
    const repairs = c.findings.filter((f) => f.kind === 'device_repair');
    expect(repairs.map((f) => [f.key, f.article, f.problem, f.title])).toEqual([
      [`device_repair:repair:${repair.id}:sent`, '9', false, `${SERIAL_B} 送修：按键失灵`],
      [`device_repair:repair:${repair.id}:returned`, '9', false, `${SERIAL_B} 维修返回：已修复`],
    ]);
    // The same events on the recorder's own day only: Tuesday has none. On Tuesday A lay unused (a day off: no check
    // due), while B was docked and so went out unchecked.
    const tuesday = await w.t.call(w.chief, 'supervision.day', { day: TUESDAY });
    expect(tuesday.findings.filter((f) => /^(device_|no_pre_use)/.test(f.kind)).map((f) => f.key)).toEqual([`no_pre_use_check:recorder:${idOf(SERIAL_B)}`]);
  });

  it.skipIf(pdfToolsMissing() !== null)('the daily check record and the inspection report print through LibreOffice whole: every paragraph and cell on A4 paper', () => {
    const forms = path.join(w.t.root, 'forms');
    const files = { 'daily-check-record': readFileSync(path.join(forms, '日常检查记录-20261116.docx')), 'inspection-report': readFileSync(path.join(forms, '检查报告-20261116-20261117.docx')) };
    const pdfs = docxToPdf(files, PROOF_DIR);
    for (const [name, docx] of Object.entries(files)) {
      const pdf = pdfs[name]!;
      const check = onPaperCheck(docxBlocks(unzipEntry(docx, 'word/document.xml')!.toString('utf8')), pdfPageTexts(pdf));
      expect(check.checked, name).toBeGreaterThan(30);
      expect(check.missing, name).toEqual([]);
      const info = pdfInfo(pdf);
      expect([info.width, info.height].sort(), name).toEqual([595, 842]);
      proofPngs(pdf, PROOF_DIR);
    }
  }, 240_000);
});
