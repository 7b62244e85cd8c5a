import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, addUser, callApi } from './support/api';
import { makeRecorderVolume, writeRandomFile, type FixtureVolume } from '../fixtures/recorder-volume';
import { officeSpec } from './support/office-spec';
import { screen } from './support/screens';
import { loginAs, logout, nav } from './support/session';

/**
 * The custodian's daily and weekly work on the fake recorder volume: register the recorder and
 * its officer, ingest through the UI and read the flags, print the handover sheet, see the
 * second scan recognise what is in, consolidate the week with a verified backup, and check
 * integrity.
 */
const OTHER_ADMIN = { login: 'zhouadmin', name: '周管理', password: 'Admin2-pass-2024' };
const OFFICER_NAME = '张三';
const BRAND = '海康威视';
const MODEL = 'DSJ-A8';

let vol: FixtureVolume;
/** The last test's stick reads at 8 MiB/s, like a slow USB 2.0 device: its copy outlasts the clicks that cancel it. */
const SLOW_STICK = '外来U盘';
const slowStick = (source: string, bytes: number): Promise<void> =>
  source === SLOW_STICK ? new Promise((r) => setTimeout(r, (bytes / (8 * 1024 * 1024)) * 1000)) : Promise.resolve();
const spec = officeSpec('ingest', async (work) => {
  vol = await makeRecorderVolume(path.join(work, 'DSJ-A8'));
  await mkdir(path.join(work, '备份盘'));
  // The host starts, and each page's clock is set, on the day the recorder was docked.
  return { host: { startAt: vol.dockedAt, ingestAfterRead: slowStick }, timeZone: vol.timeZone, sources: [vol.root, path.join(work, '备份盘')] };
});

function fileOf(role: FixtureVolume['files'][number]['role']): string {
  const f = vol.files.find((x) => x.role === role);
  if (!f) throw new Error(`fixture has no ${role} file`);
  return f.relPath;
}

test('the custodian registers the recorder and its officer and assigns it', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '设备' }).click();
  await expect(page.getByRole('tab', { name: '记录仪' })).toBeVisible();
  await expect(page.getByText('尚未登记记录仪')).toBeVisible();

  await page.getByRole('button', { name: '登记记录仪' }).click();
  const rec = page.getByRole('dialog', { name: '登记记录仪' });
  await expect(rec.getByLabel('记录仪编号')).toBeFocused();
  await rec.getByLabel('记录仪编号').fill(vol.serial);
  await rec.getByLabel('品牌').fill(BRAND);
  await rec.getByLabel('型号').fill(MODEL);
  await rec.getByLabel('资产编号').fill('QS-2024-007');
  await rec.getByLabel('型号').press('Enter');
  await expect(rec).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(vol.serial) });
  await expect(row).toContainText(BRAND);
  await expect(row).toContainText('在用');
  await expect(row).toContainText('无人领用');

  await page.getByRole('tab', { name: '人员' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const off = page.getByRole('dialog', { name: '新增人员' });
  await expect(off.getByLabel('警号（执法证号）')).toBeFocused();
  await off.getByLabel('警号（执法证号）').fill(vol.badge);
  await off.getByLabel('姓名').fill(OFFICER_NAME);
  await off.getByLabel('姓名').press('Enter');
  await expect(off).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(vol.badge) })).toContainText(OFFICER_NAME);

  await page.getByRole('tab', { name: '记录仪' }).click();
  await row.getByRole('button', { name: '领用' }).click();
  const assign = page.getByRole('dialog', { name: `领用记录仪：${vol.serial}` });
  await assign.getByLabel('使用人').fill(OFFICER_NAME);
  await assign.getByLabel('使用人').press('Enter');
  // Worn since the morning of the first of the month (before the day's recordings).
  await assign.getByLabel('起始时间').click();
  await assign.getByLabel('起始时间').fill('2024-05-01 08:00');
  // Enter takes the typed time and submits, like 确认领用.
  await assign.getByLabel('起始时间').press('Enter');
  await expect(assign).toBeHidden();
  await expect(row).toContainText(`${OFFICER_NAME}（${vol.badge}）`);

  await row.getByRole('button', { name: '记录' }).click();
  const drawer = page.getByRole('dialog', { name: `记录：${vol.serial}` });
  await expect(drawer).toContainText('2024-05-01 08:00 至 今');
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByLabel('Close')).first().click();
  await expect(drawer).toBeHidden();
  await screen(page, 'devices-recorders');

  await page.getByRole('tab', { name: '人员' }).click();
  await expect(page.getByRole('row', { name: new RegExp(vol.badge) })).toContainText(vol.serial);
  await screen(page, 'devices-officers');
});

