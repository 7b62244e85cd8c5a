import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { FIXTURE_SERIAL, FIXTURE_TZ, makeSegments } from '../fixtures/recorder-volume';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs, logout, nav, type Person } from './support/session';

/**
 * A clerk's first week (issue 11 items 1, 6, 7): a person is one thing (the account with a badge is the officer
 * with it, so the officer signs the record form), every role lands on its own 工作台 and visits every page its
 * navigation shows without one refused call, and each role's dashboard holds only real cards that concern it.
 */
const BADGE = '012345';
const OFFICER = { login: 'zhangsan', name: '张三', password: 'Officer-pass-2024', badge: BADGE };
const OTHER_OFFICER = { login: 'lisi', name: '李四', password: 'Officer2-pass-2024' };
const CUSTODIAN = { login: 'wangbg', name: '王保管', password: 'Custodian-pass-2024' };
const LEADER = { login: 'zhouxiang', name: '周乡长', password: 'Leader-pass-2024' };
const START = new Date('2026-03-02T01:30:00Z');
const NOW = new Date(START.getTime() + 3_600_000);

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let work: string;
let formId: number;
const admin: Client = { id: 'e2e-admin', sessionId: null };
const call = <M extends MethodName>(client: Client, method: M, input: unknown = {}) => callApi(host.services, client, method, input);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-people-'));
  const volume = path.join(work, 'DSJ-A8');
  await makeSegments(path.join(volume, 'DCIM', '100MEDIA'), 2, 3, START, { serial: FIXTURE_SERIAL, badge: BADGE, timeZone: FIXTURE_TZ });
  host = await startTestHost({ startAt: NOW });
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: FIXTURE_TZ });
  // Ingest first registers the officer 012345; the account made afterwards with that badge is the same person.
  const sourceId = host.services.sources.addFolder(volume).id;
  await call(admin, 'recorders.create', { serial: FIXTURE_SERIAL, brand: '海康威视', model: 'DSJ-A8' });
  const { sessionId } = await call(admin, 'ingest.start', { sourceId, recorderSerial: FIXTURE_SERIAL, officerBadge: BADGE, officerName: OFFICER.name });
  await host.services.jobs.get(`ingest:${sessionId}`)?.done;
  const session = await call(admin, 'ingest.session', { id: sessionId });
  const mediaIds = session.items.filter((i) => i.mediaId).map((i) => i.mediaId!);
  await addUser(host.services, admin, OFFICER, ['officer']);
  await addUser(host.services, admin, OTHER_OFFICER, ['officer']);
  await addUser(host.services, admin, CUSTODIAN, ['custodian']);
  await addUser(host.services, admin, LEADER, ['township_leader']);
  const officerId = (await call(admin, 'officers.list')).find((o) => o.badgeNo === BADGE)!.id;
  // The admin is also the custodian (setup gives both roles): he keeps the case and drafts the form.
  const c = await call(admin, 'cases.create', { number: '青执〔2026〕7号', title: '占道经营案', handlerOfficerId: officerId });
  await call(admin, 'cases.addItems', { caseId: c.id, mediaIds });
  const form = await call(admin, 'forms.recordDraft', { caseId: c.id });
  await call(admin, 'forms.recordUpdate', { id: form.id, place: '青山乡人民路 12 号门前' });
  formId = form.id;
});

test.afterAll(async () => {
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
});

/** Denied calls in the audit log so far (越权访问被拒绝): each is a button or a list the UI should not have tried. */
async function deniedRows(): Promise<string[]> {
  const page = await call(admin, 'audit.list', { action: 'access.denied', limit: 500 });
  return page.entries.map((e) => `${e.actorLogin ?? '?'} → ${e.target ?? ''}`);
}

