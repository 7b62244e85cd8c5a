import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Client } from '../../main/api';
import { callApi, CHIEF } from './support/api';
import type { TestHost } from './support/host';
import { hostWithRecorderDay } from './support/recorder-day';
import { screen } from './support/screens';
import { expectQuietConsole, loginAs, nav } from './support/session';

/**
 * 公开使用副本 (issue 15 item 2): the chief, named by the approval of an officer's 公开使用 request, marks a moving
 * rectangle over the playing video (two key frames), a mute range, renders the copy with progress and hands it out.
 */
const OFFICER = { login: 'zhoujy', name: '周警员', password: 'Officer-pass-2024' };
const START = new Date('2026-03-02T01:30:00Z');

test.describe.configure({ mode: 'serial' });

let host: TestHost;
let closeDay: (() => Promise<void>) | undefined;
let mediaId: number;
let requestId: number;
let out: string;
let pseudo: string;
const pseudoBefore = process.env.EVIDENCE_PSEUDO_DRIVE;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  let admin: Client;
  let mediaIds: number[];
  ({ host, admin, mediaIds, close: closeDay } = await hostWithRecorderDay(START, OFFICER, [[OFFICER, ['officer']]]));
  mediaId = mediaIds[0]!;
  const officer: Client = { id: 'e2e-officer', sessionId: null };
  await callApi(host.services, officer, 'session.login', { login: OFFICER.login, password: OFFICER.password });
  requestId = (await callApi(host.services, officer, 'access.request', { type: 'public', scope: { kind: 'media', id: mediaId }, reason: '新闻通稿配发现场视频' })).id;
  const chief: Client = { id: 'e2e-chief', sessionId: null };
  await callApi(host.services, chief, 'session.login', { login: CHIEF.login, password: CHIEF.password });
  const shown = await callApi(host.services, chief, 'access.get', { id: requestId });
  const users = await callApi(host.services, admin, 'users.list');
  const ids = users.filter((u) => u.login === CHIEF.login || u.login === OFFICER.login).map((u) => u.id);
  await callApi(host.services, chief, 'access.decide', { id: requestId, approve: true, itemsFingerprint: shown.itemsFingerprint, namedUserIds: ids });
  out = await mkdtemp(path.join(tmpdir(), 'ew-e2e-handout-'));
  // xorriso's stdio: pseudo-drive, a file that takes the burn like a blank disc.
  pseudo = path.join(out, 'pseudo-disc.iso');
  process.env.EVIDENCE_PSEUDO_DRIVE = pseudo;
});

test.afterAll(async () => {
  if (pseudoBefore === undefined) delete process.env.EVIDENCE_PSEUDO_DRIVE;
  else process.env.EVIDENCE_PSEUDO_DRIVE = pseudoBefore;
  await closeDay?.();
  if (out) await rm(out, { recursive: true, force: true });
});

expectQuietConsole();

/** Seeks the editor's video to t seconds and waits until the editor shows that time. */
async function seek(page: Page, t: number) {
  await page.getByTestId('mask-video').evaluate(async (v: HTMLVideoElement, at) => {
    await new Promise<void>((resolve) => {
      v.addEventListener('seeked', () => resolve(), { once: true });
      v.currentTime = at;
    });
  }, t);
  await expect(page.getByTestId('mask-time')).toContainText(`当前 ${t.toFixed(2)}`);
}

/** Drags on the stage from one point to another, in fractions of its size. */
async function drag(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId('mask-stage').boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * (from[0] + to[0]) / 2, box.y + box.height * (from[1] + to[1]) / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await page.mouse.up();
}

