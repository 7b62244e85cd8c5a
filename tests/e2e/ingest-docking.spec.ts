import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeRandomFile } from '../fixtures/recorder-volume';
import { ADMIN, callApi, CHIEF, setUpOfficeVia } from './support/api';
import { startTestHost, type TestHost } from './support/host';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs } from './support/session';

/**
 * Several recorders docked at once (issue 14 item 3): the custodian starts one source, the form comes back while it
 * copies, he starts a second; two lanes run side by side, each ends in its own session with its own handover sheet.
 * Each source is held before its second file until both lanes have been seen running: on a fast disk the first
 * source would otherwise be done before the second is started (CI saw 768 MiB copied in that time).
 */
const DOCKED = new Date('2024-05-20T10:00:00Z');
const SOURCES = [
  { name: '记录仪甲', files: 2, mib: 96 },
  { name: '记录仪乙', files: 2, mib: 64 },
];

const OFFICERS = [
  { name: '张三', badgeNo: '310001' },
  { name: '李四', badgeNo: '310002' },
];

let host: TestHost;
let work: string;
let releaseSecondFiles!: () => void;
const secondFiles = new Promise<void>((resolve) => (releaseSecondFiles = resolve));

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = await mkdtemp(path.join(tmpdir(), 'ew-e2e-docking-'));
  for (const s of SOURCES) {
    const dir = path.join(work, s.name);
    await mkdir(dir);
    for (let i = 1; i <= s.files; i++) await writeRandomFile(path.join(dir, `VID_20240520_0${i}0000.mp4`), s.mib * 1024 * 1024);
  }
  host = await startTestHost({
    startAt: DOCKED,
    ingestBeforeFile: (_source, relPath) => (relPath.endsWith('_020000.mp4') ? secondFiles : Promise.resolve()),
  });
  for (const s of SOURCES) host.services.sources.addFolder(path.join(work, s.name));
  const admin = { id: 'e2e-setup', sessionId: null };
  await setUpOfficeVia(host.services, admin, { admin: ADMIN, chief: CHIEF }, { timeZone: 'Asia/Shanghai' });
  for (const o of OFFICERS) await callApi(host.services, admin, 'officers.create', o);
});

test.afterAll(async () => {
  releaseSecondFiles();
  await host?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

expectQuietConsole();

test('two sources ingest at once, each in its own lane and session', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: DOCKED });
  await loginAs(page, host.openUrl, ADMIN);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '采集导入' }).click();

  const start = async (name: string, officer: string) => {
    await page.getByRole('button', { name: `扫描 ${name}` }).click();
    await expect(page.getByTestId('scan-counts')).toContainText('共 2 个');
    await page.getByLabel('移交人').fill(officer);
    await page.getByLabel('移交人').press('Enter');
    await page.getByRole('button', { name: '开始导入' }).click();
  };
  const lane = (name: string) => page.getByLabel(`导入 ${name}`, { exact: true });

  await start('记录仪甲', '张三');
  // The form is back at the sources while the first copies.
  await expect(lane('记录仪甲')).toContainText('正在导入');
  await expect(page.getByRole('button', { name: '扫描 记录仪乙' })).toBeVisible();
  await start('记录仪乙', '李四');

  // Both running at once (the line above the lanes counts the unfinished ones); the picture first, while they are.
  await expect(page.getByTestId('ingest-progress')).toHaveCount(2);
  await expect(page.getByTestId('ingest-lanes')).toContainText('2 个来源正在同时导入');
  await screen(page, 'ingest-two-lanes');
  await expect(lane('记录仪乙')).toBeVisible();
  releaseSecondFiles();

  // Both end; the one that ends while the form is idle opens in it, the other offers its result in its lane.
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成', { timeout: 180_000 });
  const waiting = page.getByRole('button', { name: '查看结果' });
  await expect(waiting).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('ingest-progress')).toHaveCount(1);
  await screen(page, 'ingest-two-lanes-done');
  await waiting.click();
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成');
  await expect(page.getByTestId('ingest-counts')).toContainText('入库 2 个');
  await expect(page.getByTestId('ingest-progress')).toHaveCount(0);

  // Two sessions in the register, which overlapped in time; each with its handover sheet.
  const { db } = host.services.archive.open();
  const rows = db.prepare('SELECT source_label, status, started_at, finished_at, files_stored FROM ingest_sessions ORDER BY id').all() as {
    source_label: string;
    status: string;
    started_at: string;
    finished_at: string;
    files_stored: number;
  }[];
  expect(rows.map((r) => [r.source_label, r.status, r.files_stored])).toEqual([
    ['记录仪甲', 'completed', 2],
    ['记录仪乙', 'completed', 2],
  ]);
  expect(rows[1]!.started_at < rows[0]!.finished_at, 'the second started before the first finished').toBe(true);
  await page.getByRole('tab', { name: '导入记录' }).click();
  const table = page.getByTestId('sessions-table');
  for (const s of SOURCES) {
    await table.getByRole('row', { name: new RegExp(s.name) }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成交接登记表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^交接登记表-\d{8}-\d{3}\.docx$/);
    await page.getByRole('button', { name: '返回列表' }).click();
  }
});