test('the custodian ingests the docked recorder and sees each flag on the right file', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  const card = page.getByRole('button', { name: `扫描 ${path.basename(vol.root)}` });
  await expect(card).toBeVisible();
  await expect(card).toContainText('文件夹');
  await expect(page.getByTestId('pick-folder')).toBeVisible(); // the browser host has its own picker
  await screen(page, 'ingest-sources');

  await card.click();
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('scan-serial')).toHaveText(vol.serial);
  await expect(page.getByTestId('scan-badge')).toHaveText(vol.badge);
  await expect(page.getByTestId('scan-counts')).toContainText(`共 ${vol.files.length} 个`);
  await expect(page.getByTestId('recorder-known')).toContainText(`${BRAND} ${MODEL}`);
  await expect(summary.getByText('空间充足')).toBeVisible();
  // The officer is pre-filled from the recorder's assignment.
  await expect(page.getByLabel('移交人').locator('..').locator('..')).toContainText(`${OFFICER_NAME}（${vol.badge}）`);
  await expect(page.getByLabel('导入后清除记录仪')).not.toBeChecked();
  await expect(page.getByTestId('scan-files').getByText('已导入')).toHaveCount(0);
  await screen(page, 'ingest-scan');

  // Enter in the form starts the ingest.
  await page.getByLabel('记录仪编号').press('Enter');
  const result = page.getByTestId('ingest-result');
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成', { timeout: 60_000 });
  await expect(page.getByTestId('ingest-counts')).toContainText(`入库 ${vol.files.length} 个`);
  await expect(page.getByTestId('clock-drift')).toBeVisible();

  const items = page.getByTestId('result-items');
  const rowOf = (relPath: string) => items.getByRole('row', { name: relPath });
  await expect(rowOf(fileOf('clock_1970'))).toContainText('时钟可疑');
  await expect(rowOf(fileOf('no_audio'))).toContainText('无音轨');
  await expect(rowOf(fileOf('truncated'))).toContainText('文件截断');
  await expect(rowOf(fileOf('truncated'))).toContainText('无法读取');
  await expect(rowOf(fileOf('zero_byte'))).toContainText('空文件');
  await expect(rowOf(fileOf('hevc'))).toContainText('已入库');
  await expect(rowOf(fileOf('hevc'))).toContainText('文件元数据');
  await expect(rowOf(fileOf('photo'))).toContainText('文件名');
  for (const f of ['时钟可疑', '无音轨', '文件截断', '空文件']) await expect(rowOf(fileOf('hevc'))).not.toContainText(f);
  await expect(result).toContainText(`${OFFICER_NAME}（${vol.badge}）`);
  await screen(page, 'ingest-result-flags');

  // The handover sheet downloads (the browser host's stand-in for opening it).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成交接登记表' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^交接登记表-\d{8}-\d{3}\.docx$/);
  const saved = await download.path();
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByTestId('generated-file')).toContainText(download.suggestedFilename());

  // Scanning again: everything is already in.
  await page.getByRole('button', { name: '重新扫描此来源' }).click();
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  await expect(page.getByTestId('scan-counts')).toContainText(`其中 ${vol.files.length} 个已导入`);
  await expect(page.getByTestId('scan-files').getByText('已导入').first()).toBeVisible();
  await screen(page, 'ingest-rescan');
});

test('the sessions list shows the handover and opens its detail', async ({ page }) => {
  await page.goto(`${spec.host.url}/#/ingest/sessions`);
  const table = page.getByTestId('sessions-table');
  const row = table.getByRole('row', { name: new RegExp(vol.serial) });
  await expect(row).toContainText(OFFICER_NAME);
  await expect(row).toContainText(ADMIN.name);
  await expect(row).toContainText('完成');
  await screen(page, 'ingest-sessions');
  await row.click();
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成');
  await expect(page.getByTestId('result-items').getByRole('row', { name: fileOf('no_audio') })).toContainText('无音轨');
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(table).toBeVisible();
});

// The server lists what a user may call (SessionInfo.methods); the UI offers exactly that. An admin who does not
// also keep the footage may open the handover sheet (ingest.handoverSheet) but not run the custodian's work.
test('an admin who is not the custodian opens the handover sheet and is offered none of the custodian\'s work', async ({ page }) => {
  const admin = { id: 'e2e-admin', sessionId: null };
  await callApi(spec.host.services, admin, 'session.login', { login: ADMIN.login, password: ADMIN.password });
  await addUser(spec.host.services, admin, OTHER_ADMIN, ['admin']);

  await logout(page);
  await loginAs(page, spec.host.openUrl, OTHER_ADMIN);
  await page.goto(`${spec.host.url}/#/ingest/sessions`);
  await page.getByTestId('sessions-table').getByRole('row', { name: new RegExp(vol.serial) }).click();
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成交接登记表' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^交接登记表-\d{8}-\d{3}\.docx$/);
  await screen(page, 'ingest-session-admin');

  await page.getByRole('tab', { name: '每周归档' }).click();
  await expect(page.getByText('每周归档由保管员执行。')).toBeVisible();
  await expect(page.getByRole('button', { name: '执行每周归档' })).toHaveCount(0);
});

