import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client, MethodName } from '../../main/api';
import { ADMIN, addUser, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { makeSegments } from '../fixtures/recorder-volume';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, pinPageClock, loginAs as login, nav, type Person } from './support/session';

/**
 * From a case to a burned, read-back evidence disc: the officer fills in the place and signs the record form,
 * the chief signs and seals, the custodian builds the image, burns it to xorriso's pseudo-drive and sees every
 * file read back equal to its ingest hash. Setup (with the township leader's approval) goes through the API; every signature and disc step through the UI.
 */
const OFFICER = { login: 'zhangsan', name: '张三', password: 'Officer-pass-2024' };
const BADGE = '310115';
const SERIAL = 'DSJ-E2E-01';
const CASE_NO = '青综执〔2026〕7号';
const RECORDED = new Date('2026-11-26T01:00:00Z');
const NOW = new Date('2026-11-26T09:00:00Z');

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let work: string;
let pseudo: string;
let approveForOfficer: () => Promise<void>;
const before = process.env.EVIDENCE_PSEUDO_DRIVE;

const call = (client: Client, method: MethodName, input: unknown): Promise<unknown> => callApi(host.services, client, method, input);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-discs-'));
  pseudo = path.join(work, '模拟光盘.iso');
  // The host offers xorriso's stdio: pseudo-drive on this file (see main/disc/workflow/drives.ts).
  process.env.EVIDENCE_PSEUDO_DRIVE = pseudo;
  await makeSegments(path.join(work, 'rec', 'DCIM'), 2, 2, RECORDED, { serial: SERIAL, badge: BADGE });
  host = await startTestHost({ startAt: NOW });
  const sourceId = host.services.sources.addFolder(path.join(work, 'rec')).id;

  const admin: Client = { id: 'e2e-admin', sessionId: null };
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: 'Asia/Shanghai', unitName: '青山乡综合行政执法大队' });
  const userId = await addUser(host.services, admin, { ...OFFICER, badge: BADGE }, ['officer']);
  const officerClient: Client = { id: 'e2e-officer', sessionId: null };
  await call(officerClient, 'session.login', { login: OFFICER.login, password: OFFICER.password });
  // The account with the badge is the officer with that badge (created with the account).
  const off = ((await call(admin, 'officers.list', {})) as { id: number; badgeNo: string; userId: number | null }[]).find((o) => o.badgeNo === BADGE && o.userId === userId)!;
  await call(admin, 'recorders.create', { serial: SERIAL, brand: '海康威视', model: 'DSJ-A8' });
  // The admin is also the custodian (setup gives both roles).
  const { sessionId } = (await call(admin, 'ingest.start', { sourceId, recorderSerial: SERIAL, officerBadge: BADGE, confirmNewRecorder: true })) as { sessionId: number };
  await host.services.jobs.get(`ingest:${sessionId}`)?.done;
  const s = (await call(admin, 'ingest.session', { id: sessionId })) as { items: { mediaId: number | null; outcome: string }[] };
  const mediaIds = s.items.filter((i) => i.outcome === 'stored').map((i) => i.mediaId!);
  const c = (await call(officerClient, 'cases.create', { number: CASE_NO, title: '占道经营案', handlerOfficerId: off.id })) as { id: number };
  await call(officerClient, 'cases.addItems', { caseId: c.id, mediaIds });
  await call(officerClient, 'forms.recordDraft', { caseId: c.id });
  // 办案查阅 approved by the township leader: every item on a disc needs it (access module).
  const LEADER = { login: 'zhaoxz', name: '赵乡长', password: 'Leader-pass-2024' };
  await addUser(host.services, admin, LEADER, ['township_leader']);
  const leader: Client = { id: 'e2e-leader', sessionId: null };
  await call(leader, 'session.login', { login: LEADER.login, password: LEADER.password });
  // The officer asks, the leader approves; the custodian builds under that approval without leave of his own.
  approveForOfficer = async () => {
    const req = (await call(officerClient, 'access.request', { type: 'case', scope: { kind: 'case', id: c.id }, reason: '制作案件证据光盘' })) as { id: number };
    const shown = (await call(leader, 'access.get', { id: req.id })) as { itemsFingerprint: string };
    await call(leader, 'access.decide', { id: req.id, approve: true, itemsFingerprint: shown.itemsFingerprint });
  };
});

