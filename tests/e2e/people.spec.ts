import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { FIXTURE_SERIAL, FIXTURE_TZ, makeSegments } from '../fixtures/recorder-volume';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, pinPageClock, loginAs, logout, nav, type Person } from './support/session';

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
let caseId: number;
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
  caseId = c.id;
});

test.afterAll(async () => {
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();
pinPageClock(NOW);

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
  // 李四's account has no badge, so it is no officer yet: the form says which rule keeps the button away.
  await expect(page.getByTestId('sign-refusal')).toContainText('您的账户未关联执法人员（设备 → 人员）');
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
  await page.locator('.ant-select-item-option').filter({ hasText: '李四（lisi）' }).click();
  await screen(page, 'people-link-dialog');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(li.getByTestId('officer-account')).toHaveText('李四（lisi）');
  await screen(page, 'people-screen');
  const users = await call(admin, 'users.list');
  expect(users.find((u) => u.login === OTHER_OFFICER.login)).toMatchObject({ badgeNo: '020202' });
});

test('the handler edits his case; at 1440 px the evidence list and the grouped library keep every column and button on screen', async ({ page }) => {
  await loginAs(page, host.openUrl, OFFICER);
  // 新建案件 offers the officers as 承办人 to an officer too (officers.directory, not officers.list).
  await nav(page).getByRole('menuitem', { name: '案件' }).click();
  await page.getByRole('button', { name: '新建案件' }).click();
  const create = page.getByRole('dialog', { name: '新建案件' });
  await create.getByLabel('承办人').click();
  await expect(page.locator('.ant-select-item-option').filter({ hasText: `张三（${BADGE}）` })).toBeVisible();
  await create.getByRole('button', { name: '取消' }).click();

  await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
  await page.getByTestId('edit-case').click();
  const edit = page.getByRole('dialog', { name: /编辑案件/ });
  await expect(edit.getByLabel('案件编号')).toBeDisabled();
  await edit.getByLabel('案件名称').fill('占道经营案（青山路）');
  await edit.getByLabel('案情简述').fill('2026 年 3 月 2 日青山路早市占道经营，现场劝导并录像。');
  await screen(page, 'case-edit');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: /占道经营案（青山路）/ })).toBeVisible();
  await expect(page.getByTestId('case-summary')).toContainText('青山路早市占道经营');

  // Every column left of the fixed 操作 column ends before it starts, and 操作 is inside the window.
  const items = page.getByTestId('case-items');
  const ops = await items.getByRole('columnheader', { name: '操作' }).boundingBox();
  for (const name of ['SHA-256', '大小', '加入']) {
    const box = await items.getByRole('columnheader', { name }).boundingBox();
    expect(box!.x + box!.width, `${name} ends before 操作`).toBeLessThanOrEqual(ops!.x + 1);
  }
  expect(ops!.x + ops!.width).toBeLessThanOrEqual(1440);
  await screen(page, 'case-table-1440');

  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  await page.getByText('按录制分组').click();
  const groups = page.getByTestId('recording-groups');
  const groupOps = await groups.getByRole('columnheader', { name: '操作' }).boundingBox();
  const size = await groups.getByRole('columnheader', { name: '大小' }).boundingBox();
  expect(size!.x + size!.width, '大小 ends before 操作').toBeLessThanOrEqual(groupOps!.x + 1);
  for (const name of ['播放', '整段加入案件']) {
    const b = await groups.getByRole('button', { name }).first().boundingBox();
    expect(b!.x + b!.width, `${name} on screen`).toBeLessThanOrEqual(1440);
  }
  await screen(page, 'library-grouped-1440');
});

test('a changed original from the last integrity check shows in red on 工作台 with where the good copy is', async ({ page }) => {
  // The last weekly run wrote and verified a backup; a later check found one original changed.
  const db = host.services.archive.open().db;
  db.prepare(
    `INSERT INTO weekly_consolidations (week_start, created_at, created_by, backup_target, backup_files, backup_verified, report_path, report_sha256, summary)
     VALUES ('2026-02-23', '2026-02-27T09:00:00Z', 1, 'E:\\证据备份', 6, 1, 'r.docx', 'x', '{}')`,
  ).run();
  const report = { problems: [{ kind: 'changed', path: 'originals/2026-03-02/A8C0012345_0001.MP4', mediaId: 1, message: 'changed original' }] };
  db.prepare('INSERT INTO integrity_checks (started_at, finished_at, scope, checked, missing, changed, extra, report, run_by) VALUES (?, ?, ?, 6, 0, 1, 0, ?, 1)').run(
    '2026-03-02T02:00:00Z',
    '2026-03-02T02:01:00Z',
    'all',
    JSON.stringify(report),
  );
  await loginAs(page, host.openUrl, CUSTODIAN);
  const alert = page.getByTestId('alert-integrity');
  await expect(alert).toContainText('1 个原始文件被改动');
  await expect(alert).toContainText('A8C0012345_0001.MP4');
  await expect(page.getByTestId('alert-integrity-next')).toContainText('E:\\证据备份');
  await expect(page.getByTestId('alert-integrity-next')).toContainText('保管员和大队负责人同时在场');
  await expect(page.getByTestId('integrity-card')).toContainText('1 个问题');
  await expect(page.getByTestId('friday-reminder')).toHaveCount(0);
  await screen(page, 'dashboard-custodian-integrity-problem');
});
