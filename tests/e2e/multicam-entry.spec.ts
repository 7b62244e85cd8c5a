import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from './support/api';
import { multicamHostForFile } from './support/multicam-host';
import { callFromPage } from './support/page-api';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs, nav } from './support/session';

/**
 * 多机位同步 opened straight from a row's actions (issue 15 item 1): a library row, a recording group and a case's
 * evidence list each open the same dialog over their page, without going through the player first.
 */
test.describe.configure({ mode: 'serial' });
const scene = multicamHostForFile(test);
expectQuietConsole();

async function expectMulticamOpen(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '多机位同步' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: '播放' })).toHaveCount(0);
  await expect(dialog.getByTestId('multicam-tile')).toHaveCount(4);
}

async function closeMulticam(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '多机位同步' });
  await dialog.getByRole('button', { name: /Close|关闭/ }).click();
  await expect(dialog).toBeHidden();
}

test('a library row and a recording group open 多机位同步 from their actions', async ({ page }) => {
  test.setTimeout(90_000);
  const host = scene();
  await loginAs(page, host.openUrl, ADMIN);
  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  const name = host.recordings[0]!.clip.name;
  const row = page.getByTestId('library-row').filter({ hasText: name });
  await expect(row.getByRole('button', { name: `多机位同步 ${name}` })).toBeVisible();
  await screen(page, 'library-row-multicam-entry');
  await row.getByRole('button', { name: `多机位同步 ${name}` }).click();
  await expectMulticamOpen(page);
  await screen(page, 'multicam-from-library-row');
  await closeMulticam(page);

  await page.getByText('按录制分组').click();
  const groups = page.getByTestId('recording-groups');
  await groups.getByRole('button', { name: `多机位同步 ${name}` }).click();
  await expectMulticamOpen(page);
  await closeMulticam(page);
});

test("a case's evidence list opens 多机位同步 for an item", async ({ page }) => {
  test.setTimeout(90_000);
  const host = scene();
  await loginAs(page, host.openUrl, ADMIN);
  const created = await callFromPage(page, 'cases.create', { number: '青执〔2026〕31号', title: '多机位现场处置' });
  expect(created.result.ok, JSON.stringify(created.result.error)).toBe(true);
  const caseId = (created.result.value as { id: number }).id;
  const added = await callFromPage(page, 'cases.addItems', { caseId, recordingId: host.recordings[1]!.recordingId });
  expect(added.result.ok, JSON.stringify(added.result.error)).toBe(true);
  await nav(page).getByRole('menuitem', { name: '案件' }).click();
  await page.getByText('多机位现场处置').click();
  const items = page.getByTestId('case-items');
  const name = host.recordings[1]!.clip.name;
  await expect(items.getByRole('button', { name: `多机位同步 ${name}` })).toBeVisible();
  await screen(page, 'case-item-multicam-entry');
  await items.getByRole('button', { name: `多机位同步 ${name}` }).click();
  await expectMulticamOpen(page);
  await screen(page, 'multicam-from-case-item');
});
