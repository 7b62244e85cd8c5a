import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../../main/common';
import { disposalRecord, type DisposalRecordData } from '../../../main/forms';
import { docxBlocks, docxPart, fieldsOf, paragraphsIn, tableStartingWith, type DocxBlock } from './docx-read';
import { docxToPdf, onPaperCheck, pdfInfo, pdfPageTexts, pdfToolsMissing, proofPngs, squash } from './proof';
import { fakeHash, SAMPLE_CA_FINGERPRINT, TZ, UNIT } from './samples';

const PROOF_DIR = fileURLToPath(new URL('../../../test-results/forms', import.meta.url));

function sample(count: number): DisposalRecordData {
  return {
    unitName: UNIT,
    timeZone: TZ,
    generatedAt: new Date('2026-11-27T10:15:00+08:00'),
    documentId: 'XH-0003',
    reason: '超过保存期限，无案件关联，未被保留',
    requestedBy: '王保管',
    requestedAt: new Date('2026-11-26T09:00:00+08:00'),
    approvedBy: '李队长',
    approvedAt: new Date('2026-11-26T15:30:00+08:00'),
    executedBy: '赵保管',
    executedAt: new Date('2026-11-27T10:15:00+08:00'),
    files: Array.from({ length: count }, (_, i) => ({
      name: `DSJ_20260801_${String(80000 + i * 100)}_${String(i + 1).padStart(4, '0')}.MP4`,
      storedPath: `originals/2026/08/01/A8C0012345/DSJ_20260801_${String(80000 + i * 100)}_${String(i + 1).padStart(4, '0')}.MP4`,
      startedAt: new Date(Date.UTC(2026, 7, 1, 0, i, 0)),
      bytes: 104_857_600 + i,
      keepUntil: '2026-11-01',
      sha256: fakeHash(500 + i),
    })),
    caFingerprint: SAMPLE_CA_FINGERPRINT,
  };
}

describe('销毁记录 (disposal record, art. 11(3))', () => {
  let blocks: DocxBlock[];
  let docx: Buffer;
  const data = sample(25);
  beforeAll(async () => {
    docx = await disposalRecord(data);
    blocks = docxBlocks(docxPart(docx));
  });

  it('names who asked, approved and carried it out, and every file with its full SHA-256', () => {
    expect(fieldsOf(tableStartingWith(blocks, '销毁事由'))).toEqual(
      new Map([
        ['销毁事由', '超过保存期限，无案件关联，未被保留'],
        ['申请人', '王保管'],
        ['申请时间', '2026年11月26日 09:00'],
        ['批准人', '李队长'],
        ['批准时间', '2026年11月26日 15:30'],
        ['执行人', '赵保管'],
        ['执行时间', '2026年11月27日 10:15'],
        ['文件数', '25 个'],
        ['合计大小', formatBytes(data.files.reduce((s, f) => s + f.bytes, 0))],
      ]),
    );
    expect(paragraphsIn(blocks)).toContain('销毁文件清单（共 25 个）');
    const table = tableStartingWith(blocks, '序号', '文件（档案内位置）');
    expect(table).toHaveLength(26);
    for (const [i, f] of data.files.entries()) {
      const row = table[i + 1]!;
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toBe(`${f.name}\noriginals/2026/08/01/A8C0012345/`);
      expect(row[4]).toBe('2026-11-01');
      expect(row[5]).toBe(`${f.sha256.slice(0, 32)}\n${f.sha256.slice(32)}`);
    }
    expect(paragraphsIn(blocks)).toContain(data.caFingerprint);
    expect(paragraphsIn(blocks).some((p) => p.includes('经批准于2026年11月27日销毁'))).toBe(true);
  });

  describe.skipIf(pdfToolsMissing() !== null)('printed through LibreOffice', () => {
    let pages: string[];
    let info: ReturnType<typeof pdfInfo>;
    beforeAll(() => {
      const pdf = docxToPdf({ 'disposal-record': docx }, PROOF_DIR)['disposal-record']!;
      pages = pdfPageTexts(pdf);
      info = pdfInfo(pdf);
      proofPngs(pdf, PROOF_DIR);
    }, 240_000);

    it('has every paragraph and cell on paper, every hash whole, pages numbered', () => {
      const check = onPaperCheck(blocks, pages);
      expect(check.checked).toBeGreaterThan(50);
      expect(check.missing).toEqual([]);
      for (const f of data.files) expect(pages.join('')).toContain(f.sha256);
      expect([info.width, info.height]).toEqual([595, 842]);
      for (let p = 1; p <= info.pages; p++) expect(pages[p - 1]).toContain(squash(`第 ${p} 页 共 ${info.pages} 页`));
    });
  });
});
