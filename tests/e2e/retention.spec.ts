import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client } from '../../main/api';
import { zonedToUtc } from '../../main/common';
import { FIXTURE_BADGE, FIXTURE_SERIAL, FIXTURE_TZ, makeSegments } from '../fixtures/recorder-volume';
import { ADMIN, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { clickUntil, expectQuietConsole, loginAs, logout, nav } from './support/session';

/**
 * 到期资料 (rules art. 11(3)) against the real browser host: footage recorded on 2024-05-20 seen 120 days later is
 * listed as due with why; the custodian asks to dispose of one file, the chief approves it, the custodian carries it
 * out, and the file is listed as disposed with its signed record. Recording dates are fixed and the host's clock is
 * moved, so the test holds on any day.
 */
test.describe.configure({ mode: 'serial' });

let host: TestHost;
let work: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-ret-'));
  const volume = path.join(work, 'DSJ-A8');
  await mkdir(path.join(volume, 'DCIM'), { recursive: true });
  const local = (d: number, hh: number) => zonedToUtc({ y: 2024, m: 5, d, hh, mm: 0, ss: 0 }, FIXTURE_TZ);
  await makeSegments(path.join(volume, 'DCIM'), 3, 2, local(20, 9));
  host = await startTestHost({ startAt: local(20, 18) });
  const admin: Client = { id: 'e2e-ret-admin', sessionId: null };
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: FIXTURE_TZ });
  const source = host.services.sources.addFolder(volume);
  const { sessionId } = await callApi(host.services, admin, 'ingest.start', { sourceId: source.id, recorderSerial: FIXTURE_SERIAL, officerBadge: FIXTURE_BADGE, officerName: '张三', confirmNewRecorder: true });
  await host.services.jobs.get(`ingest:${sessionId}`)?.done;
  await callApi(host.services, admin, 'session.logout');
  // 120 days later: past the three months of art. 11(3).
  host.advanceClock(120 * 24 * 3600 * 1000);
});

test.afterAll(async () => {
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();

async function openRetention(page: Page): Promise<void> {
  await nav(page).getByRole('menuitem', { name: '到期资料' }).click();
  await expect(page.getByRole('heading', { name: '到期资料' })).toBeVisible();
}

test('the chief sees what may be disposed of and why', async ({ page }) => {
  await loginAs(page, host.openUrl, CHIEF);
  await expect(page.getByTestId('due-for-disposal')).toContainText('3 个原始文件已到保存期限');
  await screen(page, 'dashboard-due-for-disposal');
  await openRetention(page);
  await expect(page.getByTestId('retention-policy')).toContainText('录制后 3 个月');
  await expect(page.getByText('已到期可销毁（3）')).toBeVisible();
  const why = page.getByTestId('retention-why');
  await expect(why).toHaveCount(3);
  await expect(why.first()).toHaveText('按保存期限保存（不少于三个月），保存至 2024-08-20，已到期');
  await screen(page, 'retention-due');
});

test('the custodian asks, the chief approves, the custodian carries it out and the record is there', async ({ page }) => {
  await loginAs(page, host.openUrl, ADMIN);
  await openRetention(page);
  await page.locator('.ant-table-row').first().locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: /申请销毁/ }).click();
  const ask = page.getByRole('dialog', { name: '申请销毁' });
  await ask.getByLabel('销毁事由').fill('超过保存期限，无案件关联');
  await ask.getByRole('button', { name: '提交申请' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByText('待审批')).toBeVisible();
  await expect(page.getByText('已申请销毁')).toBeVisible();
  await logout(page);

  await loginAs(page, host.openUrl, CHIEF);
  await openRetention(page);
  await page.getByRole('button', { name: '查看' }).first().click();
  const review = page.getByRole('dialog', { name: /销毁申请 XH-0001/ });
  await expect(review.getByText('销毁清单（共 1 个）')).toBeVisible();
  await clickUntil(review.getByRole('button', { name: '核对无误，批准销毁' }), () => expect(review.getByText('已批准待执行').first()).toBeVisible({ timeout: 5_000 }));
  await page.keyboard.press('Escape');
  await expect(review).toBeHidden();
  await logout(page);

  await loginAs(page, host.openUrl, ADMIN);
  await openRetention(page);
  await page.getByRole('button', { name: '查看' }).first().click();
  const run = page.getByRole('dialog', { name: /销毁申请 XH-0001/ });
  await clickUntil(run.getByRole('button', { name: '执行销毁并签署销毁记录' }), () => expect(run.getByText('已销毁').first()).toBeVisible({ timeout: 5_000 }));
  await run.getByRole('button', { name: '销毁记录' }).click();
  await expect(run.getByTestId('generated-file')).toContainText('销毁记录-0001.docx');
  await screen(page, 'retention-executed');
  await page.keyboard.press('Escape');
  await expect(run).toBeHidden();
  await page.getByText(/^已销毁（1）$/).click();
  await expect(page.getByTestId('retention-why')).toContainText('销毁记录 XH-0001');
  await screen(page, 'retention-disposed');

  // 完整性校验 passes and names the disposed file as disposed, not missing.
  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  await page.getByRole('tab', { name: '完整性校验' }).click();
  await page.getByRole('button', { name: '开始校验' }).click();
  await expect(page.getByTestId('integrity-verdict')).toHaveText('完整性校验通过', { timeout: 60_000 });
  await expect(page.getByTestId('integrity-disposed')).toHaveText('已销毁 1（有销毁记录）');
  await expect(page.getByTestId('integrity-report')).toContainText('缺失 0');
  await expect(page.getByTestId('integrity-report')).toContainText('校验 2 个文件');
  await screen(page, 'retention-integrity');

  // 资料库 keeps the disposed file's row: 已销毁 with its record instead of 播放; opening it shows the record, no player.
  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  await page.getByText('按文件', { exact: true }).click();
  await expect(page.getByTestId('library-row')).toHaveCount(3);
  const disposed = page.getByTestId('library-row').filter({ has: page.getByTestId('library-disposed') });
  await expect(disposed).toHaveCount(1);
  await expect(disposed.getByTestId('library-disposed')).toHaveText(/^已销毁XH-0001 2024-09-\d{2}$/);
  await expect(disposed.getByRole('button', { name: /播放/ })).toHaveCount(0);
  await screen(page, 'library-disposed');
  await disposed.click();
  await expect(page.getByTestId('player-disposed')).toContainText('按销毁记录 XH-0001 销毁');
  await expect(page.getByTestId('player-stage')).toHaveCount(0);
  await screen(page, 'library-disposed-opened');
});
