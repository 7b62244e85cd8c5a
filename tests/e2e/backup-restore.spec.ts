import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, CHIEF, callApi, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, fillLogin } from './support/session';

/**
 * Issue 16: a new machine's first run restores the old office from its backup drive through the wizard
 * (从备份恢复), says what the backup does not hold, and people log in with their old passwords.
 */
test.describe.configure({ mode: 'serial' });

let old: TestHost;
let fresh: TestHost;
let drive: string;
let generation: string;

test.beforeAll(async () => {
  old = await startTestHost({ startAt: new Date('2026-11-20T02:00:00Z') });
  const admin = { id: 'setup', sessionId: null };
  await setUpOfficeVia(old.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: 'Asia/Shanghai', unitName: '青山乡人民政府' });
  drive = mkdtempSync(path.join(tmpdir(), 'ew-e2e-drive-'));
  mkdirSync(path.join(drive, '备份盘'));
  const r = await callApi(old.services, admin, 'backup.run', { targetSourceId: old.services.sources.addFolder(path.join(drive, '备份盘')).id });
  generation = r.generation;
  await old.close();
  // The new machine: nothing set up; its folder picker may look on the backup drive.
  fresh = await startTestHost({ startAt: new Date('2026-11-21T02:00:00Z'), browseRoots: [drive] });
});

test.afterAll(async () => {
  await fresh?.close();
  rmSync(drive, { recursive: true, force: true });
});

expectQuietConsole();

test('the wizard restores the backup, names what it does not hold, and the chief logs in with his old password', async ({ page }) => {
  await page.goto(fresh.openUrl);
  await expect(page.getByTestId('setup-mode-restore')).toBeVisible();
  await screen(page, 'setup-0-choose');
  await page.getByTestId('setup-mode-restore').click();
  await expect(page.getByText('首次使用 · 从备份恢复')).toBeVisible();

  await page.getByTestId('restore-pick-folder').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker.getByTestId('folder-picker-item')).toHaveCount(1);
  await picker.getByTestId('folder-picker-item').click();
  await expect(picker.getByTestId('folder-picker-item')).toHaveText(['备份盘']);
  await picker.getByTestId('folder-picker-item').click();
  await expect(page.getByTestId('folder-picker-path')).toContainText('备份盘');
  await page.getByTestId('folder-picker-choose').click();
  await expect(picker).toBeHidden();

  const table = page.getByTestId('restore-generations');
  await expect(table).toContainText(generation);
  await expect(table).toContainText('签名有效，文件齐全');
  await expect(table).toContainText(ADMIN.name);
  await expect(page.getByRole('radio', { name: generation })).toBeChecked();

  // A wrong password restores nothing and says why.
  await page.getByPlaceholder('登录名').fill(ADMIN.login);
  await page.getByPlaceholder('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: '开始恢复' }).click();
  await expect(page.getByTestId('restore-error')).toContainText('密码');
  await screen(page, 'setup-restore-generations');

  await page.getByPlaceholder('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '开始恢复' }).click();
  const result = page.getByTestId('restore-result');
  await expect(result).toContainText('档案库已从备份恢复', { timeout: 60_000 });
  await expect(result).toContainText(generation);
  await expect(page.getByTestId('restore-not-held')).toContainText('之后导入的视听资料和进行的一切操作');
  await screen(page, 'setup-restore-result');

  await page.getByRole('button', { name: '前往登录' }).click();
  await expect(page.getByLabel('登录名')).toBeVisible();
  await fillLogin(page, CHIEF.login, CHIEF.password);
  await expect(page.getByTestId('greeting')).toContainText(CHIEF.name);

  // The chain continues with the restore entry, made by the admin who restored it.
  const check = { id: 'check', sessionId: null };
  await callApi(fresh.services, check, 'session.login', { login: ADMIN.login, password: ADMIN.password });
  const entries = await callApi(fresh.services, check, 'audit.list', { action: 'backup.restore' });
  expect(entries.entries.map((e) => [e.target, e.actorLogin])).toEqual([[`backup:${generation}`, ADMIN.login]]);
});
