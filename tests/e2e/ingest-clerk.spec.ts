import { execFileSync } from 'node:child_process';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { locateTools, zonedToUtc } from '../../main/media';
import { makeSegments } from '../fixtures/recorder-volume';
import { officeSpec } from './support/office-spec';
import { screen } from './support/screens';
import { nav } from './support/session';

/**
 * Issue 11 (a clerk's first week), ingest side: the browser host's folder picker, a recorder whose info file is
 * DCIM/ZFYINFO.TXT with a stray readme (listed as 其他, not taken), an unknown recorder confirmed before it is
 * registered, a photo looked at (no play button, no "0 秒"), a backup refused onto the recorder, and the weekly
 * consolidation run twice keeping both reports.
 */
const TZ = 'Asia/Shanghai';
const SERIAL = 'ZFY0000777';
const BADGE = '012345';
const start = zonedToUtc({ y: 2026, m: 11, d: 23, hh: 9, mm: 0, ss: 0 }, TZ);
const docked = zonedToUtc({ y: 2026, m: 11, d: 23, hh: 18, mm: 0, ss: 0 }, TZ);

let roots: string;
officeSpec('clerk', async (work) => {
  roots = path.join(work, 'media');
  const rec = path.join(roots, 'ZFY');
  await makeSegments(path.join(rec, 'DCIM', '100MEDIA'), 2, 2, start, { serial: SERIAL, badge: BADGE, timeZone: TZ });
  await writeFile(path.join(rec, 'DCIM', 'ZFYINFO.TXT'), `[ZFY]\r\n设备编号=${SERIAL}\r\n警员编号=${BADGE}\r\n`);
  await writeFile(path.join(rec, 'readme.txt'), '记录仪使用说明\n');
  await mkdir(path.join(rec, 'PHOTO'));
  execFileSync(locateTools().ffmpeg!, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240', '-frames:v', '1', path.join(rec, 'PHOTO', 'IMG_0001.JPG')]);
  for (const f of ['DCIM/ZFYINFO.TXT', 'readme.txt', 'PHOTO/IMG_0001.JPG']) await utimes(path.join(rec, f), start, start);
  await mkdir(path.join(roots, '备份盘'));
  return { host: { startAt: docked, browseRoots: [roots] }, timeZone: TZ };
}, () => /UNKNOWN_RECORDER|BACKUP_ON_SOURCE|400|409|422/);

test('the folder picker, 其他 files unselected, and an unknown recorder confirmed before it is registered', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  await expect(page.getByText('也可以选择任意文件夹')).toHaveCount(0);
  await page.getByTestId('pick-folder').click();
  const picker = page.getByTestId('folder-picker');
  await expect(picker.getByTestId('folder-picker-item')).toHaveCount(1);
  await picker.getByTestId('folder-picker-item').click();
  await expect(picker.getByTestId('folder-picker-item')).toHaveText(['ZFY', '备份盘']);
  await screen(page, 'clerk-folder-picker');
  await picker.getByTestId('folder-picker-item').filter({ hasText: 'ZFY' }).click();
  await expect(page.getByTestId('folder-picker-path')).toContainText('ZFY');
  await page.getByTestId('folder-picker-choose').click();

  await expect(page.getByTestId('scan-summary')).toBeVisible();
  await expect(page.getByTestId('scan-info-file')).toContainText('DCIM/ZFYINFO.TXT');
  await expect(page.getByTestId('scan-serial')).toHaveText(SERIAL);
  const files = page.getByTestId('scan-files');
  await expect(files.getByRole('row', { name: /ZFYINFO/ })).toHaveCount(0);
  const readme = files.getByRole('row', { name: /readme\.txt/ });
  await expect(readme).toContainText('其他');
  await expect(readme.getByRole('checkbox')).not.toBeChecked();
  await expect(files.getByRole('row', { name: /IMG_0001/ })).toContainText('照片');
  await expect(page.getByTestId('recorder-unknown')).toBeVisible();
  await page.getByPlaceholder('姓名').fill('张三');
  await screen(page, 'clerk-scan-other-unselected');

  await page.getByRole('button', { name: '开始导入' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `登记新记录仪 ${SERIAL}` });
  await expect(confirm).toBeVisible();
  await screen(page, 'clerk-confirm-new-recorder');
  await confirm.getByRole('button', { name: '确认登记并导入' }).click();
  await expect(page.getByTestId('ingest-status')).toHaveText('导入完成', { timeout: 60_000 });
  await expect(page.getByTestId('result-items')).not.toContainText('readme.txt');
  await expect(page.getByTestId('result-items')).not.toContainText('ZFYINFO');
});

test('a photo is looked at: no "0 秒", no play button', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '资料库' }).click();
  const row = page.getByTestId('library-row').filter({ hasText: 'IMG_0001.JPG' });
  await expect(row).toContainText('照片');
  await expect(row).not.toContainText('0 秒');
  await expect(row.getByRole('button', { name: /查看/ })).toBeVisible();
  await expect(row.getByRole('button', { name: /播放/ })).toHaveCount(0);
  await screen(page, 'clerk-library-photo');
});

test('a backup onto the recorder is refused; two weekly runs keep two reports', async ({ page }) => {
  await nav(page).getByRole('menuitem', { name: '采集导入' }).click();
  await page.getByRole('tab', { name: '每周归档' }).click();
  const choose = async (name: string) => {
    await page.getByTestId('pick-backup-folder').click();
    const picker = page.getByTestId('folder-picker');
    // The allowed root first (one entry), then its folders: never a click on a listing still loading.
    await expect(picker.getByTestId('folder-picker-item')).toHaveCount(1);
    await picker.getByTestId('folder-picker-item').click();
    await expect(picker.getByTestId('folder-picker-item')).toHaveText(['ZFY', '备份盘']);
    await picker.getByTestId('folder-picker-item').filter({ hasText: name }).click();
    await expect(page.getByTestId('folder-picker-path')).toContainText(name);
    await page.getByTestId('folder-picker-choose').click();
    await expect(picker).toBeHidden();
  };
  await choose('ZFY');
  await page.getByRole('button', { name: '执行每周归档' }).click();
  await expect(page.getByText('所选备份位置是执法记录仪')).toBeVisible({ timeout: 60_000 });
  await screen(page, 'clerk-weekly-refused-recorder');

  await choose('备份盘');
  await page.getByRole('button', { name: '执行每周归档' }).click();
  const result = page.getByTestId('weekly-result');
  await expect(result.getByRole('link', { name: '周报 weekly-2026-11-23-1.docx' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '执行每周归档' }).click();
  await expect(result.getByRole('link', { name: '周报 weekly-2026-11-23-2.docx' })).toBeVisible({ timeout: 60_000 });
  await screen(page, 'clerk-weekly-two-runs');
});
