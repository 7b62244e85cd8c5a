import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, rmSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { opensslPki } from '../unit/crypto/openssl-pki';
import { makeBagFixture, type BagFixture } from '../unit/disc/bag-fixture';
import { bytes, tool } from '../unit/disc/helpers';
import { collectConsole } from './support/session';

/**
 * The offline verifier page on a real disc tree (the image extracted by bsdtar, real signed manifest from a
 * test office CA), opened from file:// in Chromium; the folder is picked with a directory upload.
 */
test.describe.configure({ mode: 'serial' });

const BIG = '2026/11/27/REC03/长录像_王五.MP4';
let work: string;
let fixture: BagFixture;
let disc: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'evidence-verifier-e2e-'));
  // One original larger than the page's 8 MiB read chunk, so chunked hashing is exercised in the browser.
  fixture = await makeBagFixture(work, undefined, { [BIG]: bytes(9 * 1024 * 1024 + 5, 21) });
  disc = join(work, 'EVID_D2026_0007');
  mkdirSync(disc);
  const r = tool('bsdtar', ['-xf', fixture.imagePath, '-C', disc]);
  expect(r.status, r.stderr).toBe(0);
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

let consoleProblems: string[] = [];
test.beforeEach(({ page }) => {
  consoleProblems = collectConsole(page);
  // No network at all: any request other than the page itself fails the test.
  page.on('request', (req) => {
    if (!req.url().startsWith('file://')) consoleProblems.push(`network: ${req.url()}`);
  });
});
test.afterEach(() => {
  expect(consoleProblems).toEqual([]);
});

function copyOf(name: string): string {
  const dir = join(work, name, 'EVID_D2026_0007');
  cpSync(disc, dir, { recursive: true });
  return dir;
}

async function check(page: Page, dir: string): Promise<void> {
  await page.goto(pathToFileURL(join(dir, 'verify', 'verify.html')).href);
  await expect(page.getByRole('heading', { name: '证据光盘校验' })).toBeVisible();
  await page.locator('#pick').setInputFiles(dir);
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 60_000 });
}

/** The disc CA's fingerprint as `openssl x509 -fingerprint -sha256` prints it: what the office publishes. */
function caFingerprint(dir: string): string {
  const r = tool('openssl', ['x509', '-in', join(dir, 'certs', 'office-ca.pem'), '-noout', '-fingerprint', '-sha256']);
  expect(r.status, r.stderr).toBe(0);
  const fp = r.stdout.trim().split('=')[1]!;
  expect(fp).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  return fp;
}

test('a good disc passes, with the signer named and the CA fingerprint to compare', async ({ page }) => {
  await page.goto(pathToFileURL(join(disc, 'verify', 'verify.html')).href);
  await page.screenshot({ path: 'test-results/screens/disc-verifier-start.png', fullPage: true });
  await check(page, disc);
  await expect(page.getByTestId('verdict')).toContainText('校验通过');
  // The page trusts the CA on the disc itself, so it shows that CA's fingerprint first and big, and says to compare it.
  const fp = page.getByTestId('ca-fingerprint');
  await expect(fp.getByTestId('ca-fingerprint-value')).toHaveText(caFingerprint(disc));
  await expect(fp).toContainText('另行公布');
  await expect(fp).toContainText('法院');
  const [verdictBox, fpBox] = [await page.getByTestId('verdict').boundingBox(), await fp.boundingBox()];
  expect(fpBox!.y).toBeLessThan((await page.getByTestId('signature').boundingBox())!.y);
  expect(fpBox!.y).toBeGreaterThan(verdictBox!.y);
  await expect(page.getByTestId('signature')).toContainText('签名有效，签名人：李明');
  await expect(page.getByTestId('signature')).toContainText('签名时间：2026-11-29 10:30:00（北京时间 UTC+08:00）');
  await expect(page.locator('tr.row.ok')).toHaveCount(fixture.bag.payload.length + 7);
  await expect(page.locator(`tr[data-path="data/originals/${BIG}"] td.status`)).toHaveText('通过');
  await page.screenshot({ path: 'test-results/screens/disc-verifier-pass.png', fullPage: true });
});

