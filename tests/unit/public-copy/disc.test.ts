// Issue 15: a public-use copy handed out on a disc. The image comes from main/disc's ISO writer; outside readers
// (xorriso, isoinfo, bsdtar, sha256sum) read it; it says on its volume and in its notice that it holds a public-use
// copy, not evidence; and nothing that checks evidence discs takes it for one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDisc } from '../../../main/disc';
import { COPY_DISC_NOTICE, COPY_DISC_SUMS, copyDiscVolume, writeCopyDisc, type CopyDisc, type CopyDiscInput } from '../../../main/public-copy';
import { tool } from '../disc/helpers';
import { tempDir } from '../../support/services';

const hasTools = ['xorriso', 'isoinfo', 'bsdtar', 'sha256sum'].every((t) => {
  try {
    return tool(t, ['--version']).status !== null;
  } catch {
    return false;
  }
});

const VIDEO = Buffer.from('not really an mp4, but bytes the disc must carry exactly '.repeat(500));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function input(work: string, copySha = sha(VIDEO)): CopyDiscInput {
  const dir = path.join(work, 'public');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'GK-0007.mp4'), VIDEO);
  writeFileSync(path.join(dir, 'GK-0007.provenance.json'), '{"record":"公开使用副本来源记录"}\n');
  writeFileSync(path.join(dir, 'GK-0007.provenance.json.p7s'), Buffer.from([0x30, 0x82, 1, 2, 3]));
  return {
    stagingDir: path.join(work, 'staging'),
    copy: { number: 'GK-0007', dir, fileName: 'GK-0007.mp4', provenanceFile: 'GK-0007.provenance.json', sha256: copySha, label: '公开使用副本 · SQ-0012 · 2026-11-20', approvalNumber: 'SQ-0012', originalName: 'A8C0077001_0001.MP4' },
    caCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    caFingerprint: 'AB:CD:EF',
    unitName: '某镇综合执法大队',
    recipient: '县融媒体中心',
    madeAt: new Date('2026-11-20T08:00:00Z'),
    madeAtLocal: '2026-11-20 16:00:00',
  };
}

describe('the public-use copy disc names', () => {
  it('say it is a public-use copy and not evidence, and never look like an evidence disc (EVID_…)', () => {
    expect(copyDiscVolume('GK-0007')).toEqual({ volumeId: 'PUBLIC_COPY_GK_0007_NOT_EVIDENCE', jolietVolumeId: '公开使用副本 GK-0007' });
    expect(copyDiscVolume('GK-12345').volumeId).toHaveLength(32);
    expect(copyDiscVolume('GK-12345').volumeId).toMatch(/^PUBLIC_COPY_GK_12345_NOT_EVIDEN/);
  });
});

describe.skipIf(!hasTools)('a public-use copy disc image', () => {
  let work: string;
  let image: string;
  let disc: CopyDisc;
  let extracted: string;

  beforeAll(async () => {
    work = tempDir('ew-pc-disc-');
    image = path.join(work, 'GK-0007.iso');
    disc = await writeCopyDisc(input(work), image);
    extracted = path.join(work, 'extracted');
    mkdirSync(extracted);
    const r = tool('bsdtar', ['-xf', image, '-C', extracted]);
    expect(r.status, r.stderr).toBe(0);
  });

  const onDisc = ['GK-0007/GK-0007.mp4', 'GK-0007/GK-0007.provenance.json', 'GK-0007/GK-0007.provenance.json.p7s', COPY_DISC_SUMS, 'certs/office-ca.pem', COPY_DISC_NOTICE];

  it('holds the copy, its provenance and signature, the CA, the hash list and the notice; xorriso and isoinfo list them', () => {
    const x = tool('xorriso', ['-indev', image, '-find', '/', '-type', 'f']);
    expect(x.status, x.stderr).toBe(0);
    const listed = x.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^'\/?|'$/g, ''));
    expect(listed.sort()).toEqual([...onDisc].sort());
    expect(disc.files.map((f) => f.path).sort()).toEqual([...onDisc].sort());
    // isoinfo prints characters outside its 8-bit set as '_'; xorriso above has the Chinese name.
    const iso = tool('isoinfo', ['-J', '-l', '-i', image]).stdout;
    for (const p of onDisc) expect(iso).toContain(p.split('/').pop()!.replace(/[^\x20-\x7e]/g, '_'));
  });

  it('carries the copy bit for bit, and sha256sum -c passes on the disc with its own list', () => {
    expect(readFileSync(path.join(extracted, 'GK-0007', 'GK-0007.mp4')).equals(VIDEO)).toBe(true);
    const r = spawnSync('sha256sum', ['-c', COPY_DISC_SUMS], { cwd: extracted, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/: OK$/gm)).toHaveLength(4);
    expect(disc.imageSha256).toBe(sha(readFileSync(image)));
  });

  it('says on its volume and first thing in its notice that it holds a public-use copy and is no evidence disc', () => {
    const d = tool('isoinfo', ['-d', '-i', image]).stdout;
    expect(d).toMatch(/Volume id:\s+PUBLIC_COPY_GK_0007_NOT_EVIDENCE/);
    const joliet = tool('xorriso', ['-indev', image, '-pvd_info']).stdout;
    expect(joliet).toMatch(/Volume Id\s*:\s*PUBLIC_COPY_GK_0007_NOT_EVIDENCE/);
    const notice = readFileSync(path.join(extracted, COPY_DISC_NOTICE), 'utf8').replace(/^\ufeff/, '');
    expect(notice.split('\r\n')[0]).toBe('公开使用副本光盘 —— 不是证据光盘');
    expect(notice).toContain('不得作为证据使用或刻入证据光盘');
    expect(notice).toContain('批准编号：SQ-0012');
    expect(notice).toContain('openssl cms -verify -binary -inform DER -in GK-0007/GK-0007.provenance.json.p7s -content GK-0007/GK-0007.provenance.json -CAfile certs/office-ca.pem');
  });

  it('has nothing of an evidence disc: no BagIt files, no data/originals/, and the evidence disc check refuses it', async () => {
    expect(disc.files.some((f) => /^(data\/|bagit\.txt|manifest-sha256)/.test(f.path))).toBe(false);
    const report = await verifyDisc(image);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => `${p.kind} ${p.path}`)).toEqual(['missing bagit.txt', 'missing manifest-sha256.txt', 'missing manifest-sha256.txt.p7s']);
  });

  it('refuses to finish when the copy is not what the register says', async () => {
    const w = tempDir('ew-pc-disc-bad-');
    await expect(writeCopyDisc(input(w, 'f'.repeat(64)), path.join(w, 'x.iso'))).rejects.toMatchObject({ code: 'PUBLIC_COPY_INTEGRITY' });
  });
});
