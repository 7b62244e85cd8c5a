// Issue 15 item 2: a real render of a public-use copy, measured. The region's pattern is gone, the rest of the picture
// is as it was, the label is burned in, the muted range is silent, the provenance verifies with openssl and names
// the right hashes, the original is untouched; handing out is recorded.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyOperations } from '../../../main/common';
import { findLabelFont, type CopyDiscProgressDto, type ProvenanceRecord, type PublicCopyDto } from '../../../main/public-copy';
import { opensslCmsVerify } from '../../support/cms';
import { approved, boxAt, greyFrame, maxVolume, meanAbsDiff, officeWithPatternClip, variance, type CopyOffice } from './fixture';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The copy covers 0.5–3.5 s of the original; copy time τ is original time τ + 0.5. */
const OPS: CopyOperations = {
  range: { from: 0.5, to: 3.5 },
  regions: [{ kind: 'face', style: 'blur', from: 0, to: 4, keyFrames: [{ t: 0, ...boxAt(0) }, { t: 4, ...boxAt(4) }] }],
  mute: [{ from: 1.5, to: 2.5 }],
};
const inner = (t: number) => {
  const b = boxAt(t);
  return { x: b.x + 3, y: b.y + 3, w: b.w - 6, h: b.h - 6 };
};
const OUTSIDE = { x: 0, y: 0, w: 60, h: 50 };
const LABEL_CORNER = { x: 200, y: 222, w: 118, h: 16 };

/** The label needs a font with Chinese glyphs; without one no copy is made at all (and this suite says so). */
const noLabelFont = (() => {
  try {
    findLabelFont();
    return false;
  } catch {
    return true;
  }
})();

let o: CopyOffice;
let requestId: number;
let copy: PublicCopyDto;
let dir: string;

beforeAll(async () => {
  if (noLabelFont) return;
  o = await officeWithPatternClip();
  requestId = await approved(o, 'public');
  const { jobId } = await o.t.call(o.chief, 'publicCopies.render', { requestId, mediaId: o.mediaId, operations: OPS });
  await o.t.services.jobs.get(`public-copy:${jobId}`)?.done;
  copy = (await o.t.call(o.chief, 'publicCopies.list'))[0]!;
  dir = o.t.services.archive.open().paths.publicCopies;
  if (process.env.EVIDENCE_KEEP_PROVENANCE) copyFileSync(path.join(o.t.services.archive.open().paths.forms, copy.docxFile), path.join(process.env.EVIDENCE_KEEP_PROVENANCE, copy.docxFile));
}, 120_000);
afterAll(() => o?.t.cleanup());

const original = () => path.join(o.t.root, o.storedPath);