test.afterAll(async () => {
  if (before === undefined) delete process.env.EVIDENCE_PSEUDO_DRIVE;
  else process.env.EVIDENCE_PSEUDO_DRIVE = before;
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();
pinPageClock(NOW);

const loginAs = (page: Page, who: Person) => login(page, host.openUrl, who);

/** Opens the sign confirmation and confirms it once its opening animation has settled. */
async function confirmSign(page: Page) {
  await page.getByTestId('sign-form').click();
  const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await expect(pop).toBeVisible();
  await page.waitForTimeout(400);
  await pop.getByRole('button', { name: '签名', exact: true }).click();
  await expect(pop).toBeHidden();
}

async function openForm(page: Page) {
  await nav(page).getByText('记录表', { exact: true }).click();
  await page.getByRole('row', { name: new RegExp(CASE_NO) }).click();
  await expect(page.getByTestId('record-form-view')).toBeVisible();
}

test('the officer fills in the place and signs the record form', async ({ page }) => {
  await loginAs(page, OFFICER);
  await nav(page).getByText('记录表', { exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(CASE_NO) })).toContainText('草稿');
  await screen(page, 'discs-01-forms-list');
  await openForm(page);
  await expect(page.getByTestId('record-form-view')).toContainText('海康威视 DSJ-A8');
  await expect(page.getByTestId('sign-form')).toHaveCount(0); // the place is not filled in yet
  await page.getByTestId('field-place').fill('青山乡人民路 12 号门前');
  await page.getByTestId('save-form').click();
  await expect(page.getByTestId('sign-form')).toHaveText(/执法人员签名/);
  await screen(page, 'discs-02-form-draft');
  await confirmSign(page);
  await expect(page.getByTestId('signatures').locator('[data-role="officer"]')).toContainText('执法人员 张三 已签');
  await expect(page.getByTestId('record-form-view')).toContainText('执法人员已签');
  await screen(page, 'discs-03-officer-signed');
});

test('the chief signs and seals', async ({ page }) => {
  await loginAs(page, CHIEF);
  await openForm(page);
  await expect(page.getByTestId('sign-form')).toHaveText(/负责人签名并盖章/);
  await confirmSign(page);
  await expect(page.getByTestId('signatures').locator('[data-role="chief"]')).toContainText('大队负责人 李大队 已签');
  await expect(page.getByTestId('signatures').locator('text=签名有效')).toHaveCount(2);
  await page.getByTestId('form-docx').click();
  await expect(page.getByTestId('generated-file')).toContainText('记录表-2026-001.docx');
  await screen(page, 'discs-04-chief-signed');
});

test('the custodian plans, builds, burns to the pseudo-drive and sees the read-back pass', async ({ page }) => {
  await loginAs(page, ADMIN);
  await nav(page).getByText('刻盘', { exact: true }).click();
  await page.getByTestId('disc-case').click();
  await page.getByTitle(new RegExp(CASE_NO)).click();
  await page.getByTestId('disc-media').click();
  await page.getByTitle('CD-R（700 MB）').click();
  await expect(page.getByTestId('disc-plan')).toContainText('需要 1 张CD-R');
  await expect(page.getByTestId('disc-form')).toContainText('记录表 2026-001');
  await screen(page, 'discs-05-plan');

  // Not yet approved: the refusal stays on screen, names the recordings by time and officer, and who must ask whom.
  await page.getByTestId('build-disc').click();
  const refusal = page.getByTestId('disc-error');
  await expect(refusal).toContainText('2026-11-26 09:00:00 张三（警号 310115）');
  await expect(refusal).toContainText('承办人张三需向乡主管领导（赵乡长）提出办案查阅申请');
  await page.waitForTimeout(3500);
  await expect(refusal).toBeVisible();
  await screen(page, 'discs-05b-refused');
  await approveForOfficer();

  await page.getByTestId('build-disc').click();
  await expect(refusal).toHaveCount(0);
  await expect(page.getByText('光盘 2026-001（第 1 张 / 共 1 张）')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('disc-drive')).toContainText('模拟刻录机');
  await screen(page, 'discs-06-built');

  // Burning asks first: the disc, the drive, and a blank disc in it.
  await page.getByTestId('burn-disc').click();
  const confirm = page.getByRole('dialog', { name: '确认刻录' });
  await expect(confirm).toContainText('2026-001');
  await expect(confirm.getByTestId('burn-confirm-ok')).toBeDisabled();
  await confirm.getByTestId('burn-blank-check').click();
  await screen(page, 'discs-06b-burn-confirm');
  await confirm.getByTestId('burn-confirm-ok').click();
  const readback = page.getByTestId('readback');
  await expect(readback).toHaveAttribute('data-ok', '1', { timeout: 90_000 });
  await expect(readback).toContainText('回读核验通过');
  await expect(readback.locator('tbody tr')).toHaveCount(7);
  await expect(readback.locator('tbody')).not.toContainText('不一致');
  await screen(page, 'discs-07-burned-readback');

  const reg = page.getByTestId('disc-register');
  await expect(reg.getByRole('row', { name: /2026-001/ })).toContainText('通过');
  await reg.getByRole('button', { name: /标签/ }).click();
  await expect(page.getByTestId('label-text')).toContainText(`案件：${CASE_NO} 占道经营案`);
  await screen(page, 'discs-08-register-label');
});
