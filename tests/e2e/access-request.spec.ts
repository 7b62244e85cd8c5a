import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { callApi } from './support/api';
import { FIXTURE_BADGE, FIXTURE_SERIAL } from '../fixtures/recorder-volume';
import { recorderDaySpec } from './support/recorder-day';
import { screen } from './support/screens';
import { loginAs, nav } from './support/session';

/**
 * 申请查阅 where the refusal is met (issue 11): from the player's refusal screen and from the case page, the request
 * form opens with what was refused filled in, and submitting it makes the request (checked through the API).
 */
const OFFICER = { login: 'sunjing', name: '孙警员', password: 'Officer-pass-2024' };
const CUSTODIAN = { login: 'qianbg', name: '钱保管', password: 'Keeper-pass-2024' };
const START = new Date('2026-03-02T01:30:00Z');
const CASE = { number: '青执（2026）第 031 号', title: '某店铺占道经营案' };

const day = recorderDaySpec(START, OFFICER, [
  [OFFICER, ['officer']],
  [CUSTODIAN, ['custodian']],
]);
let caseId: number;

const call = (client: Client, method: MethodName, input: unknown): Promise<unknown> => callApi(day.host.services, client, method, input);

/** The officer's own requests, read through the API. */
async function myRequests(): Promise<{ scope: { kind: string; id: number }; type: string; reason: string; state: string }[]> {
  const me: Client = { id: 'e2e-check-officer', sessionId: null };
  await call(me, 'session.login', { login: OFFICER.login, password: OFFICER.password });
  const page = (await call(me, 'access.list', { box: 'mine' })) as { items: { scope: { kind: string; id: number }; type: string; reason: string; state: string }[] };
  await call(me, 'session.logout', {});
  return page.items;
}

test.beforeAll(async () => {
  const custodian: Client = { id: 'e2e-custodian', sessionId: null };
  await call(custodian, 'session.login', { login: CUSTODIAN.login, password: CUSTODIAN.password });
  caseId = ((await call(custodian, 'cases.create', CASE)) as { id: number }).id;
  await call(custodian, 'cases.addItems', { caseId, mediaIds: day.mediaIds });
});

/** Fills the open request form as 办案查阅 with `reason` and submits it. */
async function submit(page: Page, reason: string) {
  const form = page.getByTestId('access-request-form');
  await form.getByText('办案查阅', { exact: true }).click();
  await form.getByLabel('查阅事由').fill(reason);
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();
}

test('申请查阅 on the player’s refusal screen asks for the refused recording', async ({ page }) => {
  await loginAs(page, day.host.openUrl, OFFICER);
  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  await page.getByTestId('library-row').filter({ hasText: day.first.originalName }).click();
  const player = page.getByRole('dialog', { name: '播放' });
  await expect(player.getByText('需要查阅申请').first()).toBeVisible();
  await screen(page, 'access-request-player-refused');
  await player.getByTestId('request-access').click();
  const form = page.getByTestId('access-request-form');
  await expect(form.getByTestId('request-scope')).toContainText(`2026-03-02 09:30 起 ${OFFICER.name}（警号 ${FIXTURE_BADGE}） 记录仪 ${FIXTURE_SERIAL} 的整段录像`);
  await screen(page, 'access-request-player-form');
  const reason = '核对占道经营现场录像（播放器）';
  await submit(page, reason);
  expect(await myRequests()).toContainEqual(expect.objectContaining({ scope: expect.objectContaining({ kind: 'recording', id: day.first.recordingId }), type: 'case', reason, state: 'pending' }));
});

test('申请查阅 on the case page asks for the case’s evidence', async ({ page }) => {
  await loginAs(page, day.host.openUrl, OFFICER);
  await nav(page).getByRole('menuitem', { name: '案件' }).click();
  await page.getByRole('link', { name: CASE.number }).click();
  await page.getByTestId('request-access').click();
  const form = page.getByTestId('access-request-form');
  await expect(form.getByTestId('request-scope')).toContainText(`${CASE.number} ${CASE.title}（2 项证据）`);
  await screen(page, 'access-request-case-form');
  const reason = '办理占道经营案，查阅案件证据';
  await submit(page, reason);
  expect(await myRequests()).toContainEqual(expect.objectContaining({ scope: expect.objectContaining({ kind: 'case', id: caseId }), type: 'case', reason, state: 'pending' }));
});
