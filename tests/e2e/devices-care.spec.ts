import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs, logout, nav, type Person } from './support/session';

/**
 * Device care on the 设备 page (issue 12 item 3, rules art. 4, 7, 9, 10): the chief designates the keeper; the keeper
 * records the day's pre-use checks from the keyboard beside the drift measured at docking, sends a recorder for repair
 * (no longer offered for 领用), records a loss (wearer from the assignment), files the scanned statement and prints
 * the register; the chief decides on compensation.
 */
const KEEPER: Person = { login: 'zhaobg', name: '赵保管', password: 'Keeper-pass-2024' };
const NOW = new Date('2026-03-02T02:30:00Z'); // 10:30 in the office (Asia/Shanghai)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test.describe.configure({ mode: 'serial' });

let host: TestHost;
const admin: Client = { id: 'e2e-admin', sessionId: null };
const call = <M extends MethodName>(method: M, input: unknown = {}) => callApi(host.services, admin, method, input);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startTestHost({ startAt: NOW });
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: 'Asia/Shanghai' });
  await addUser(host.services, admin, KEEPER, ['custodian']);
  const zhang = await call('officers.create', { name: '张三', badgeNo: '310115' });
  await call('officers.create', { name: '李四', badgeNo: '310116' });
  const ids: number[] = [];
  for (const serial of ['DSJ-001', 'DSJ-002', 'DSJ-003']) ids.push((await call('recorders.create', { serial, brand: '执法通', model: 'A8' })).id);
  await call('recorders.assign', { recorderId: ids[0], officerId: zhang.id, from: '2026-03-01T00:00:00.000Z' });
  // This morning's dockings, with the drift ingest measured (main/ingest/drift.ts): DSJ-001 on time, DSJ-002 fast.
  const dock = host.services.archive
    .open()
    .db.prepare(
      `INSERT INTO ingest_sessions (started_at, finished_at, status, received_by, recorder_id, source_label, source_kind, clock_drift_sec, clock_drift_basis)
       VALUES (?, ?, 'completed', 1, ?, 'DSJ', 'recorder', ?, 'info_file_time')`,
    );
  dock.run('2026-03-02T00:40:00.000Z', '2026-03-02T00:41:00.000Z', ids[0], 2);
  dock.run('2026-03-02T00:45:00.000Z', '2026-03-02T00:46:00.000Z', ids[1], 185);
});

test.afterAll(async () => {
  await host?.close();
});

expectQuietConsole();
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.setViewportSize({ width: 1440, height: 900 });
});

async function openDevices(page: Page, who: Person): Promise<void> {
  await loginAs(page, host.openUrl, who);
  await nav(page).getByRole('menuitem', { name: '设备' }).click();
  await expect(page.getByTestId('keeper-bar')).toBeVisible();
}

const row = (page: Page, testId: string, text: string) => page.getByTestId(testId).locator('tr', { hasText: text });

test('the chief designates the keeper, shown on the register (art. 7)', async ({ page }) => {
  await openDevices(page, CHIEF);
  await expect(page.getByTestId('keeper-bar')).toContainText('尚未指定');
  await page.getByRole('button', { name: '指定保管人' }).click();
  await page.getByTestId('keeper-select').click();
  await page.getByTitle(`${KEEPER.name}（${KEEPER.login}）`).click();
  await page.getByPlaceholder('如：队务会决定').fill('队务会决定');
  await page.getByRole('button', { name: '确认指定' }).click();
  await expect(page.getByTestId('keeper-bar')).toContainText(`${KEEPER.name}2026-03-02 起，由 ${CHIEF.name} 指定`);
  // The chief reads the register but records no care: no 送修 or check boxes for him.
  await expect(page.getByRole('button', { name: '送修' })).toHaveCount(0);
  await screen(page, 'devices-keeper');
  await logout(page);
});

