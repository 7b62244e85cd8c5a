// The four printed forms: each builds from realistic data into a valid .docx, and — where LibreOffice is
// installed — prints every filled-in field, full hashes and "第 X 页 共 Y 页" on the expected number of pages.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentId,
  formatBytes,
  formatDuration,
  handoverSheet,
  HANDOVER_TITLE,
  RECORD_FORM_TITLE,
  recordForm,
  VIEWING_TITLE,
  viewingRegister,
  WEEKLY_TITLE,
  weeklyReport,
} from '../../../main/forms';
import { docxToPdf, hasTool, pdfPages, pdfText, proofPng, squash, unzipEntry } from './proof';
import { fakeHash, handoverSample, recordSample, viewingSample, weeklySample } from './samples';

const PROOF_DIR = fileURLToPath(new URL('../../../test-results/forms', import.meta.url));

type Name = 'handover' | 'weekly' | 'viewing' | 'record';
const TITLES: Record<Name, string> = { handover: HANDOVER_TITLE, weekly: WEEKLY_TITLE, viewing: VIEWING_TITLE, record: RECORD_FORM_TITLE };

const data = { handover: handoverSample(), weekly: weeklySample(), viewing: viewingSample(), record: recordSample() };
const docs = {} as Record<Name, Buffer>;

beforeAll(async () => {
  docs.handover = await handoverSheet(data.handover);
  docs.weekly = await weeklyReport(data.weekly);
  docs.viewing = await viewingRegister(data.viewing);
  docs.record = await recordForm(data.record);
});

const xml = (name: Name, part = 'word/document.xml'): string => {
  const entry = unzipEntry(docs[name], part);
  if (!entry) throw new Error(`${part} missing from ${name}.docx`);
  return entry.toString('utf8');
};

