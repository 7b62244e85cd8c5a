import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPem } from '../../../main/crypto';
import { openIsoImage, verifyDisc } from '../../../main/disc';
import { flipByteInImage } from '../../support/iso-tamper';
import { tempDir } from '../../support/services';
import { approveCaseFor, makeDiscWorld, signedForm, type DiscWorld } from './discs-fixture';

describe('evidence disc through the API: plan, build, burn to the pseudo-drive, read back, register', () => {
  let w: DiscWorld;
  let formId: number;
  let pseudo: string;
  let discId: string;
  const before = process.env.EVIDENCE_PSEUDO_DRIVE;

  beforeAll(async () => {
    w = await makeDiscWorld();
    pseudo = path.join(tempDir('ew-pseudo-'), 'burned.iso');
    process.env.EVIDENCE_PSEUDO_DRIVE = pseudo;
  }, 180_000);
  afterAll(() => {
    if (before === undefined) delete process.env.EVIDENCE_PSEUDO_DRIVE;
    else process.env.EVIDENCE_PSEUDO_DRIVE = before;
    w.t.cleanup();
  });

  it('plans the case on a CD with its fill', async () => {
    const p = await w.t.call(w.officer, 'discs.plan', { caseId: w.caseId, mediaType: 'CD-R' });
    expect(p.discs).toHaveLength(1);
    expect(p.discs[0]!.mediaIds.sort()).toEqual([...w.mediaIds].sort());
    expect(p.discs[0]!.fillPercent).toBeGreaterThan(0);
    expect(p.discs[0]!.fillPercent).toBeLessThan(10);
  });

  it('refuses to build without a chief-signed form, and for anyone but the custodian', async () => {
    const draft = await w.t.call(w.officer, 'forms.recordDraft', { caseId: w.caseId });
    await expect(w.t.call(w.custodian, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: draft.id })).rejects.toThrow(/FORM_NOT_SIGNED/);
    formId = await signedForm(w);
    expect((await w.t.raw(w.officer, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId })).ok).toBe(false);
    expect((await w.t.raw(w.chief, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId })).ok).toBe(false);
  });

  it('refuses to build without an approved request, naming the recordings by time and officer and who must ask whom', async () => {
    const r = await w.t.raw(w.custodian, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId });
    expect(r).toMatchObject({ ok: false, error: { code: 'DISC_NOT_APPROVED' } });
    const message = r.ok ? '' : r.error.message;
    // Office zone (Asia/Shanghai): the first segment starts 01:00Z = 09:00.
    expect(message).toContain('2026-11-26 09:00:00 张三（警号 310115）');
    expect(message).toContain('承办人张三需向乡主管领导（赵乡长）提出办案查阅申请');
    expect(message).not.toMatch(/#\d/);
  });

  it("builds against the officer's approved 办案查阅 covering exactly the case: the custodian needs no leave of his own", async () => {
    await approveCaseFor(w, w.officer);
  });

  it('builds the image: signed manifest, record form with both signatures, chain of custody; the form locks', async () => {
    const [d] = await w.t.call(w.custodian, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId });
    const form = await w.t.call(w.officer, 'forms.recordGet', { id: formId });
    expect(d!.id).toBe(form.discNo);
    expect(d!.id).toBe('2026-002'); // 2026-001 went to the unsigned draft above
    discId = d!.id;
    expect(d!.builtBy).toBe('王保管');
    const image = path.join(w.t.root, 'discs', d!.id, 'image.iso');
    expect(existsSync(image)).toBe(true);
    const report = await verifyDisc(image, asPem(readFileSync(path.join(w.t.root, 'certs', 'office-ca.pem'), 'utf8')));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    const img = await openIsoImage(image);
    const names = img.files.map((f) => f.path);
    await img.close();
    expect(names).toEqual(
      expect.arrayContaining(['data/record-form.docx', 'data/record-form.content.json', 'data/record-form.officer.p7s', 'data/record-form.chief.p7s', 'data/chain-of-custody.json']),
    );
    expect(d!.files.filter((f) => f.origin === 'original').map((f) => f.sha256).sort()).toEqual([...w.sha256s].sort());

    const chain = JSON.parse(readFileSync(path.join(w.t.root, 'discs', d!.id, 'staging', 'data', 'chain-of-custody.json'), 'utf8')) as { entries: { action: string }[] };
    const actions = new Set(chain.entries.map((e) => e.action));
    for (const a of ['media.ingest', 'case.add_items', 'record_form.sign', 'access.approve']) expect(actions.has(a), a).toBe(true);

    expect(form.state).toBe('locked');
    await expect(w.t.call(w.officer, 'forms.recordUpdate', { id: formId, place: '别处' })).rejects.toThrow(/FORM_LOCKED/);
    await expect(w.t.call(w.custodian, 'discs.build', { caseId: w.caseId, mediaType: 'CD-R', recordFormId: formId })).rejects.toThrow(/DISC_EXISTS/);
    expect(d!.labelText).toContain('某综执〔2026〕12号 占道经营案');
    expect(d!.labelText).toContain(`光盘编号：${d!.id}（第 1 张 / 共 1 张）`);
  }, 120_000);

  it('offers only listed drives: the pseudo-drive, never a path the caller makes up', async () => {
    const drives = await w.t.call(w.custodian, 'discs.drives');
    expect(drives.find((x) => x.pseudo)?.id).toBe(`stdio:${pseudo}`);
    await expect(w.t.call(w.custodian, 'discs.burn', { discId, driveId: 'stdio:/tmp/elsewhere.iso' })).rejects.toThrow(/DRIVE_NOT_FOUND/);
  });

  it('burns to the pseudo-drive and the read-back against the ingest hashes passes', async () => {
    const burned = await w.t.call(w.custodian, 'discs.burn', { discId, driveId: `stdio:${pseudo}` });
    expect(burned.burnedBy).toBe('王保管');
    expect(burned.drive).toBe(`stdio:${pseudo}`);
    const r = await w.t.call(w.custodian, 'discs.verifyBurn', { discId });
    expect(r.readbackOk).toBe(true);
    expect(r.readback!.files.every((f) => f.status === 'ok')).toBe(true);
    expect(r.readback!.checked).toBe(r.files.length);
  }, 120_000);

  it('fails the read-back naming the file after one byte of the burned disc is flipped', async () => {
    const victim = await flipByteInImage(pseudo, (p) => p.startsWith('data/originals/'), 100);
    const r = await w.t.call(w.custodian, 'discs.verifyBurn', { discId });
    expect(r.readbackOk).toBe(false);
    expect(r.readback!.files.filter((f) => f.status !== 'ok').map((f) => [f.path, f.status])).toEqual([[victim, 'changed']]);
  }, 120_000);

  it('the register shows who built and burned, when, and the check result; every step is audited', async () => {
    const list = await w.t.call(w.chief, 'discs.list', { caseId: w.caseId });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: discId, caseNumber: '某综执〔2026〕12号', builtBy: '王保管', burnedBy: '王保管', readbackOk: false, discIndex: 1, discCount: 1, mediaType: 'CD-R' });
    const got = await w.t.call(w.officer, 'discs.get', { id: discId });
    expect(got.files.length).toBeGreaterThan(2);
    const actions = (await w.t.call(w.chief, 'audit.list', { action: 'disc.', limit: 50 })).entries.map((e) => e.action).reverse();
    expect(actions).toEqual(['disc.build', 'disc.burn', 'disc.readback', 'disc.readback']);
    const lock = await w.t.call(w.chief, 'audit.list', { action: 'record_form.lock' });
    expect(lock.total).toBe(1);
    // The audit page names people and objects (issue 11 item 10): actor, target and ids in the details by name.
    expect(lock.entries[0]).toMatchObject({ actorName: '王保管', targetName: `记录表 ${discId}（某综执〔2026〕12号）` });
    const build = (await w.t.call(w.chief, 'audit.list', { action: 'disc.build' })).entries[0]!;
    expect(build).toMatchObject({ targetName: `光盘 ${discId}`, refs: { [`caseId:${w.caseId}`]: '案件 某综执〔2026〕12号 占道经营案' } });
    const ingest = (await w.t.call(w.chief, 'audit.list', { action: 'media.ingest', limit: 1 })).entries[0]!;
    expect(ingest.targetName).toMatch(/\.MP4$/i);
    expect((await w.t.call(w.chief, 'audit.verify')).ok).toBe(true);
  });
});