test('the week is consolidated with a verified backup and integrity passes', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  await page.getByRole('tab', { name: '每周归档' }).click();
  await expect(page.getByTestId('week-title')).toContainText('2024 年第 21 周');
  const officerRow = page.getByTestId('handover-grid').getByRole('row', { name: new RegExp(OFFICER_NAME) });
  // Monday 20 May, the docking day: handed over.
  await expect(officerRow.locator('td').nth(1).locator('[data-mark]')).toHaveAttribute('data-mark', 'done');
  await expect(officerRow.locator('td').nth(1)).toHaveText('✓');
  await expect(page.getByText('本周尚未归档。')).toBeVisible();
  await expect(page.getByTestId('friday-banner')).toHaveCount(0); // a Monday

  await page.getByLabel('备份位置').click();
  await page.locator('.ant-select-item-option', { hasText: '备份盘' }).click();
  await page.getByRole('button', { name: '执行每周归档' }).click();
  const result = page.getByTestId('weekly-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('本周归档已完成');
  await expect(page.getByTestId('backup-verified')).toHaveText('已校验');
  await expect(result.getByTestId('integrity-verdict')).toHaveText('完整性校验通过');
  await expect(result).toContainText('.p7s');
  await expect(result.getByRole('link', { name: '周报 weekly-2024-05-20-1.docx' })).toHaveAttribute('href', /^\/forms\/weekly-2024-05-20-1\.docx\?ticket=[A-Za-z0-9_-]{32}$/);
  await expect(result.getByRole('link', { name: '签名文件 weekly-2024-05-20-1.docx.p7s' })).toBeVisible();
  await expect(page.getByText('备份已校验')).toBeVisible();
  await screen(page, 'weekly-result');

  await page.getByRole('tab', { name: '完整性校验' }).click();
  await page.getByRole('button', { name: '开始校验' }).click();
  await expect(page.getByTestId('integrity-verdict')).toHaveText('完整性校验通过', { timeout: 60_000 });
  await expect(page.getByTestId('integrity-report')).toContainText(`校验 ${vol.files.length} 个文件`);
  await screen(page, 'integrity-result');
});

test('the dashboard shows today\'s ingest and the audit log names the new actions', async ({ page }) => {
  await expect(page.getByTestId('today-ingest')).toContainText(`${vol.files.length} 个文件入库`);
  await expect(page.getByTestId('today-ingest')).toContainText(OFFICER_NAME);
  await screen(page, 'dashboard-after-ingest');
  await nav(page).getByRole('menuitem', { name: '审计日志' }).click();
  const table = page.locator('.ant-table');
  for (const action of ['生成交接登记表', '每周归档', '完整性校验']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  const byGroup = async (group: string, actions: string[]) => {
    // The option list is virtual: type to find the group, Enter picks it.
    await page.getByLabel('操作', { exact: true }).fill(`${group}（全部）`);
    await page.getByLabel('操作', { exact: true }).press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    for (const action of actions) await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  };
  await byGroup('采集导入', ['开始导入', '导入结束']);
  await byGroup('记录仪', ['新增记录仪', '领用记录仪']);
});

test('a long copy shows its progress and can be cancelled, keeping nothing half-stored', async ({ page }) => {
  test.setTimeout(180_000);
  // 256 MiB from a folder that is not a recorder (rules art. 18), read at 8 MiB/s: half a minute to watch.
  const big = path.join(spec.work, SLOW_STICK);
  await mkdir(big);
  await writeRandomFile(path.join(big, 'VID_20240520_170000.mp4'), 256 * 1024 * 1024);
  spec.host.services.sources.addFolder(big);

  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  await page.getByRole('button', { name: '扫描 外来U盘' }).click();
  await expect(page.getByTestId('scan-counts')).toContainText('共 1 个');
  await expect(page.getByTestId('scan-serial')).toHaveCount(0);
  await page.getByLabel('移交人').fill(OFFICER_NAME);
  await page.getByLabel('移交人').press('Enter');
  await page.getByRole('button', { name: '开始导入' }).click();

  const progress = page.getByTestId('ingest-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('progress-files')).toHaveText('0 / 1');
  await expect(progress).toContainText('MiB/s');
  await screen(page, 'ingest-progress');
  await progress.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '取消导入' }).click();

  await expect(page.getByTestId('ingest-status')).toHaveText('导入已取消', { timeout: 60_000 });
  await expect(page.getByTestId('ingest-counts')).toContainText('入库 0 个');
  await screen(page, 'ingest-cancelled');
});