describe.skipIf(noLabelFont)('a public-use copy rendered from a clip with a moving pattern', () => {
  it('is listed on its own, under derived/public/, as an H.264/AAC MP4 labelled with the approval', () => {
    expect(copy).toMatchObject({ number: 'GK-0001', mediaId: o.mediaId, requestId, fileName: 'GK-0001.mp4', sourceSha256: o.sha256, operations: OPS });
    expect(copy.label).toMatch(new RegExp(`^公开使用副本 · SQ-${String(requestId).padStart(4, '0')} · 2026-11-20$`));
    const file = path.join(dir, copy.fileName);
    expect(sha(file)).toBe(copy.sha256);
    expect(statSync(file).mode & 0o222).toBe(0);
    // Never an original: no media row holds its hash.
    expect(o.t.services.archive.open().db.prepare('SELECT COUNT(*) AS n FROM media WHERE sha256 = ?').get(copy.sha256)).toEqual({ n: 1 - 1 });
  });

  it('blurs the moving region in every sampled frame and leaves the picture outside it as it was', async () => {
    const file = path.join(dir, copy.fileName);
    for (const tau of [0.3, 1.2, 2.1, 2.8]) {
      const t = tau + OPS.range.from;
      const [src, out] = await Promise.all([greyFrame(original(), t), greyFrame(file, tau)]);
      expect(variance(src, inner(t))).toBeGreaterThan(5000);
      expect(variance(out, inner(t))).toBeLessThan(300);
      const before = variance(src, OUTSIDE);
      expect(variance(out, OUTSIDE)).toBeGreaterThan(before * 0.8);
      expect(variance(out, OUTSIDE)).toBeLessThan(before * 1.25);
      expect(meanAbsDiff(src, out, OUTSIDE)).toBeLessThan(6);
    }
  });

  it('burns the label into the bottom right corner', async () => {
    const [src, out] = await Promise.all([greyFrame(original(), 1.5), greyFrame(path.join(dir, copy.fileName), 1)]);
    expect(meanAbsDiff(src, out, LABEL_CORNER)).toBeGreaterThan(30);
  });

  it('is silent over the muted range and sounds outside it', async () => {
    const file = path.join(dir, copy.fileName);
    expect(await maxVolume(file, 1.1, 0.8)).toBeLessThan(-80);
    expect(await maxVolume(file, 0.1, 0.7)).toBeGreaterThan(-20);
    expect(await maxVolume(file, 2.2, 0.6)).toBeGreaterThan(-20);
  });

  it('has a provenance record that openssl verifies and that names the original, the approval, the operations and the copy', () => {
    const content = path.join(dir, copy.provenanceFile);
    const ca = path.join(mkdtempSync(path.join(tmpdir(), 'ew-ca-')), 'ca.pem');
    writeFileSync(ca, o.t.services.archive.office().caCertPem);
    const check = opensslCmsVerify({ signature: `${content}.p7s`, content, caFile: ca, at: o.t.clock.now() });
    expect(check.ok, check.out).toBe(true);
    const record = JSON.parse(readFileSync(content, 'utf8')) as ProvenanceRecord;
    expect(record.source).toMatchObject({ mediaId: o.mediaId, sha256: o.sha256, sha256Before: o.sha256, sha256After: o.sha256 });
    expect(record.copy).toMatchObject({ fileName: 'GK-0001.mp4', sha256: sha(path.join(dir, copy.fileName)) });
    expect(record.approval).toMatchObject({ requestId, type: 'public', decidedBy: '李队长', requestedBy: '王警官' });
    expect(record.operations).toEqual(OPS);
    expect(record.ffmpeg.version).toMatch(/^ffmpeg version /);
    expect(record.ffmpeg.command).toContain('-filter_complex');
    expect(record.madeBy).toMatchObject({ login: 'chief', name: '李队长' });
    expect(sha(content)).toBe(copy.provenanceSha256);
    // And it has been tampered with nowhere: one byte changed fails the check.
    const forged = path.join(path.dirname(ca), 'forged.json');
    writeFileSync(forged, readFileSync(content, 'utf8').replace(o.sha256, o.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expect(opensslCmsVerify({ signature: `${content}.p7s`, content: forged, caFile: ca, at: o.t.clock.now() }).ok).toBe(false);
  });

  it('leaves the original untouched: its hash verifies after the render', () => {
    expect(sha(original())).toBe(o.sha256);
  });

  it('prints the provenance as a DOCX in forms/', async () => {
    const doc = await o.t.call(o.chief, 'publicCopies.provenanceDocx', { id: copy.id });
    expect(doc.fileName).toBe('公开副本来源记录-0001.docx');
    expect(sha(path.join(o.t.services.archive.open().paths.forms, doc.fileName))).toBe(doc.sha256);
  });

  it('hands the copy out to a folder with its signed provenance, recorded and audited; never into the archive', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ew-handout-'));
    const after = await o.t.call(o.chief, 'publicCopies.handOut', { id: copy.id, folder, recipient: '县融媒体中心', reason: '新闻通稿' });
    expect(after.handOuts).toEqual([expect.objectContaining({ recipient: '县融媒体中心', reason: '新闻通稿', by: '李队长', destination: path.join(folder, 'GK-0001') })]);
    for (const f of ['GK-0001.mp4', 'GK-0001.provenance.json', 'GK-0001.provenance.json.p7s']) expect(existsSync(path.join(folder, 'GK-0001', f))).toBe(true);
    expect(sha(path.join(folder, 'GK-0001', 'GK-0001.mp4'))).toBe(copy.sha256);
    const audit = o.t.services.archive.open().db.prepare("SELECT action, target, details FROM audit_log WHERE action LIKE 'public_copy.%' ORDER BY seq").all() as { action: string; target: string; details: string }[];
    // The render's start is on the record before its end, with what it was started on.
    expect(audit.map(({ action, target }) => ({ action, target }))).toEqual([
      { action: 'public_copy.start', target: `media:${o.mediaId}` },
      { action: 'public_copy.make', target: 'public_copy:1' },
      { action: 'public_copy.hand_out', target: 'public_copy:1' },
    ]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ requestId, sourceSha256: o.sha256, durationSec: 3, regions: 1, muteRanges: 1, jobId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    await expect(o.t.call(o.chief, 'publicCopies.handOut', { id: copy.id, folder: o.t.root, recipient: 'x', reason: 'y' })).rejects.toMatchObject({ code: 'HANDOUT_FOLDER' });
  });
});

describe.skipIf(noLabelFont)('a public-use copy handed out on a disc', () => {
  const before = process.env.EVIDENCE_PSEUDO_DRIVE;
  let pseudo: string;
  beforeAll(() => {
    pseudo = path.join(mkdtempSync(path.join(tmpdir(), 'ew-pc-pseudo-')), 'disc.iso');
    process.env.EVIDENCE_PSEUDO_DRIVE = pseudo;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.EVIDENCE_PSEUDO_DRIVE;
    else process.env.EVIDENCE_PSEUDO_DRIVE = before;
  });

  it('refuses a drive that is not in the list, recording nothing', async () => {
    await expect(o.t.call(o.chief, 'publicCopies.handOutDisc', { id: copy.id, driveId: 'stdio:/tmp/elsewhere.iso', recipient: '县政府办公室', reason: '政务公开' })).rejects.toMatchObject({ code: 'DRIVE_NOT_FOUND' });
    expect((await o.t.call(o.chief, 'publicCopies.list'))[0]!.handOuts.filter((h) => h.medium === 'disc')).toEqual([]);
  });

  it('burns a 公开使用副本光盘 in the drive, reads it back, records and audits it; the disc is in no evidence register', async () => {
    const drive = (await o.t.call(o.chief, 'publicCopies.drives')).find((d) => d.pseudo)!;
    // The dialog's progress bar hears each step (image, burn, read-back) for this copy, told to the chief alone.
    const heard: { to: string; p: CopyDiscProgressDto }[] = [];
    const host = o.t.services.host;
    const { emit } = host;
    host.emit = (to, event, payload) => {
      if (event === 'publicCopies.discProgress') heard.push({ to: to === 'all' ? 'all' : to.id, p: payload as CopyDiscProgressDto });
    };
    const after = await o.t.call(o.chief, 'publicCopies.handOutDisc', { id: copy.id, driveId: drive.id, recipient: '县政府办公室', reason: '政务公开' });
    if (emit) host.emit = emit;
    else delete host.emit;
    expect(heard.every((h) => h.to === o.chief.id && h.p.copyId === copy.id)).toBe(true);
    expect([...new Set(heard.map((h) => h.p.step))]).toEqual(['image', 'burn', 'readback']);
    const last = (step: CopyDiscProgressDto['step']) => heard.filter((h) => h.p.step === step).at(-1)!.p;
    expect(last('image').percent).toBe(100);
    expect(last('readback').percent).toBe(100);
    expect(heard.filter((h) => h.p.step === 'readback').map((h) => h.p.current)).toContain('GK-0001/GK-0001.mp4');
    expect(after.handOuts.at(-1)).toMatchObject({ medium: 'disc', volumeId: 'PUBLIC_COPY_GK_0001_NOT_EVIDENCE', readBack: 'ok', recipient: '县政府办公室', by: '李队长', destination: `光盘“公开使用副本 GK-0001”（xorriso stdio，stdio:${pseudo}）` });
    expect(after.handOuts[0]).toMatchObject({ medium: 'folder', volumeId: null, readBack: null });

    // What was burned: the copy bit for bit, and a provenance openssl verifies with the CA on the disc itself.
    const out = mkdtempSync(path.join(tmpdir(), 'ew-pc-burned-'));
    const r = spawnSync('bsdtar', ['-xf', pseudo, '-C', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(sha(path.join(out, 'GK-0001', 'GK-0001.mp4'))).toBe(copy.sha256);
    const content = path.join(out, 'GK-0001', 'GK-0001.provenance.json');
    expect(opensslCmsVerify({ signature: `${content}.p7s`, content, caFile: path.join(out, 'certs', 'office-ca.pem'), at: o.t.clock.now() }).ok).toBe(true);
    expect(readFileSync(path.join(out, '公开使用副本-非证据光盘.txt'), 'utf8')).toContain('不是证据光盘');

    const db = o.t.services.archive.open().db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM discs').get()).toEqual({ n: 0 });
    expect(readdirSync(path.join(dir, 'discs'))).toEqual([]);
    const row = db.prepare("SELECT details FROM audit_log WHERE action = 'public_copy.hand_out_disc'").get() as { details: string };
    expect(JSON.parse(row.details)).toMatchObject({ volumeId: 'PUBLIC_COPY_GK_0001_NOT_EVIDENCE', readBack: true, sha256: copy.sha256, imageSha256: expect.stringMatching(/^[0-9a-f]{64}$/), recipient: '县政府办公室' });
  });
});
