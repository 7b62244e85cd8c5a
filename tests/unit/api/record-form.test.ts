import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, hasTool, pdfText, proofPng, squash } from '../forms/proof';
import { makeDiscWorld, type DiscWorld } from './discs-fixture';
import { tempDir } from '../../support/services';

const PLACE = '某某镇人民路 12 号门前';

function cmsVerify(root: string, sig: string, content: string): { ok: boolean; out: string } {
  const r = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', content, '-CAfile', path.join(root, 'certs', 'office-ca.pem'), '-out', '/dev/null'],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('record form (记录表): auto-fill, signatures, voiding, DOCX, scan', () => {
  let w: DiscWorld;
  let formId: number;

  beforeAll(async () => {
    w = await makeDiscWorld();
  }, 180_000);
  afterAll(() => w.t.cleanup());

  it('drafts a form filled from the store, with the next disc number', async () => {
    const f = await w.t.call(w.officer, 'forms.recordDraft', { caseId: w.caseId });
    formId = f.id;
    expect(f.state).toBe('draft');
    expect(f.discNo).toBe('2026-001');
    expect(f.fields).toMatchObject({
      caseNumber: '某综执〔2026〕12号',
      caseTitle: '占道经营案',
      officers: ['张三'],
      cameraOperator: '张三',
      recorderBrand: '华德安',
      recorderModel: 'DSJ-V9',
      place: '',
      discNo: '2026-001',
    });
    expect(f.fields.format).toBe('MP4（H.264 视频 / AAC 音频）');
    expect(f.fields.files.map((x) => x.sha256).sort()).toEqual([...w.sha256s].sort());
    expect(f.fields.totalDurationSec).toBeGreaterThan(3);
    expect(f.fields.recordingStart < f.fields.recordingEnd).toBe(true);
    expect(f.canSign).toBe(null); // place is still empty
  });

  it('refuses signatures out of turn and by the wrong people', async () => {
    await expect(w.t.call(w.officer, 'forms.recordSign', { id: formId })).rejects.toThrow(/请先填写：录制地点/);
    await w.t.call(w.officer, 'forms.recordUpdate', { id: formId, place: PLACE });
    await expect(w.t.call(w.chief, 'forms.recordSign', { id: formId })).rejects.toThrow(/执法人员签名须由本案执法人员完成/);
    expect((await w.t.raw(w.custodian, 'forms.recordSign', { id: formId })).ok).toBe(false);
  });

  it('officer then chief sign; openssl cms -verify accepts both and fails after one changed byte', async () => {
    const a = await w.t.call(w.officer, 'forms.recordSign', { id: formId });
    expect(a.state).toBe('officer_signed');
    await expect(w.t.call(w.officer, 'forms.recordSign', { id: formId })).rejects.toThrow(/等待大队负责人签名/);
    const b = await w.t.call(w.chief, 'forms.recordSign', { id: formId });
    expect(b.state).toBe('chief_signed');
    expect(b.signatures.map((s) => [s.role, s.signer.displayName, s.verified, s.voidAt])).toEqual([
      ['officer', '张三', true, null],
      ['chief', '李队长', true, null],
    ]);

    const forms = path.join(w.t.root, 'forms');
    for (const s of b.signatures) {
      expect(s.contentFile).toBe(b.contentFile);
      const good = cmsVerify(w.t.root, path.join(forms, s.signatureFile), path.join(forms, s.contentFile));
      expect(good.ok, good.out).toBe(true);
      const bad = path.join(tempDir('ew-flip-'), 'content.json');
      copyFileSync(path.join(forms, s.contentFile), bad);
      const bytes = readFileSync(bad);
      bytes[10] = bytes[10]! ^ 0x01;
      writeFileSync(bad, bytes);
      expect(cmsVerify(w.t.root, path.join(forms, s.signatureFile), bad).ok).toBe(false);
    }
    // The content file is the canonical JSON of the fields.
    const content = JSON.parse(readFileSync(path.join(forms, b.contentFile), 'utf8')) as { fields: { place: string } };
    expect(content.fields.place).toBe(PLACE);
  });

  it('renders the DOCX in LibreOffice with every field and both electronic signatures', async () => {
    const docx = await w.t.call(w.officer, 'forms.recordDocx', { id: formId });
    expect(docx.fileName).toBe(`record-form-${formId}.docx`);
    if (!hasTool('soffice')) return;
    const out = path.resolve('test-results/record-form');
    const { form } = docxToPdf({ form: readFileSync(path.join(w.t.root, 'forms', docx.fileName)) }, out);
    const text = squash(pdfText(form!));
    const f = await w.t.call(w.officer, 'forms.recordGet', { id: formId });
    for (const want of ['执法记录仪视听资料证据记录表', '占道经营案', '2026-001', '张三', PLACE, '华德安DSJ-V9', 'MP4', '执法人员张三已签', '大队负责人李队长已签', '证书序列号']) {
      expect(text).toContain(squash(want));
    }
    for (const x of f.fields.files) expect(text).toContain(x.sha256.slice(0, 32));
    proofPng(form!, out);
  }, 180_000);

  it('a change after signing voids both signatures and returns the form to draft', async () => {
    const f = await w.t.call(w.officer, 'forms.recordUpdate', { id: formId, remarks: '现场另有手机录像一段' });
    expect(f.state).toBe('draft');
    expect(f.signatures).toHaveLength(2);
    for (const s of f.signatures) {
      expect(s.voidAt).not.toBe(null);
      expect(s.voidReason).toContain('签名失效');
      expect(s.contentFile).not.toBe(f.contentFile);
      // Still verifies against what it signed, never against the new content.
      expect(s.verified).toBe(true);
      const forms = path.join(w.t.root, 'forms');
      expect(cmsVerify(w.t.root, path.join(forms, s.signatureFile), path.join(forms, f.contentFile)).ok).toBe(false);
    }
    expect(f.officerSignedBy).toBe(null);
    // Both sign again over the new content.
    await w.t.call(w.officer, 'forms.recordSign', { id: formId });
    const again = await w.t.call(w.chief, 'forms.recordSign', { id: formId });
    expect(again.state).toBe('chief_signed');
    expect(again.signatures.filter((s) => s.voidAt === null)).toHaveLength(2);
    const actions = (await w.t.call(w.chief, 'audit.list', { action: 'record_form.', limit: 50 })).entries.map((e) => e.action).reverse();
    expect(actions).toEqual(['record_form.create', 'record_form.update', 'record_form.sign', 'record_form.sign', 'record_form.update', 'record_form.sign', 'record_form.sign']);
    const update = (await w.t.call(w.chief, 'audit.list', { action: 'record_form.update', limit: 50 })).entries[0]!;
    expect((update.details as { voidedSignatures: number[] }).voidedSignatures).toHaveLength(2);
  });

  it('attaches a scan by its bytes: PNG accepted, other types and oversize refused', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const f = await w.t.call(w.officer, 'forms.recordAttachScan', { id: formId, fileName: '扫描件.png', dataBase64: png.toString('base64') });
    expect(f.scan?.fileName).toBe(`record-form-${formId}-scan.png`);
    expect(f.state).toBe('chief_signed'); // a scan is not part of the signed content
    expect(readFileSync(path.join(w.t.root, 'forms', f.scan!.fileName)).equals(png)).toBe(true);
    await expect(
      w.t.call(w.officer, 'forms.recordAttachScan', { id: formId, fileName: 'x.pdf', dataBase64: Buffer.from('MZ not a pdf').toString('base64') }),
    ).rejects.toThrow(/PDF、JPEG 或 PNG/);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    await expect(w.t.call(w.officer, 'forms.recordAttachScan', { id: formId, fileName: 'big.pdf', dataBase64: big.toString('base64') })).rejects.toThrow(/10 MB/);
  });

  it('the CLI-free check: every valid signature file pairs with its content file in forms/', () => {
    const forms = path.join(w.t.root, 'forms');
    const listing = execFileSync('ls', [forms], { encoding: 'utf8' });
    expect(listing).toMatch(/record-form-\d+-s\d+-officer\.p7s/);
    expect(listing).toMatch(/record-form-\d+-s\d+-chief\.p7s/);
  });
});
