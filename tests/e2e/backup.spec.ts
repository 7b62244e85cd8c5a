import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs } from './support/session';

/** Issue 16: the dashboard's backup card — red before any drill; the custodian backs up and drills from it. */
test.describe.configure({ mode: 'serial' });

let host: TestHost;
let target: string;

test.beforeAll(async () => {
  host = await startTestHost({ startAt: new Date('2026-11-20T02:00:00Z') });
  await setUpOfficeVia(host.services, { id: 'setup', sessionId: null }, { admin: ADMIN, chief: CHIEF }, { timeZone: 'Asia/Shanghai' });
  target = mkdtempSync(path.join(tmpdir(), 'ew-e2e-backup-'));
  host.services.sources.addFolder(target);
});

test.afterAll(async () => {
  await host?.close();
  rmSync(target, { recursive: true, force: true });
});

expectQuietConsole();

test('the custodian sees the card red, backs up now, drills, and sees the good drill', async ({ page }) => {
  await loginAs(page, host.openUrl, ADMIN);
  const card = page.getByTestId('backup-status-card');
  await expect(card).toContainText('需要处理');
  await expect(card).toContainText('超过 35 天没有成功的恢复演练');
  await expect(card).toContainText('备份盘超过 7 天未连接');
  await screen(page, 'backup-card-red');

  await card.locator('.ant-select').click();
  await page.locator('.ant-select-item-option').first().click();
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成：/)).toBeVisible();
  await card.getByRole('button', { name: '恢复演练' }).click();
  await expect(page.getByText(/恢复演练通过：/)).toBeVisible();
  await expect(card).not.toContainText('超过 35 天没有成功的恢复演练');
  await expect(card).not.toContainText('备份盘超过 7 天未连接');
  await expect(card.getByText('上次成功演练')).toBeVisible();
  await screen(page, 'backup-card-after-drill');
});

test('the chief sees the status without the buttons', async ({ page }) => {
  await loginAs(page, host.openUrl, CHIEF);
  const card = page.getByTestId('backup-status-card');
  await expect(card).toContainText('上次成功演练');
  await expect(card.getByRole('button', { name: '立即备份' })).toHaveCount(0);
  await screen(page, 'backup-card-chief');
});

/**
 * Damages the live database the way integrity_check reports: an index (its stored definition no longer matches
 * its entries), through a second connection, as a failing disk or a stray tool would.
 */
function damageIndex(dbFile: string): void {
  const raw = new Database(dbFile);
  try {
    raw.exec('CREATE TABLE e2e_scratch (a INTEGER); CREATE INDEX e2e_scratch_a ON e2e_scratch (a); INSERT INTO e2e_scratch VALUES (1), (2), (3);');
    raw.unsafeMode(true);
    const version = raw.pragma('schema_version', { simple: true }) as number;
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX e2e_scratch_a ON e2e_scratch (a + 1)' WHERE name = 'e2e_scratch_a'").run();
    raw.pragma(`schema_version = ${version + 1}`);
    raw.pragma('writable_schema = OFF');
  } finally {
    raw.close();
  }
}

test('a failing integrity_check stops the backup and turns the card red with what the check found; the alarm stands', async ({ page }) => {
  damageIndex(host.services.archive.open().paths.db);
  await loginAs(page, host.openUrl, ADMIN);
  const card = page.getByTestId('backup-status-card');
  await expect(card.getByTestId('backup-database-alarm')).toHaveCount(0);
  await card.locator('.ant-select').click();
  await page.locator('.ant-select-item-option').first().click();
  await card.getByRole('button', { name: '立即备份' }).click();
  const alarm = card.getByTestId('backup-database-alarm');
  await expect(alarm).toContainText('数据库完整性检查未通过，备份已停止');
  await expect(alarm).toContainText('missing from index e2e_scratch_a');
  await expect(card).toContainText('需要处理');
  await screen(page, 'backup-card-database-alarm');
  // A standing alarm, not a passing message: still there on the next visit.
  await page.reload();
  await expect(page.getByTestId('backup-database-alarm')).toContainText('missing from index e2e_scratch_a');
});
