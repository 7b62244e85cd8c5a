import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeSuite } from '../../support/office-suite';
import { formatBytes, formatDurationClock } from '../../../main/common';
import { formatDateTime } from '../../../main/forms';
import { docxBlocks, docxPart, fieldsOf, paragraphsIn, tableStartingWith } from '../forms/docx-read';
import { docxToPdf, onPaperCheck, pagesWith, pdfPageTexts, pdfToolsMissing, proofPngs, squash } from '../forms/proof';
import { makeDiscWorld, type DiscWorld } from './discs-fixture';
import { opensslCmsVerify, type CmsVerifyResult } from '../../support/cms';
import { OFFICE_SETUP, tempDir } from '../../support/services';

const PLACE = '某某镇人民路 12 号门前';
const pdfMissing = pdfToolsMissing();
if (pdfMissing) console.log(`record form: PDF check skipped — ${pdfMissing}`);

/** openssl checks the signature at the test clock's time: the certificates carry that clock's dates. */
function cmsVerify(w: DiscWorld, sig: string, content: string): CmsVerifyResult {
  return opensslCmsVerify({ signature: sig, content, caFile: path.join(w.t.root, 'certs', 'office-ca.pem'), at: w.t.clock.now() });
}

describe('record form (记录表): auto-fill, signatures, voiding, DOCX, scan', () => {
  const w = officeSuite(makeDiscWorld, 180_000);
  let formId: number;
  let docxFile: string;

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
    expect(f.signRefusal).toBe('请先填写：录制地点');
    // The officer's account is the officer with its badge (made with the account): the rule is named, not hidden.
    expect((await w.t.call(w.chief, 'forms.recordGet', { id: f.id })).signRefusal).toBe('执法人员签名须由本案执法人员完成');
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
      const good = cmsVerify(w, path.join(forms, s.signatureFile), path.join(forms, s.contentFile));
      expect(good.ok, good.out).toBe(true);
      const bad = path.join(tempDir('ew-flip-'), 'content.json');
      copyFileSync(path.join(forms, s.contentFile), bad);
      const bytes = readFileSync(bad);
      bytes[10] = bytes[10]! ^ 0x01;
      writeFileSync(bad, bytes);
      expect(cmsVerify(w, path.join(forms, s.signatureFile), bad).ok).toBe(false);
    }
    // The content file is the canonical JSON of the fields.
    const content = JSON.parse(readFileSync(path.join(forms, b.contentFile), 'utf8')) as { fields: { place: string } };
    expect(content.fields.place).toBe(PLACE);
  });

  it('prints the office CA fingerprint that office.get shows and openssl computes', async () => {
    const ca = execFileSync('openssl', ['x509', '-in', path.join(w.t.root, 'certs', 'office-ca.pem'), '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
    const fingerprint = ca.trim().split('=')[1]!;
    expect(fingerprint).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect((await w.t.call(w.officer, 'office.get', {})).caFingerprintSha256).toBe(fingerprint);
    const docx = await w.t.call(w.officer, 'forms.recordDocx', { id: formId });
    expect(docxPart(readFileSync(path.join(w.t.root, 'forms', docx.fileName)))).toContain(fingerprint);
  });

  it('prints every field, every full hash and both electronic signatures into the DOCX', async () => {
    const docx = await w.t.call(w.officer, 'forms.recordDocx', { id: formId });
    const f = await w.t.call(w.officer, 'forms.recordGet', { id: formId });
    expect(docx.fileName).toBe(`记录表-${f.discNo}.docx`);
    docxFile = path.join(w.t.root, 'forms', docx.fileName);
    const blocks = docxBlocks(docxPart(readFileSync(path.join(w.t.root, 'forms', docx.fileName))));
    expect(fieldsOf(tableStartingWith(blocks, '案件名称'))).toEqual(
      new Map([
        ['案件名称', '占道经营案'],
        ['案号', '某综执〔2026〕12号'],
        ['光盘编号', '2026-001'],
        ['执法人员', '张三'],
        ['摄录人', '张三'],
        ['记录仪品牌型号', '华德安 DSJ-V9'],
        ['录制开始时间', formatDateTime(new Date(f.fields.recordingStart), OFFICE_SETUP.timeZone)],
        ['录制结束时间', formatDateTime(new Date(f.fields.recordingEnd), OFFICE_SETUP.timeZone)],
        ['录制地点', PLACE],
        ['文件格式', 'MP4（H.264 视频 / AAC 音频）'],
        ['时长及大小', `${formatDurationClock(f.fields.totalDurationSec)}，${formatBytes(f.fields.totalBytes)}`],
      ]),
    );
    const files = tableStartingWith(blocks, '序号', '文件名');
    expect(files.slice(1).map((row) => [row[0], row[1], row[5]])).toEqual(
      f.fields.files.map((x, i) => [String(i + 1), x.name, `${x.sha256.slice(0, 32)}\n${x.sha256.slice(32)}`]),
    );
    expect(files.slice(1).map((row) => row[5]?.replace('\n', '')).sort()).toEqual([...w.sha256s].sort());
    const signed = f.signatures.filter((s) => s.voidAt === null);
    expect(signed.map((s) => s.role)).toEqual(['officer', 'chief']);
    const line = (s: (typeof signed)[number]): string =>
      `${s.role === 'officer' ? '执法人员' : '大队负责人'} ${s.signer.displayName} 已签（${formatDateTime(new Date(s.signedAt), OFFICE_SETUP.timeZone)}，证书序列号 ${s.certSerial}）`;
    const paragraphs = paragraphsIn(blocks);
    expect(paragraphs).toContain(`电子签名：${line(signed[0]!)}`);
    expect(paragraphs).toContain(`\u3000\u3000\u3000\u3000\u3000${line(signed[1]!)}`);
    expect(paragraphs.join('\n')).toContain('执法人员 张三 已签');
    expect(paragraphs.join('\n')).toContain('大队负责人 李队长 已签');
  });

  it.skipIf(pdfMissing !== null)('prints it through LibreOffice: every cell and line on paper, signatures on the page of the last file', () => {
    const out = path.resolve('test-results/record-form');
    const { form } = docxToPdf({ form: readFileSync(docxFile) }, out);
    const pages = pdfPageTexts(form!);
    const blocks = docxBlocks(docxPart(readFileSync(docxFile)));
    const check = onPaperCheck(blocks, pages);
    expect(check.missing, 'not found in the PDF text').toEqual([]);
    const lastFile = tableStartingWith(blocks, '序号', '文件名').at(-1)?.[1] ?? '';
    const at = pagesWith(pages, lastFile);
    expect(at).toHaveLength(1);
    for (const label of ['执法人员签名', '大队负责人签名', '单位（盖章）']) expect(pagesWith(pages, label), label).toEqual(at);
    for (const [i, page] of pages.entries()) expect(page).toContain(squash(`第 ${i + 1} 页 共 ${pages.length} 页`));
    proofPngs(form!, out);
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
      expect(cmsVerify(w, path.join(forms, s.signatureFile), path.join(forms, f.contentFile)).ok).toBe(false);
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