test('the chief marks a moving face, a mute range, renders the copy and hands it out', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, host.openUrl, CHIEF);
  await nav(page).getByRole('menuitem', { name: '公开副本' }).click();
  await page.getByTestId('public-source').click();
  await page.locator('.ant-select-item-option', { hasText: '新闻通稿配发现场视频' }).click();
  await expect.poll(() => page.getByTestId('mask-video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);

  // Key frame 1 at 0.5 s: drawn; key frame 2 at 2.5 s: the same rectangle moved right and down.
  await seek(page, 0.5);
  await drag(page, [0.2, 0.2], [0.4, 0.45]);
  await expect(page.getByTestId('region-row-1')).toContainText('关键帧 1 个');
  await seek(page, 2.5);
  await drag(page, [0.3, 0.3], [0.55, 0.5]);
  await expect(page.getByTestId('region-row-1')).toContainText('关键帧 2 个');
  // Between the key frames the rectangle stands between its two positions (interpolated live).
  await seek(page, 1.5);
  const stage = (await page.getByTestId('mask-stage').boundingBox())!;
  const mid = (await page.getByTestId('mask-region-1').boundingBox())!;
  expect((mid.x - stage.x) / stage.width).toBeGreaterThan(0.22);
  expect((mid.x - stage.x) / stage.width).toBeLessThan(0.43);
  await page.getByRole('button', { name: '从当前时间开始静音' }).click();
  await seek(page, 2);
  await page.getByRole('button', { name: '到当前时间结束' }).click();
  await expect(page.getByText('静音 1.50 秒 – 2.00 秒')).toBeVisible();
  await seek(page, 1.5);
  await screen(page, 'public-copy-editor');

  await page.getByRole('button', { name: '生成公开使用副本' }).click();
  const list = page.getByTestId('public-copies');
  await expect(list.getByText('GK-0001')).toBeVisible({ timeout: 60_000 });
  await expect(list).toContainText(`公开使用副本 · SQ-${String(requestId).padStart(4, '0')} · 2026-03-02`);
  await list.getByRole('button', { name: /展开|Expand row/ }).first().click();
  await expect(list).toContainText('1. 人脸 · 模糊');
  await expect(list).toContainText('1.50s–2.00s');

  await list.getByRole('button', { name: '交付' }).click();
  const dialog = page.getByRole('dialog', { name: /交付公开使用副本 GK-0001/ });
  await dialog.getByLabel('目标文件夹（完整路径）').fill(out);
  await dialog.getByLabel('接收单位或接收人').fill('县融媒体中心');
  await dialog.getByLabel('用途').fill('新闻通稿');
  await dialog.getByRole('button', { name: '交付' }).click();
  await expect(dialog).toBeHidden();
  await expect(list).toContainText('交付给 县融媒体中心（新闻通稿）');
  expect((await readdir(path.join(out, 'GK-0001'))).sort()).toEqual(['GK-0001.mp4', 'GK-0001.provenance.json', 'GK-0001.provenance.json.p7s']);
  await screen(page, 'public-copy-list');
});

test('the chief hands the copy out on a 公开使用副本光盘, never an evidence disc, read back and recorded', async ({ page }) => {
  test.setTimeout(60_000);
  await loginAs(page, host.openUrl, CHIEF);
  await nav(page).getByRole('menuitem', { name: '公开副本' }).click();
  const list = page.getByTestId('public-copies');
  await list.getByRole('button', { name: '交付' }).click();
  const dialog = page.getByRole('dialog', { name: /交付公开使用副本 GK-0001/ });
  await dialog.getByText('刻录公开使用副本光盘').click();
  await expect(dialog).toContainText('刻录“公开使用副本光盘”，不是证据光盘');
  await dialog.getByTestId('handout-drive').click();
  await page.locator('.ant-select-item-option', { hasText: '模拟刻录机' }).click();
  await dialog.getByLabel('接收单位或接收人').fill('县政府办公室');
  await dialog.getByLabel('用途').fill('政务公开');
  await screen(page, 'public-copy-handout-disc');
  await dialog.getByRole('button', { name: '刻录并交付' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await list.getByRole('button', { name: /展开|Expand row/ }).first().click();
  await expect(list).toContainText('公开使用副本光盘 · 非证据');
  await expect(list).toContainText('交付给 县政府办公室（政务公开）');
  await expect(list).toContainText('PUBLIC_COPY_GK_0001_NOT_EVIDENCE');
  await expect(list).toContainText('已回读核验');
  expect((await readdir(out)).includes('pseudo-disc.iso')).toBe(true);
  await screen(page, 'public-copy-handed-out-disc');
});
