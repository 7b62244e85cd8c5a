import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { buildDiscImage, stageBag } from '../../../main/disc';
import { atTime } from '../../support/cms';
import { openssl } from '../crypto/helpers';
import { CREATED_AT, LABEL, makeBagFixture, OFFICE_TIME_ZONE, ORIGINALS, type BagFixture } from './bag-fixture';
import { sha256, sha256File, tempDir, tool } from './helpers';

let work: string;
let f: BagFixture;
let extracted: string;

const TAG_FILES = ['README.txt', 'bag-info.txt', 'bagit.txt', 'certs/office-ca.pem', 'manifest-sha256.txt', 'manifest-sha256.txt.p7s', 'tagmanifest-sha256.txt', 'verify/verify.html'];
const DATA_FILES = [
  ...Object.keys(ORIGINALS).map((t) => `data/originals/${t}`),
  'data/chain-of-custody.json',
  'data/record-form.docx',
  'data/record-form.officer.p7s',
];

beforeAll(async () => {
  work = await tempDir('evidence-bag-');
  f = await makeBagFixture(work);
  extracted = join(work, 'extracted');
  const r = tool('bsdtar', ['-xf', f.imagePath, '-C', await mkdirp(extracted)]);
  expect(r.status, r.stderr).toBe(0);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function mkdirp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('bag on the image', () => {
  it('lists every file with xorriso, isoinfo -J and bsdtar, Chinese names included', () => {
    const all = [...TAG_FILES, ...DATA_FILES].sort();
    const x = tool('xorriso', ['-indev', f.imagePath, '-find', '/', '-type', 'f']);
    expect(x.status, x.stderr).toBe(0);
    const xfiles = x.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^'\/?|'$/g, '')).sort();
    expect(xfiles).toEqual(all);

    const iso = tool('isoinfo', ['-J', '-l', '-i', f.imagePath]);
    expect(iso.status, iso.stderr).toBe(0);
    // isoinfo prints characters outside its 8-bit set as '_' (see write-iso.test.ts); the names are checked by the others.
    for (const p of all) expect(iso.stdout).toContain(p.split('/').pop()!.replace(/[^\x20-\x7e]/g, '_'));
    expect(iso.stdout).toContain('Directory listing of /data/originals/2026/11/27/REC01/');

    const t = tool('bsdtar', ['-tf', f.imagePath]);
    expect(t.status, t.stderr).toBe(0);
    // bsdtar lists directories too (without a trailing slash): everything else must be a folder of a file.
    const entries = t.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^\.\/?/, '').replace(/\/$/, '')).filter(Boolean);
    const dirs = new Set(all.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    expect(entries.filter((e) => !dirs.has(e)).sort()).toEqual(all);
  });

  it('holds the originals bit-exact (bsdtar extraction hashes equal the originals)', async () => {
    for (const [target, content] of Object.entries(ORIGINALS)) {
      expect(await sha256File(join(extracted, 'data', 'originals', ...target.split('/')))).toBe(sha256(content));
    }
  });

  it('passes sha256sum -c on the extracted tree, and the manifest lists every payload file with store hashes', async () => {
    const r = tool('sha256sum', ['-c', '--strict', join(extracted, 'manifest-sha256.txt')]);
    // sha256sum resolves names relative to the working directory.
    const inTree = tool('sh', ['-c', `cd '${extracted}' && sha256sum -c --strict manifest-sha256.txt`]);
    expect(inTree.status, inTree.stdout + inTree.stderr).toBe(0);
    expect(inTree.stdout.trim().split('\n')).toHaveLength(DATA_FILES.length);
    expect(r.status).not.toBe(0); // sanity: from elsewhere the relative names do not resolve
    const manifest = await readFile(join(extracted, 'manifest-sha256.txt'), 'utf8');
    for (const it of f.items) expect(manifest).toContain(`${it.sha256}  data/originals/${it.target}\n`);
    const tags = tool('sh', ['-c', `cd '${extracted}' && sha256sum -c --strict tagmanifest-sha256.txt`]);
    expect(tags.status, tags.stdout + tags.stderr).toBe(0);
  });

  it('has a manifest signature openssl cms accepts, and rejects after one changed byte', async () => {
    // The README's command, at the time the bag was signed: the fixture's certificates have fixed dates.
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'manifest-sha256.txt.p7s', '-content', 'manifest-sha256.txt', '-CAfile', 'certs/office-ca.pem', ...atTime(CREATED_AT), '-out', '/dev/null'];
    const good = openssl(args, extracted);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toContain('Verification successful');

    const manifest = await readFile(join(extracted, 'manifest-sha256.txt'));
    const bad = Buffer.from(manifest);
    bad[10] = bad[10] === 0x30 ? 0x31 : 0x30;
    await writeFile(join(extracted, 'manifest-sha256.txt'), bad);
    try {
      const r = openssl(args, extracted);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/digest failure|verification failure/i);
    } finally {
      await writeFile(join(extracted, 'manifest-sha256.txt'), manifest);
    }
  });

  it('writes BagIt tag files with the disc and case', async () => {
    expect(await readFile(join(extracted, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = await readFile(join(extracted, 'bag-info.txt'), 'utf8');
    const payloadBytes = f.bag.payload.reduce((s, p) => s + p.size, 0);
    expect(info).toContain(`Payload-Oxum: ${payloadBytes}.${DATA_FILES.length}\n`);
    expect(info).toContain('External-Identifier: D2026-0007\n');
    expect(info).toContain(`Bag-Group-Identifier: ${LABEL.caseNumber}\n`);
    expect(info).toContain('Bag-Count: 1 of 2\n');
    expect(info).toContain('Bagging-Date: 2026-11-29\n');
    expect(info).toMatch(/Internal-Sender-Description: .*占道经营案.*第1张，共2张/);
    const readme = await readFile(join(extracted, 'README.txt'), 'utf8');
    expect(readme).toContain('verify/verify.html');
    expect(readme).toContain('sha256sum -c manifest-sha256.txt');
    expect(readme).toContain('openssl cms -verify -binary -inform DER -in manifest-sha256.txt.p7s -content manifest-sha256.txt -CAfile certs/office-ca.pem');
    expect(readme).toContain('李明');
    // The office CA's fingerprint, exactly as openssl prints it for the CA on the disc, to compare with the published one.
    const fp = openssl(['x509', '-in', 'certs/office-ca.pem', '-noout', '-fingerprint', '-sha256'], extracted).stdout.trim().split('=')[1]!;
    expect(fp).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(readme).toContain(`\r\n  ${fp}\r\n`);
    expect(readme).toContain('另行公布');
    const html = await readFile(join(extracted, 'verify', 'verify.html'), 'utf8');
    // Offline: nothing loaded from anywhere, and the page's policy would refuse it. URLs may stand only in the
    // bundled libraries' licence comments (/*! … */), which must be kept.
    expect(html).toContain("default-src 'none'");
    expect(html.replace(/\/\*![\s\S]*?\*\//g, '')).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
    expect(html).toContain('@noble/hashes');
    expect(f.image.payloadChecked).toBe(DATA_FILES.length);
  });

  it('never copies originals into the staging folder', () => {
    for (const t of Object.keys(ORIGINALS)) expect(existsSync(join(f.bag.stagingDir, 'data', 'originals', ...t.split('/')))).toBe(false);
    const fromArchive = f.bag.sources.filter((s) => s.imagePath.startsWith('data/originals/'));
    expect(fromArchive.every((s) => s.diskPath.includes(join('archive', 'originals')))).toBe(true);
  });

  it('refuses to build an image when an original no longer has the stored hash, and leaves no image', async () => {
    const item = f.items[1]!;
    const copy = join(work, 'changed.MP4');
    await copyFile(item.diskPath, copy);
    const content = await readFile(copy);
    content[100] = content[100]! ^ 0xff;
    await writeFile(copy, content);
    const bag = await stageBag({
      stagingDir: join(work, 'staging-bad'),
      items: [{ ...item, diskPath: copy }],
      chainOfCustody: [],
      label: { ...LABEL, discCount: 1 },
      signer: { certPem: f.office.userCertPem, privateKeyPem: f.office.userKeys.privateKeyPem },
      caCertPem: f.office.caCertPem,
      createdAt: CREATED_AT,
      timeZone: OFFICE_TIME_ZONE,
    });
    const out = join(work, 'bad.iso');
    const err = await buildDiscImage(bag, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DISC_HASH_MISMATCH');
    expect((err as AppError).userMessage).toContain(item.target.split('/').pop()!);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an image larger than the chosen disc', async () => {
    const err = await buildDiscImage(f.bag, join(work, 'small.iso'), { capacityBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('DISC_TOO_SMALL');
  });
});