/** Clicks through every section in the navigation and every tab on each page. */
async function visitEverything(page: Page): Promise<string[]> {
  const sections = await nav(page).getByRole('menuitem').allInnerTexts();
  for (const label of sections) {
    await nav(page).getByRole('menuitem', { name: label.trim() }).click();
    await page.waitForTimeout(400);
    await expect(page.getByText('无权访问')).toHaveCount(0);
    const tabs = page.getByRole('tab');
    const names = await tabs.allInnerTexts();
    for (const t of names) {
      await page.getByRole('tab', { name: t.trim() }).click();
      await page.waitForTimeout(400);
    }
  }
  return sections.map((s) => s.trim());
}

test('each role lands on its own 工作台 and visits every page it is shown without a refused call', async ({ page }) => {
  test.setTimeout(240_000);
  const people: { who: Person; shot: string }[] = [
    { who: ADMIN, shot: 'dashboard-admin' },
    { who: CUSTODIAN, shot: 'dashboard-custodian' },
    { who: CHIEF, shot: 'dashboard-chief' },
    { who: OFFICER, shot: 'dashboard-officer' },
    { who: LEADER, shot: 'dashboard-leader' },
  ];
  const before = await deniedRows();
  for (const { who, shot } of people) {
    await loginAs(page, host.openUrl, who);
    expect(new URL(page.url()).hash).toBe('#/dashboard');
    await page.waitForTimeout(600);
    await screen(page, shot);
    const seen = await visitEverything(page);
    expect(seen.length).toBeGreaterThan(1);
    // Leave on the page seen last: the next user must still start on his own 工作台.
    await logout(page);
  }
  expect(await deniedRows()).toEqual(before);
});

test('the officer whose account carries his badge signs the record form; another officer is told the rule', async ({ page }) => {
  await loginAs(page, host.openUrl, OTHER_OFFICER);
  await page.evaluate((id) => (window.location.hash = `#/forms/${id}`), formId);
  await expect(page.getByTestId('sign-refusal')).toContainText('仅本案承办人或摄录本案录像的执法人员可签名');
  await expect(page.getByTestId('sign-form')).toHaveCount(0);
  await screen(page, 'record-form-refused');
  await logout(page);

  await loginAs(page, host.openUrl, OFFICER);
  await page.evaluate((id) => (window.location.hash = `#/forms/${id}`), formId);
  await expect(page.getByTestId('sign-form')).toHaveText('执法人员签名');
  await screen(page, 'record-form-officer-sign');
  await page.getByTestId('sign-form').click();
  await page.getByRole('button', { name: '签名', exact: true }).click();
  await expect(page.getByTestId('signatures')).toContainText('张三 已签');
});

test('the 人员 screen shows which account each officer is, and links one', async ({ page }) => {
  await loginAs(page, host.openUrl, ADMIN);
  await nav(page).getByRole('menuitem', { name: '设备' }).click();
  await page.getByRole('tab', { name: /人员/ }).click();
  const row = page.getByTestId('officers-table').getByRole('row').filter({ hasText: BADGE });
  await expect(row.getByTestId('officer-account')).toHaveText('张三（zhangsan）');
  // 李四 has no badge: link him to a new officer record from the 人员 screen.
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增人员' });
  await dialog.getByLabel('警号（执法证号）').fill('020202');
  await dialog.getByLabel('姓名').fill(OTHER_OFFICER.name);
  await dialog.getByRole('button', { name: '新增' }).click();
  const li = page.getByTestId('officers-table').getByRole('row').filter({ hasText: '020202' });
  await li.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /修改人员/ });
  await edit.getByTestId('officer-account-select').click();
  await page.getByRole('option', { name: /李四（lisi）/ }).click();
  await screen(page, 'people-link-dialog');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(li.getByTestId('officer-account')).toHaveText('李四（lisi）');
  await screen(page, 'people-screen');
  const users = await call(admin, 'users.list');
  expect(users.find((u) => u.login === OTHER_OFFICER.login)).toMatchObject({ badgeNo: '020202' });
});
