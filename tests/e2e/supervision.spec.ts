import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { zonedToUtc } from '../../main/common';
import { deviceInfoFile, recorderClip } from '../fixtures/recorder-clips';
import { makeSegments } from '../fixtures/recorder-volume';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs, nav } from './support/session';

/**
 * 监督 (rules art. 15): the chief opens Monday's daily check, sees each finding under its article, orders a
 * correction for the recorder not docked, marks the rest, signs and prints the record; the correction stays on
 * 工作台 until he closes it with what was done. Footage and dockings are arranged through the API on a moving clock.
 */
const TZ = 'Asia/Shanghai';
const local = (d: number, hh: number, mm = 0, ss = 0) => zonedToUtc({ y: 2026, m: 11, d, hh, mm, ss }, TZ);
const WEDNESDAY = local(18, 8, 30);
const ZHANG = { login: 'zhangsan', name: '张三', password: 'Officer-pass-2024', badge: '310115' };
const LI = { login: 'lisi', name: '李四', password: 'Officer-pass-2024', badge: '310116' };

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let work: string;
const admin: Client = { id: 'e2e-admin', sessionId: null };
const call = (method: MethodName, input: unknown = {}) => callApi(host.services, admin, method, input);

/** Moves the host's clock to `at` and logs the admin in again (sessions end when idle). */
async function moveTo(at: Date) {
  host.advanceClock(at.getTime() - host.services.clock.now().getTime());
  await call('session.login', { login: ADMIN.login, password: ADMIN.password });
}

async function ingest(volume: string, serial: string, badge: string) {
  const sourceId = host.services.sources.addFolder(volume).id;
  const { sessionId } = (await call('ingest.start', { sourceId, recorderSerial: serial, officerBadge: badge, confirmNewRecorder: true })) as { sessionId: number };
  await host.services.jobs.get(`ingest:${sessionId}`)?.done;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-supervision-'));
  const volA = path.join(work, 'A');
  const volB = path.join(work, 'B');
  await mkdir(path.join(volA, 'DCIM'), { recursive: true });
  await mkdir(path.join(volB, 'DCIM'), { recursive: true });
  await makeSegments(path.join(volA, 'DCIM'), 2, 3, local(16, 9, 30), { serial: 'A8C0012345', badge: ZHANG.badge, timeZone: TZ });
  await makeSegments(path.join(volA, 'DCIM'), 1, 3, local(16, 9, 30, 9), { serial: 'A8C0012345', badge: ZHANG.badge, timeZone: TZ });
  await recorderClip(path.join(volA, 'DCIM'), { serial: 'A8C0012345', badge: ZHANG.badge, start: local(16, 10, 15), seconds: 2, audio: false, timeZone: TZ });
  await deviceInfoFile(volA, { serial: 'A8C0012345', badge: ZHANG.badge, clockNow: local(16, 18, 10), timeZone: TZ });
  await recorderClip(path.join(volB, 'DCIM'), { serial: 'B8C0099999', badge: LI.badge, start: local(16, 14, 0), seconds: 2, audio: true, timeZone: TZ });
  await deviceInfoFile(volB, { serial: 'B8C0099999', badge: LI.badge, clockNow: null, timeZone: TZ });

  host = await startTestHost({ startAt: local(16, 7, 0) });
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: TZ });
  await addUser(host.services, admin, ZHANG, ['officer']);
  await addUser(host.services, admin, LI, ['officer']);
  const officers = (await call('officers.list')) as { id: number; badgeNo: string }[];
  for (const [serial, badge] of [['A8C0012345', ZHANG.badge], ['B8C0099999', LI.badge]] as const) {
    const r = (await call('recorders.create', { serial, brand: '执法仪', model: 'DSJ-A8' })) as { id: number };
    await call('recorders.assign', { recorderId: r.id, officerId: officers.find((o) => o.badgeNo === badge)!.id, from: local(16, 7, 30).toISOString() });
  }
  await moveTo(local(16, 18, 0));
  await ingest(volA, 'A8C0012345', ZHANG.badge);
  await moveTo(local(17, 9, 30));
  await ingest(volB, 'B8C0099999', LI.badge);
  await moveTo(WEDNESDAY);
});

