import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_BADGE, FIXTURE_SERIAL } from '../fixtures/recorder-volume';
import { callFromPage } from './support/page-api';
import { recorderDaySpec } from './support/recorder-day';
import { screen } from './support/screens';
import { loginAs as login, nav, type Person } from './support/session';

/**
 * Viewing only with leave (issue 5): an officer asks for case viewing (办案查阅) of a recording, the
 * township leader approves it, the officer plays it, and the viewing register shows the row.
 * Office, users and the ingest are arranged through the API; the workflow itself runs in the UI.
 */
const OFFICER = { login: 'zhaojing', name: '赵警员', password: 'Officer-pass-2024' };
const LEADER = { login: 'zhouxiang', name: '周乡长', password: 'Leader-pass-2024' };
const REASON = '查办青山路占道经营案，核对现场执法录像';
const START = new Date('2026-03-02T01:30:00Z');

// A refused media request (403) is what the first test checks for; the frame lets the browser's log of it pass.
const day = recorderDaySpec(START, OFFICER, [
  [OFFICER, ['officer']],
  [LEADER, ['township_leader']],
]);
let requestId: number;

/** Logs `u` in and opens 查阅审批. */
async function loginAs(page: Page, u: Person) {
  await login(page, day.host.openUrl, u);
  await nav(page).getByRole('menuitem', { name: '查阅审批' }).click();
}

/** The media URL as the page's player builds it: with the link ticket the host hands the logged-in page. */
const playerUrl = async (page: Page, id: number) => `/media/${id}?ticket=${(await callFromPage(page, 'session.current')).ticket ?? ''}`;

/** Requests the media from the page itself, as the player would. */
const mediaStatus = async (page: Page, id: number) =>
  page.evaluate(async (url) => (await fetch(url, { headers: { Range: 'bytes=0-1023' } })).status, await playerUrl(page, id));

test('an officer refused in the library asks for leave on the row, with the recording filled in', async ({ page }) => {
  await login(page, day.host.openUrl, OFFICER);
  expect(await mediaStatus(page, day.first.id)).toBe(403);
  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  const row = page.getByTestId('library-row').first();
  await expect(row.getByTestId('request-access')).toBeVisible();
  await screen(page, 'access-library-request');
  await row.getByTestId('request-access').click();
  const form = page.getByTestId('access-request-form');
  // What was refused, named as people name it: time (office zone), officer, recorder; no number to type.
  await expect(form.getByTestId('request-scope')).toContainText(`2026-03-02 09:30 起 ${OFFICER.name}（警号 ${FIXTURE_BADGE}）`);
  await expect(form.getByLabel('录像编号')).toHaveCount(0);
  await form.getByText('办案查阅', { exact: true }).click();
  await form.getByLabel('查阅事由').fill(REASON);
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();
  await nav(page).getByRole('menuitem', { name: '查阅审批' }).click();
  const mine = page.getByTestId('my-requests').locator('tbody tr').first();
  await expect(mine).toContainText('办案查阅');
  await expect(mine).toContainText(`2026-03-02 09:30–`);
  await expect(mine).toContainText(`${OFFICER.name}（警号 ${FIXTURE_BADGE}）`);
  await expect(mine).not.toContainText(`录像 #${day.first.recordingId}`);
  await expect(mine).toContainText('待审批');
  requestId = Number((await mine.locator('td').first().innerText()).replace('#', ''));
  expect(requestId).toBeGreaterThan(0);
  await screen(page, 'access-request');
});

test('the township leader approves it in one step', async ({ page }) => {
  await loginAs(page, LEADER);
  await page.getByRole('tab', { name: '待我审批' }).click();
  const row = page.getByTestId('to-decide').locator('tbody tr', { hasText: REASON });
  await expect(row).toContainText(OFFICER.name);
  await row.getByTestId(`decide-${requestId}`).click();
  const dialog = page.getByRole('dialog', { name: `审批查阅申请 #${requestId}` });
  await expect(dialog).toContainText(REASON);
  await expect(dialog.getByLabel('可查阅人员')).toBeVisible();
  // The approver sees exactly the media the approval will cover: the recording's two segments.
  await expect(dialog.getByTestId('approval-items-caption')).toContainText('以下 2 个文件');
  await expect(dialog.getByTestId('approval-items').locator('tbody tr.ant-table-row')).toHaveCount(2);
  await expect(dialog.getByTestId('approval-items')).toContainText(OFFICER.name);
  // What is approved, as people read it: officer with badge, recorder, times on the office's clock, class.
  await expect(dialog.getByTestId('approval-items')).toContainText(`${OFFICER.name}（${FIXTURE_BADGE}）`);
  await expect(dialog.getByTestId('approval-items')).toContainText(FIXTURE_SERIAL);
  await expect(dialog.getByTestId('approval-items')).toContainText('2026-03-02 09:30');
  await expect(dialog.getByTestId('approval-items')).toContainText('普通');
  await expect(dialog).not.toContainText('录像 #');
  await screen(page, 'access-approval');
  await dialog.getByRole('button', { name: '批准' }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('to-decide')).toContainText('暂无申请');
});

test('the officer plays the recording within the validity window', async ({ page }) => {
  await loginAs(page, OFFICER);
  const row = page.getByTestId('my-requests').locator('tbody tr').first();
  await expect(row).toContainText('已批准');
  await expect(row).toContainText(LEADER.name);
  expect(await mediaStatus(page, day.first.id)).toBe(206);
  // The media element loads it as a player would (Range requests through the same handler).
  const url = await playerUrl(page, day.first.id);
  const loaded = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        const v = document.createElement('video');
        v.muted = true;
        v.preload = 'metadata';
        v.onloadedmetadata = () => resolve(`duration ${v.duration.toFixed(0)}`);
        v.onerror = () => resolve(`error ${v.error?.code ?? '?'}`);
        v.src = src;
        document.body.appendChild(v);
      }),
    url,
  );
  expect(loaded).toMatch(/^duration \d/);
  // The same URL opened as a page of its own (a tab whose video could be saved) is refused.
  const tab = await page.context().newPage();
  expect((await tab.goto(`${day.host.url}${url}`))?.status()).toBe(403);
  await tab.close();
});

test('the viewing register shows the viewing with reason and approver', async ({ page }) => {
  await loginAs(page, LEADER);
  await page.getByRole('tab', { name: '查阅登记' }).click();
  const row = page.getByTestId('register-table').locator('tbody tr', { hasText: OFFICER.name }).first();
  await expect(row).toContainText('办案查阅');
  await expect(row).toContainText(REASON);
  await expect(row).toContainText(LEADER.name);
  await expect(row).toContainText(`#${requestId}`);
  await page.getByRole('button', { name: '导出登记表' }).click();
  await expect(page.getByTestId('generated-file')).toContainText('查阅登记表-');
  await screen(page, 'access-register');
});
