import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDisc } from '../../../main/disc';
import { openIsoImage } from '../../../main/disc/iso-reader';
import { makeOffice } from '../crypto/helpers';
import { runInProcess } from '../cli/run-cli';
import { CREATED_AT, makeBagFixture, type BagFixture } from './bag-fixture';
import { tempDir, tool } from './helpers';

let work: string;
let f: BagFixture;
let folder: string;

beforeAll(async () => {
  work = await tempDir('evidence-discverify-');
  f = await makeBagFixture(work);
  folder = join(work, 'mounted');
  await mkdir(folder);
  expect(tool('bsdtar', ['-xf', f.imagePath, '-C', folder]).status).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** disc-verify in this process at the fixture's time: it reads no archive, only the disc and its own clock. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runInProcess(args, { clock: { now: () => new Date(CREATED_AT) } });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('verifyDisc', () => {
  it('passes the ISO image and the mounted folder, with the signer and the CA fingerprint', async () => {
    for (const p of [f.imagePath, folder]) {
      const r = await verifyDisc(p, f.office.caCertPem);
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ ok: true, caMatchesArchive: true, signature: { ok: true, signer: '李明' } });
      expect(r.filesChecked).toBe(f.bag.payload.length + 7);
      expect(r.bagInfo['Bag-Count']).toBe('1 of 2');
    }
  });

  it('names a changed file, a planted file and a different CA', async () => {
    const copy = join(work, 'tampered');
    await cp(folder, copy, { recursive: true });
    const victim = f.bag.payload[0]!.discPath;
    const b = await readFile(join(copy, victim));
    b[3] = b[3]! ^ 0x10;
    await writeFile(join(copy, victim), b);
    await writeFile(join(copy, 'data', 'planted.txt'), 'x');
    const other = await makeOffice(new Date('2026-01-05T08:00:00Z'), { commonName: '别的单位', organization: '别处' });
    const r = await verifyDisc(copy, other.caCertPem);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.kind} ${p.path}`).sort()).toEqual(
      ['ca certs/office-ca.pem', `changed ${victim}`, 'extra data/planted.txt', 'signature manifest-sha256.txt.p7s'].sort(),
    );
  });
});

describe('verifyDisc as RFC 8493 reads a bag', () => {
  it('requires bagit.txt', async () => {
    const copy = join(work, 'no-bagit');
    await cp(folder, copy, { recursive: true });
    await rm(join(copy, 'bagit.txt'));
    const r = await verifyDisc(copy, f.office.caCertPem);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({ kind: 'missing', path: 'bagit.txt', message: '缺少校验所需的文件：bagit.txt' });
  });

  it('names a bagit.txt without its declarations', async () => {
    const copy = join(work, 'bad-bagit');
    await cp(folder, copy, { recursive: true });
    await writeFile(join(copy, 'bagit.txt'), 'BagIt-Version: one\n');
    const r = await verifyDisc(copy, f.office.caCertPem);
    expect(r.ok).toBe(false);
    // Both declarations missing, and the file no longer what the tag manifest lists.
    expect(r.problems.filter((p) => p.path === 'bagit.txt').map((p) => p.kind)).toEqual(['manifest', 'manifest', 'changed']);
  });

  it('allows tag files the tag manifest does not list, but not unlisted payload', async () => {
    const copy = join(work, 'extra-tags');
    await cp(folder, copy, { recursive: true });
    await writeFile(join(copy, 'tagmanifest-md5.txt'), 'not ours\n');
    await mkdir(join(copy, 'notes'));
    await writeFile(join(copy, 'notes', '说明.txt'), '另附说明');
    expect(await verifyDisc(copy, f.office.caCertPem)).toMatchObject({ ok: true, problems: [] });
    await writeFile(join(copy, 'data', 'unlisted.bin'), 'x');
    const r = await verifyDisc(copy, f.office.caCertPem);
    expect(r.problems.map((p) => `${p.kind} ${p.path}`)).toEqual(['extra data/unlisted.bin']);
  });
});

describe('verifyDisc on images without Joliet', () => {
  it('reads a Rock Ridge image under its Rock Ridge names', async () => {
    const rr = join(work, 'rock-ridge.iso');
    const made = tool('xorriso', ['-as', 'mkisofs', '-R', '-o', rr, folder]);
    expect(made.status, made.stderr).toBe(0);
    expect(tool('isoinfo', ['-d', '-i', rr]).stdout).toMatch(/NO Joliet present/);
    const r = await verifyDisc(rr, f.office.caCertPem);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, kind: 'image', signature: { ok: true, signer: '李明' } });
    expect(r.filesChecked).toBe(f.bag.payload.length + 7);
  });

  it('reads a plain ISO 9660 image under its ISO 9660 names instead of refusing it', async () => {
    const plain = join(work, 'plain.iso');
    const made = tool('xorriso', ['-as', 'mkisofs', '--norock', '-o', plain, folder]);
    expect(made.status, made.stderr).toBe(0);
    expect(tool('isoinfo', ['-d', '-i', plain]).stdout).toMatch(/NO Joliet present[\s\S]*NO Rock Ridge present/);
    const r = await verifyDisc(plain, f.office.caCertPem);
    // 8.3 upper-case names do not match the manifest's: the check runs and says what it cannot find.
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.kind} ${p.path}`)).toContain('missing manifest-sha256.txt');
    const img = await openIsoImage(plain);
    try {
      expect(img.files.map((x) => x.path)).toContain('BAGIT.TXT');
    } finally {
      await img.close();
    }
  });
});

describe('npm run evidence -- disc-verify', () => {
  it('exits 0 on a good disc, 1 with the problems named, 2 on usage errors', async () => {
    const good = await cli(['disc-verify', f.imagePath]);
    expect(good.code).toBe(0);
    expect(good.out).toContain('OK: no problems found');
    // The disc CA's fingerprint as openssl prints it, to compare with the one the office publishes.
    const fp = tool('openssl', ['x509', '-in', join(folder, 'certs', 'office-ca.pem'), '-noout', '-fingerprint', '-sha256']).stdout.trim().split('=')[1]!;
    expect(fp).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(good.out).toContain(`disc CA SHA-256 fingerprint: ${fp}\n`);
    expect(good.out).toContain('compare its fingerprint with the one the office publishes');
    const withCa = await cli(['disc-verify', f.imagePath, '--ca', join(folder, 'certs', 'office-ca.pem')]);
    expect(withCa.out).toContain(`disc CA SHA-256 fingerprint: ${fp} (matches --ca)`);

    const bad = join(work, 'bad-manifest');
    await cp(folder, bad, { recursive: true });
    const m = await readFile(join(bad, 'manifest-sha256.txt'));
    m[0] = m[0] === 0x61 ? 0x62 : 0x61;
    await writeFile(join(bad, 'manifest-sha256.txt'), m);
    const r = await cli(['disc-verify', bad, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; problems: { kind: string; path: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'signature')).toBe(true);

    expect((await cli(['disc-verify'])).code).toBe(2);
    expect((await cli(['disc-verify', join(work, 'nothing-here')])).code).toBe(2);
  });
});