test('the keeper records the day’s checks from the keyboard, beside the drift measured at docking (art. 4)', async ({ page }) => {
  await openDevices(page, KEEPER);
  await page.getByRole('tab', { name: '使用前检查' }).click();
  await expect(row(page, 'checks-table', 'DSJ-002')).toContainText('+3 分 5 秒（记录仪时钟偏快）');
  await expect(row(page, 'checks-table', 'DSJ-001')).toContainText('+2 秒');
  await expect(row(page, 'checks-table', 'DSJ-003')).toContainText('尚未接入');
  // DSJ-002's battery is low: focus its box, Space to untick, Tab to the note, type, Ctrl+Enter saves all three.
  await page.getByRole('checkbox', { name: 'DSJ-002 电量充足' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('电池鼓包');
  await expect(page.getByLabel('DSJ-002 备注')).toHaveValue('电池鼓包');
  await expect(page.getByTestId('checks-save')).toContainText('3 台');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已登记 3 台记录仪的使用前检查，其中 1 台未通过')).toBeVisible();
  await expect(row(page, 'checks-table', 'DSJ-002')).toContainText('电量充足 未通过');
  await expect(row(page, 'checks-table', 'DSJ-001')).toContainText('合格');
  await expect(page.getByTestId('checks-save')).toContainText('0 台');
  await screen(page, 'devices-checks');
});

test('a recorder sent for repair is not offered for 领用; a loss names the wearer and leaves service (art. 9, 10)', async ({ page }) => {
  await openDevices(page, KEEPER);
  await row(page, 'recorders-table', 'DSJ-003').getByRole('button', { name: '送修' }).click();
  await page.getByTestId('repair-fault').fill('开机后黑屏');
  await page.getByPlaceholder('维修单位或人员').fill('县维修站');
  await page.getByRole('button', { name: '登记送修' }).click();
  await expect(row(page, 'recorders-table', 'DSJ-003')).toContainText('维修');
  await expect(row(page, 'recorders-table', 'DSJ-003').getByRole('button', { name: '领用' })).toHaveCount(0);

  await row(page, 'recorders-table', 'DSJ-001').getByRole('button', { name: '丢失/损坏' }).click();
  await page.getByTestId('incident-kind').getByText('丢失').click();
  await page.getByTestId('incident-description').fill('巡查途中遗失于集市');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText('已登记记录仪 DSJ-001 丢失，佩戴人 张三')).toBeVisible();
  await expect(row(page, 'recorders-table', 'DSJ-001')).toContainText('丢失');
  await expect(row(page, 'recorders-table', 'DSJ-001')).toContainText('无人领用');
  await screen(page, 'devices-register');

  // Its history stays: the wearer, the loss, the docking with its drift.
  await row(page, 'recorders-table', 'DSJ-001').getByRole('button', { name: '记录' }).click();
  const history = page.getByTestId('recorder-history');
  await expect(history).toContainText('丢失：巡查途中遗失于集市');
  await expect(history).toContainText('张三（310115）领用');
  await expect(history).toContainText('时钟偏差 +2 秒');
  await screen(page, 'devices-history');
  await page.keyboard.press('Escape');

  // The scanned statement, then the printed register.
  await page.getByRole('tab', { name: '丢失损坏' }).click();
  await page.getByTestId('incidents-table').locator('input[type=file]').first().setInputFiles({ name: '情况说明.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('incidents-table')).toContainText('情况说明.png（SHA-256 ');
  await page.getByRole('tab', { name: '记录仪' }).click();
  await page.getByTestId('print-register').click();
  await expect(page.getByTestId('generated-file')).toContainText('记录仪登记簿-20260302.docx');
  await logout(page);
});

test('the chief decides on compensation; the statement link is his too', async ({ page }) => {
  await openDevices(page, CHIEF);
  await page.getByRole('tab', { name: '丢失损坏' }).click();
  const lost = row(page, 'incidents-table', 'DSJ-001');
  await expect(lost).toContainText('张三（310115）');
  await expect(lost.getByRole('link', { name: /情况说明\.png/ })).toBeVisible();
  await lost.getByRole('button', { name: '作出决定' }).click();
  await page.getByPlaceholder('如：按资产管理规定折价赔偿').fill('按资产管理规定折价赔偿');
  await page.getByRole('button', { name: '确认决定' }).click();
  await expect(lost).toContainText('按规定赔偿');
  await expect(lost).toContainText(`${CHIEF.name}：按资产管理规定折价赔偿`);
  await screen(page, 'devices-incidents');
  await logout(page);
});