test.afterAll(async () => {
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: WEDNESDAY });
});

async function openSupervision(page: Page) {
  await loginAs(page, host.openUrl, CHIEF);
  await nav(page).getByRole('menuitem', { name: '监督' }).click();
  await expect(page.getByRole('heading', { name: '监督' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '日常检查' })).toHaveAttribute('aria-selected', 'true');
}

test('the chief checks Monday: findings under their articles, a correction ordered, the rest marked, signed, printed', async ({ page }) => {
  await openSupervision(page);
  // Yesterday (office time) by default; one day back with the keyboard.
  await expect(page.getByLabel('检查日期')).toHaveValue('2026-11-17');
  await page.getByRole('button', { name: '前一天' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('检查日期')).toHaveValue('2026-11-16');

  await expect(page.getByTestId('article-2')).toContainText('第二条');
  await expect(page.getByTestId('article-2').getByTestId('finding-no_audio')).toContainText('无音轨');
  await expect(page.getByTestId('article-4').getByTestId('finding-clock_drift')).toContainText('设备时钟快 10 分');
  await expect(page.getByTestId('article-6').getByTestId('finding-recording_gap')).toContainText('中断 1 处');
  await expect(page.getByTestId('article-8').getByTestId('finding-not_docked')).toContainText('B8C0099999 佩戴人 李四（310116），当日领用但未交接');
  await expect(page.getByTestId('article-8').getByTestId('finding-handover_same_day')).toContainText('A8C0012345 佩戴人 张三');
  await expect(page.getByTestId('article-11(1)').getByTestId('finding-late_handover')).toContainText('迟交 9 小时 30 分钟');
  await screen(page, 'supervision-day');

  // A correction for the recorder not docked: who does what by when.
  const notDocked = page.getByTestId('finding-not_docked');
  await notDocked.getByRole('button', { name: '布置纠正…' }).click();
  const dialog = page.getByRole('dialog', { name: '布置纠正措施' });
  await dialog.getByLabel('责任人').fill('李四');
  await dialog.getByLabel('纠正措施').fill('当日工作结束时将记录仪交保管员导入');
  await dialog.getByRole('button', { name: '布置' }).click();
  await expect(dialog).toBeHidden();
  await expect(notDocked).toContainText('纠正中');
  await expect(page.getByTestId('open-corrections')).toContainText('当日工作结束时将记录仪交保管员导入');

  // Every other finding 正常.
  const findings = page.locator('[data-testid^="finding-"]:not([data-testid^="finding-correction"])');
  const n = await findings.count();
  for (let i = 0; i < n; i++) {
    const f = findings.nth(i);
    if ((await f.getAttribute('data-testid')) === 'finding-not_docked') continue;
    await f.locator('label', { hasText: /^正常$/ }).click();
    await expect(f.getByRole('radio', { name: '正常' })).toBeChecked();
  }
  await expect(page.getByTestId('sign-state')).toHaveText('可以签名');
  await page.getByRole('button', { name: '签名' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '签名' }).click();
  await expect(page.getByTestId('signed')).toContainText(`${CHIEF.name} 已于`);
  await expect(page.getByRole('radio', { name: '正常' })).toHaveCount(0);
  await page.getByRole('button', { name: '生成检查记录' }).click();
  await expect(page.getByTestId('generated-file')).toContainText('日常检查记录-20261116.docx');
  await expect(page.getByTestId('generated-file')).toContainText('daily-check-2026-11-16.json.p7s');
  await screen(page, 'supervision-signed');
});

test('the open correction stays on 工作台 until it is closed with what was done', async ({ page }) => {
  await loginAs(page, host.openUrl, CHIEF);
  const card = page.getByTestId('open-corrections');
  await expect(card).toContainText('待纠正事项（1）');
  await expect(card).toContainText('李四：当日工作结束时将记录仪交保管员导入；期限 2026-11-19');
  await screen(page, 'supervision-dashboard-corrections');
  await card.getByRole('button', { name: '纠正完成' }).click();
  const dialog = page.getByRole('dialog', { name: '纠正完成' });
  await dialog.getByLabel('完成情况').fill('已谈话提醒，李四此后每日交接');
  await dialog.getByRole('button', { name: '确认完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('没有未完成的纠正事项');
  const audit = (await callApi(host.services, admin, 'audit.list', { action: 'supervision.' }).catch(() => null)) as { entries: { action: string }[] } | null;
  // The admin may read the audit log: every step of the check is in it.
  expect(audit?.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['supervision.correction_open', 'supervision.mark', 'supervision.sign', 'supervision.correction_close']));
});

test('the inspection report: per article, a calendar of handovers, per officer and recorder, a signed DOCX', async ({ page }) => {
  await openSupervision(page);
  await page.getByRole('tab', { name: '检查报告' }).click();
  await page.getByRole('button', { name: '统计' }).click();
  const report = page.getByTestId('inspection-report');
  await expect(report).toContainText('第二条 声音与图像同步摄录');
  await expect(report.locator('tr', { hasText: '第十三条' })).toContainText('遵守');
  await expect(report.locator('tr', { hasText: '第六条' })).toContainText('有问题');
  const officers = page.getByTestId('report-officers');
  await expect(officers.locator('tr', { hasText: '张三' })).toContainText('1/1 天');
  await expect(officers.locator('tr', { hasText: '李四' })).toContainText('0/1 天');
  await expect(page.getByLabel('2026-11-16 录制 2 人 当日交接 1 人')).toBeVisible();
  await page.getByRole('button', { name: '生成签名报告' }).click();
  await expect(page.getByTestId('generated-file')).toContainText('.docx.p7s');
  await screen(page, 'supervision-report');
});

test('every figure of the inspection report opens the records it counts; a day of the calendar opens its check', async ({ page }) => {
  await openSupervision(page);
  await page.getByRole('tab', { name: '检查报告' }).click();
  await page.getByRole('button', { name: '统计' }).click();
  await expect(page.getByTestId('officer-bars')).toBeVisible();
  await expect(page.getByTestId('officer-bar-张三')).toContainText('4 个文件，有问题 2 个');

  // 张三's file without sound: the figure opens that one file, which links to the library.
  await page.getByTestId('report-officers').getByRole('button', { name: '张三 无声音的文件：1' }).click();
  const drawer = page.getByRole('dialog', { name: '张三 无声音的文件' });
  await expect(drawer).toContainText('共 1 项');
  await expect(drawer.locator('[data-testid^="ref-media:"]')).toHaveCount(1);
  await screen(page, 'supervision-report-figure');
  await drawer.getByRole('button', { name: '关闭' }).or(drawer.getByLabel('Close')).first().click();

  // B8C0099999 not docked on Monday: the records behind that day.
  await page.getByRole('button', { name: 'B8C0099999 领用未交接的记录：1' }).click();
  await expect(page.getByRole('dialog', { name: 'B8C0099999 领用未交接的记录' }).locator('[data-testid^="ref-"]')).not.toHaveCount(0);
  await page.keyboard.press('Escape');

  // The corrections of the period, each opening its day's check.
  await page.getByRole('button', { name: '期间布置的纠正：1' }).click();
  await page.getByRole('dialog', { name: '期间布置的纠正' }).getByRole('button', { name: '2026-11-16' }).click();
  await expect(page.getByRole('tab', { name: '日常检查' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('article-8')).toContainText('B8C0099999');

  // A day of the calendar opens its check too; a media link goes to the library.
  await page.getByRole('tab', { name: '检查报告' }).click();
  await page.getByRole('button', { name: '统计' }).click();
  await page.getByLabel('2026-11-17 录制 0 人 当日交接 0 人').click();
  await expect(page.getByRole('tab', { name: '日常检查' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('检查日期')).toHaveValue('2026-11-17');
  await expect(page.getByTestId('finding-late_handover')).toBeVisible();
  await page.getByRole('tab', { name: '检查报告' }).click();
  await page.getByRole('button', { name: '统计' }).click();
  await page.getByTestId('report-officers').getByRole('button', { name: '张三 录制的文件：4' }).click();
  await page.getByRole('dialog', { name: '张三 录制的文件' }).locator('[data-testid^="ref-media:"]').first().click();
  await expect(page).toHaveURL(/#\/library/);
});