describe('DOCX structure', () => {
  it.each(Object.keys(TITLES) as Name[])('%s is a zip holding word/document.xml with the title', (name) => {
    expect(docs[name].subarray(0, 2).toString('latin1')).toBe('PK');
    const doc = xml(name);
    expect(doc).toContain(TITLES[name]);
    // East Asian font set per script, so Word uses 宋体 for Chinese and Times New Roman for Latin.
    expect(doc).toMatch(/w:eastAsia="宋体"/);
    expect(doc).toMatch(/w:ascii="Times New Roman"/);
    // Fixed-width tables and repeated header rows.
    expect(doc).toContain('w:type="fixed"');
    // A4, in the expected orientation.
    const landscape = name === 'viewing';
    expect(doc).toMatch(landscape ? /w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/ : /w:pgSz w:w="11906" w:h="16838"/);
    const footer = xml(name, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('repeats the header row of long tables on every page', () => {
    expect(xml('handover')).toContain('<w:tblHeader/>');
    expect(xml('record')).toContain('<w:tblHeader/>');
  });

  it('prints the office CA fingerprint on the record form', () => {
    expect(data.record.caFingerprint).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(xml('record')).toContain(data.record.caFingerprint);
    expect(xml('record')).toContain('本单位根证书 SHA-256 指纹');
  });

  it('uses 仿宋 for filled-in values and a fixed-pitch font for hashes', () => {
    expect(xml('record')).toMatch(/w:eastAsia="仿宋"/);
    expect(xml('handover')).toMatch(/w:ascii="Courier New"/);
  });

  it('derives a stable short document id from the content unless one is given', async () => {
    expect(contentId('JJ', data.handover)).toBe(contentId('JJ', handoverSample()));
    expect(contentId('JJ', { ...data.handover, sessionNo: 'other' })).not.toBe(contentId('JJ', data.handover));
    expect(contentId('JJ', data.handover)).toMatch(/^JJ-[0-9A-F]{8}$/);
    expect(xml('record')).toContain('JL-2026-0031');
  });

  it('builds forms with nothing to list', async () => {
    const empty = [
      await handoverSheet({ ...handoverSample(0), files: [], finishedAt: null, clockDriftSec: null }),
      await weeklyReport({ ...weeklySample(), officers: [], recorders: [], flagged: [], integrity: null, backup: null, reviewedBy: null }),
      await viewingRegister({ ...viewingSample(), entries: [] }),
      await recordForm({ ...recordSample(0), electronicSignatures: [] }),
    ];
    const texts = empty.map((b) => unzipEntry(b, 'word/document.xml')?.toString('utf8') ?? '');
    expect(texts[0]).toContain('本次交接无文件');
    expect(texts[0]).toContain('无法测定');
    expect(texts[0]).toContain('进行中');
    expect(texts[1]).toContain('本周未进行完整性校验');
    expect(texts[1]).toContain('本周未进行备份');
    expect(texts[2]).toContain('本期间无查阅记录');
    expect(texts[3]).toContain('电子签名：无');
  });
});

const office = hasTool('soffice') && hasTool('pdftotext', ['-v']) && hasTool('pdfinfo', ['-v']);
if (!office) console.log('forms: skipping the PDF checks — soffice, pdftotext or pdfinfo is not installed');

describe.skipIf(!office)('printed through LibreOffice', () => {
  const text = {} as Record<Name, string>;
  const pages = {} as Record<Name, number>;

  beforeAll(() => {
    const pdfs = docxToPdf(docs, PROOF_DIR);
    for (const name of Object.keys(pdfs) as Name[]) {
      const pdf = pdfs[name] ?? '';
      text[name] = squash(pdfText(pdf));
      pages[name] = pdfPages(pdf);
      proofPng(pdf, PROOF_DIR);
    }
  }, 240_000);

  const expectAll = (name: Name, needles: readonly string[]): void => {
    const missing = needles.map(squash).filter((n) => !text[name].includes(n));
    expect(missing, `${name}: not found in the PDF text`).toEqual([]);
  };

  const expectPaging = (name: Name, expected: number): void => {
    expect(pages[name]).toBe(expected);
    for (let p = 1; p <= expected; p++) expectAll(name, [`第 ${p} 页 共 ${expected} 页`]);
  };

  /** Both 32-digit lines of every hash: the full value is printed, none clipped. */
  const hashHalves = (hashes: readonly (string | null)[]): string[] =>
    hashes.flatMap((h) => (h ? [h.slice(0, 32), h.slice(32)] : []));

  it('handover sheet: every field, file and hash; 3 pages with the header row on each', () => {
    const d = data.handover;
    expectAll('handover', [
      HANDOVER_TITLE,
      d.unitName,
      d.sessionNo,
      '2026年11月27日 17:32',
      '2026年11月27日 17:58',
      `${d.handedOverBy.name}（警号 ${d.handedOverBy.badgeNo}）`,
      d.receivedBy.name,
      'DSJ-V9-8830217',
      'QS-ZF-2024-017',
      '警翼 DSJ-V9',
      '36 个',
      '重复 4 个，失败 1 个',
      formatBytes(d.totalBytes),
      formatDuration(d.totalDurationSec),
      '+12 秒',
      ...d.files.map((f) => f.name),
      ...hashHalves(d.files.map((f) => f.sha256)),
      '无音轨',
      '时钟可疑',
      '重复',
      '空文件',
      '无法读取',
      '移交人（签名）',
      '接收人（签名）',
      contentId('JJ', d),
      '生成时间：2026年11月27日 10:15',
    ]);
    expectPaging('handover', 3);
    expect(text.handover.split('序号').length - 1).toBe(3);
  });

  it('weekly report: grid, recorders, flags, integrity, backup and signatures; 2 pages', () => {
    const d = data.weekly;
    expectAll('weekly', [
      WEEKLY_TITLE,
      '2026年第48周（11月23日—11月29日）',
      '11月23日 周一',
      '11月29日 周日',
      ...d.officers.map((o) => `${o.name} 警号 ${o.badgeNo}`),
      '✓',
      '缺',
      // Label and value cells come out of pdftotext in no fixed order: look for each.
      '缺交',
      '2 人次',
      ...d.recorders.flatMap((r) => [r.serial, `${r.brand} ${r.model}`, formatBytes(r.bytes), formatDuration(r.durationSec)]),
      '合计',
      '304',
      '文件截断 1 个；无音轨 2 个；时钟可疑 1 个',
      ...d.flagged.map((f) => f.fileName),
      '1873 个',
      '1871 个',
      '发现问题：缺失 1 个，已改变 1 个',
      ...(d.integrity?.problems.map((p) => p.path) ?? []),
      'SHA-256 与入库时不一致',
      d.backup?.target ?? '',
      '304 个',
      '已回读校验，全部一致',
      '整理人（保管员）',
      '（王秀兰）',
      '审核人（大队负责人）',
      '（周志强）',
    ]);
    expectPaging('weekly', 2);
  });

  it('viewing register: every entry; landscape, 2 pages with the header row on each', () => {
    const d = data.viewing;
    expectAll('viewing', [
      VIEWING_TITLE,
      '登记期间：2026年11月1日 至 2026年11月30日',
      ...d.entries.flatMap((e) => [e.viewer, e.subject, e.reason, e.approvedBy ?? '']),
      '工作查阅',
      '办案查阅',
      '公开使用',
      '2026-11-03 09:10',
      '2026-11-03 10:25',
      '未结束',
      `本期间共登记查阅 ${d.entries.length} 次`,
      '保管员（签名）',
      '（王秀兰）',
    ]);
    expectPaging('viewing', 2);
    expect(text.viewing.split('查阅类型').length - 1).toBe(2);
  });

  it('record form: the art. 11(4) fields, every hash, signature and seal boxes; 3 pages', () => {
    const d = data.record;
    expectAll('record', [
      RECORD_FORM_TITLE,
      d.caseName,
      d.caseNo,
      d.discLabel,
      ...d.officers,
      d.cameraOperator,
      '2026年11月27日 08:05',
      '2026年11月27日 13:34',
      d.place,
      `${d.recorderBrand} ${d.recorderModel}`,
      d.format,
      `${formatDuration(d.totalDurationSec)}，${formatBytes(d.totalBytes)}`,
      ...d.files.map((f) => f.name),
      ...hashHalves(d.files.map((f) => f.sha256)),
      '执法人员签名',
      '大队负责人签名',
      '单位（盖章）',
      d.unitName,
      ...d.electronicSignatures,
      'JL-2026-0031',
      '本单位根证书 SHA-256 指纹',
      d.caFingerprint,
    ]);
    expect(text.record).toContain(squash(`电子签名：${d.electronicSignatures[0] ?? ''}`));
    expectPaging('record', 3);
  });

  it('sample hashes are distinct (so the checks above mean something)', () => {
    expect(new Set(Array.from({ length: 50 }, (_, i) => fakeHash(i + 1))).size).toBe(50);
  });
});