test('one changed byte in an original fails and names the file', async ({ page }) => {
  const dir = copyOf('changed');
  const victim = join(dir, 'data', 'originals', ...BIG.split('/'));
  const b = readFileSync(victim);
  b[b.length - 2] = b[b.length - 2]! ^ 0x01;
  writeFileSync(victim, b);
  await check(page, dir);
  await expect(page.getByTestId('verdict')).toContainText('校验失败');
  await expect(page.getByTestId('verdict')).toContainText('1 个文件已被修改');
  await expect(page.locator(`tr[data-path="data/originals/${BIG}"] td.status`)).toHaveText('文件已被修改');
  await expect(page.locator('tr.row.changed')).toHaveCount(1);
  await expect(page.getByTestId('signature')).toContainText('签名有效');
  await page.screenshot({ path: 'test-results/screens/disc-verifier-changed.png', fullPage: true });
});

test('a tampered manifest fails the signature; missing and extra files are named', async ({ page }) => {
  const dir = copyOf('manifest');
  const m = join(dir, 'manifest-sha256.txt');
  // Someone "fixes" the manifest to match a changed file: the signature no longer covers it.
  const text = readFileSync(m, 'utf8');
  writeFileSync(m, text.replace(/^([0-9a-f])/, (c) => (c === 'a' ? 'b' : 'a')));
  rmSync(join(dir, 'data', 'record-form.docx'));
  writeFileSync(join(dir, 'data', 'planted.mp4'), 'x');
  await check(page, dir);
  await expect(page.getByTestId('verdict')).toContainText('校验失败');
  await expect(page.getByTestId('signature')).toContainText('签名无效：清单内容与签名不符');
  await expect(page.getByTestId('ca-fingerprint-value')).toHaveText(caFingerprint(dir));
  await expect(page.locator('tr[data-path="data/record-form.docx"] td.status')).toHaveText('缺少文件');
  await expect(page.locator('tr[data-path="data/planted.mp4"] td.status')).toHaveText('多余文件');
  await page.screenshot({ path: 'test-results/screens/disc-verifier-tampered.png', fullPage: true });
});

test('as RFC 8493 reads a bag: an unlisted tag file is allowed, a missing bagit.txt is not', async ({ page }) => {
  const dir = copyOf('tags');
  writeFileSync(join(dir, '补充说明.txt'), '另附说明');
  await check(page, dir);
  await expect(page.getByTestId('verdict')).toContainText('校验通过');
  await expect(page.locator('tr[data-path="补充说明.txt"] td.status')).toHaveText('未列入标签清单的说明文件');

  const bare = copyOf('no-bagit');
  rmSync(join(bare, 'bagit.txt'));
  await check(page, bare);
  await expect(page.getByTestId('verdict')).toContainText('校验失败');
  await expect(page.getByTestId('verdict')).toContainText('缺少校验所需的文件：bagit.txt');
});

test('a manifest signed by openssl with EC P-256 and SHA-512 under an intermediate CA passes', async ({ page }) => {
  const dir = copyOf('openssl-ec');
  const pki = opensslPki();
  try {
    pki.certificate({ name: 'root', cn: 'Root CA', kind: 'rsa', ext: 'v3_ca' });
    pki.certificate({ name: 'inter', cn: 'Intermediate CA', kind: 'rsa', issuer: 'root', ext: 'v3_ca' });
    pki.certificate({ name: 'leaf', cn: '赵六', kind: 'ec', issuer: 'inter', ext: 'v3_user' });
    const manifest = join(dir, 'manifest-sha256.txt');
    const signature = pki.sign('manifest', 'leaf', manifest, ['-certfile', 'inter.pem', '-md', 'sha512'], new Date('2026-06-01T12:00:00Z'));
    cpSync(signature, join(dir, 'manifest-sha256.txt.p7s'));
    cpSync(join(pki.dir, 'root.pem'), join(dir, 'certs', 'office-ca.pem'));
    // The tag manifest lists both replaced files: list them as they now are.
    const tags = join(dir, 'tagmanifest-sha256.txt');
    const sha = (p: string) => createHash('sha256').update(readFileSync(join(dir, p))).digest('hex');
    writeFileSync(tags, readFileSync(tags, 'utf8').replace(/^[0-9a-f]{64} {2}(manifest-sha256\.txt\.p7s|certs\/office-ca\.pem)$/gm, (_l, p: string) => `${sha(p)}  ${p}`));
    await check(page, dir);
    await expect(page.getByTestId('verdict')).toContainText('校验通过');
    await expect(page.getByTestId('signature')).toContainText('签名有效，签名人：赵六');
    await expect(page.getByTestId('signature')).toContainText('签名时间：2026-06-01 20:00:00（北京时间 UTC+08:00）');
    await expect(page.getByTestId('ca-fingerprint-value')).toHaveText(caFingerprint(dir));
  } finally {
    pki.remove();
  }
});
