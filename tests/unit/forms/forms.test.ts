// The four printed forms. What they say is checked in word/document.xml: every filled-in value in its
// cell, full hashes, names. Printed through LibreOffice with the project's font map (where installed), the
// PDF is checked only for what must hold on paper whatever the fonts: every paragraph and cell present once
// the text is unwrapped, the header row on top of every page of a long table, the signatures on the page
// of the last row, each page numbered. Page counts depend on fonts, except that an empty form is one page.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentId,
  handoverSheet,
  HANDOVER_TITLE,
  RECORD_FORM_TITLE,
  recordForm,
  brandModel,
  VIEWING_TITLE,
  viewingRegister,
  WEEKLY_TITLE,
  weeklyReport,
} from '../../../main/forms';
import { formatBytes, formatDurationClock } from '../../../main/common';
import { docxBlocks, docxPart, fieldsOf, paragraphsIn, tablesOf, tableStartingWith, type DocxBlock } from './docx-read';
import { docxToPdf, onPaperCheck, pagesWith, pdfInfo, pdfLines, pdfPageTexts, pdfToolsMissing, proofPngs, squash, type PdfInfo } from './proof';
import { fakeHash, handoverSample, recordSample, viewingSample, weeklySample } from './samples';

const PROOF_DIR = fileURLToPath(new URL('../../../test-results/forms', import.meta.url));

type Name = 'handover' | 'weekly' | 'viewing' | 'record';
const NAMES: Name[] = ['handover', 'weekly', 'viewing', 'record'];
const TITLES: Record<Name, string> = { handover: HANDOVER_TITLE, weekly: WEEKLY_TITLE, viewing: VIEWING_TITLE, record: RECORD_FORM_TITLE };

const data = { handover: handoverSample(), weekly: weeklySample(), viewing: viewingSample(), record: recordSample() };
const docs = {} as Record<Name, Buffer>;
const empty = {} as Record<Name, Buffer>;
const body = {} as Record<Name, DocxBlock[]>;

beforeAll(async () => {
  docs.handover = await handoverSheet(data.handover);
  docs.weekly = await weeklyReport(data.weekly);
  docs.viewing = await viewingRegister(data.viewing);
  docs.record = await recordForm(data.record);
  for (const name of NAMES) body[name] = docxBlocks(docxPart(docs[name]));
  empty.handover = await handoverSheet({ ...handoverSample(0), files: [], finishedAt: null, clockDriftSec: null });
  empty.weekly = await weeklyReport({ ...weeklySample(), officers: [], recorders: [], flagged: [], integrity: null, backup: null, reviewedBy: null });
  empty.viewing = await viewingRegister({ ...viewingSample(), entries: [] });
  empty.record = await recordForm({ ...recordSample(0), electronicSignatures: [] });
});

/** Local date and time in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991). */
function shanghai(at: Date): { day: string; time: string } {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** A hash cell: two lines of 32 digits, every digit printed. */
const hashLines = (h: string | null): string => (h ? `${h.slice(0, 32)}\n${h.slice(32)}` : '—');

const BLANK_DATE = '     年     月     日';
const footerOf = (name: Name, id: string, generated: string): string[] => [
  '第 {PAGE} 页 共 {NUMPAGES} 页',
  `${TITLES[name]}\u3000文档编号：${id}\u3000生成时间：${generated}`,
];

describe('DOCX structure', () => {
  it.each(NAMES)('%s is a zip holding word/document.xml with the title', (name) => {
    expect(docs[name].subarray(0, 2).toString('latin1')).toBe('PK');
    const doc = docxPart(docs[name]);
    expect(paragraphsIn(body[name])[0]).toBe(TITLES[name]);
    // East Asian font set per script, so Word uses 宋体 for Chinese and Times New Roman for Latin.
    expect(doc).toMatch(/w:eastAsia="宋体"/);
    expect(doc).toMatch(/w:ascii="Times New Roman"/);
    // Fixed-width tables and repeated header rows.
    expect(doc).toContain('w:type="fixed"');
    // A4, in the expected orientation.
    const landscape = name === 'viewing';
    expect(doc).toMatch(landscape ? /w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/ : /w:pgSz w:w="11906" w:h="16838"/);
  });

  it('repeats the header row of long tables on every page and never splits a row', () => {
    for (const name of ['handover', 'record', 'viewing'] as const) {
      const doc = docxPart(docs[name]);
      expect(doc, name).toContain('<w:tblHeader/>');
      expect(doc, name).toContain('<w:cantSplit/>');
    }
  });

  it('prints the office CA fingerprint on the record form', () => {
    expect(data.record.caFingerprint).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(docxPart(docs.record)).toContain(data.record.caFingerprint);
    expect(docxPart(docs.record)).toContain('本单位根证书 SHA-256 指纹');
  });

  it('uses 仿宋 for filled-in values and a fixed-pitch font for hashes', () => {
    expect(docxPart(docs.record)).toMatch(/w:eastAsia="仿宋"/);
    expect(docxPart(docs.handover)).toMatch(/w:ascii="Courier New"/);
  });

  it('derives a stable short document id from the content unless one is given', () => {
    expect(contentId('JJ', data.handover)).toBe(contentId('JJ', handoverSample()));
    expect(contentId('JJ', { ...data.handover, sessionNo: 'other' })).not.toBe(contentId('JJ', data.handover));
    expect(contentId('JJ', data.handover)).toMatch(/^JJ-[0-9A-F]{8}$/);
  });

  it('builds forms with nothing to list', () => {
    const texts = NAMES.map((n) => docxPart(empty[n]));
    expect(texts[0]).toContain('本次交接无文件');
    expect(texts[0]).toContain('无法测定');
    expect(texts[0]).toContain('进行中');
    expect(texts[1]).toContain('本周未进行完整性校验');
    expect(texts[1]).toContain('本周未进行备份');
    expect(texts[2]).toContain('本期间无查阅记录');
    expect(texts[3]).toContain('电子签名：无');
  });
});

describe('what each form says (word/document.xml)', () => {
  it('handover sheet: every field, every file with its full hash and flags, both signature lines, the footer', () => {
    const d = data.handover;
    const b = body.handover;
    const id = contentId('JJ', d);
    expect(tableStartingWith(b, '交接批次号：20261127-003')[0]).toEqual(['交接批次号：20261127-003', `编号：${id}`]);
    expect(fieldsOf(tableStartingWith(b, '单位'))).toEqual(
      new Map([
        ['单位', '青石镇人民政府综合行政执法大队'],
        ['开始时间', '2026年11月27日 17:32'],
        ['完成时间', '2026年11月27日 17:58'],
        ['移交人', '李建国（警号 031207）'],
        ['接收人', '王秀兰（保管员）'],
        ['记录仪品牌型号', '警翼 DSJ-V9'],
        ['记录仪编号', '序列号 DSJ-V9-8830217\n资产编号 QS-ZF-2024-017'],
        ['存储文件数', '36 个'],
        ['重复 / 失败', '重复 4 个，失败 1 个'],
        ['总大小', formatBytes(d.totalBytes)],
        ['总时长', formatDurationClock(d.totalDurationSec)],
        ['记录仪时钟偏差', '+12 秒（记录仪时钟快于工作站时钟）'],
      ]),
    );
    expect(paragraphsIn(b)).toContain('视听资料文件清单（共 41 个）');
    const FLAGS: Record<string, string> = { no_audio: '无音轨', clock_suspect: '时钟可疑', duplicate: '重复', zero_byte: '空文件', unreadable: '无法读取' };
    const files = tableStartingWith(b, '序号', '文件名');
    expect(files).toEqual([
      ['序号', '文件名', '开始时间', '时长', '大小', 'SHA-256', '标记'],
      ...d.files.map((f, i) => {
        const at = f.startedAt ? shanghai(f.startedAt) : null;
        return [
          String(i + 1),
          f.name,
          at ? `${at.day} ${at.time}` : '—',
          f.durationSec === null ? '—' : formatDurationClock(f.durationSec),
          formatBytes(f.bytes),
          hashLines(f.sha256),
          f.flags.length ? f.flags.map((x) => FLAGS[x]).join('\n') : '—',
        ];
      }),
    ]);
    // The flags the sample is built to show, so the column is not all dashes.
    expect(files.slice(1).map((r) => r[6]).join('\n').split('\n').filter((x) => x !== '—').sort()).toEqual(
      ['无音轨', '无音轨', '无音轨', '无音轨', '时钟可疑', '时钟可疑', '时钟可疑', '时钟可疑', '重复', '重复', '重复', '重复', '空文件', '无法读取'].sort(),
    );
    expect(tableStartingWith(b, '移交人（签名）：')).toEqual([
      ['移交人（签名）：', '（李建国）', '日期：', BLANK_DATE],
      ['接收人（签名）：', '（王秀兰）', '日期：', BLANK_DATE],
    ]);
    expect(paragraphsIn(docxBlocks(docxPart(docs.handover, 'word/footer1.xml')))).toEqual(footerOf('handover', id, '2026年11月27日 10:15'));
  });

  it('weekly report: totals, the handover grid, recorders, flags, integrity, backup, signatures', () => {
    const d = data.weekly;
    const b = body.weekly;
    const totalBytes = d.recorders.reduce((n, r) => n + r.bytes, 0);
    const totalSec = d.recorders.reduce((n, r) => n + r.durationSec, 0);
    expect(tableStartingWith(b, '单位：青石镇人民政府综合行政执法大队')[0]?.[1]).toBe(`编号：${contentId('ZB', d)}`);
    expect(fieldsOf(tableStartingWith(b, '归档周次'))).toEqual(
      new Map([
        ['归档周次', '2026年第48周（11月23日—11月29日）'],
        ['交接次数', '16 人次'],
        ['缺交', '2 人次'],
        ['文件总数', '304 个'],
        ['总大小 / 时长', `${formatBytes(totalBytes)}，${formatDurationClock(totalSec)}`],
      ]),
    );
    expect(tableStartingWith(b, '执法人员')).toEqual([
      ['执法人员', '11月23日\n周一', '11月24日\n周二', '11月25日\n周三', '11月26日\n周四', '11月27日\n周五', '11月28日\n周六', '11月29日\n周日'],
      ['李建国\n警号 031207', '✓', '✓', '✓', '✓', '✓', '—', '—'],
      ['张伟\n警号 031215', '✓', '缺', '✓', '✓', '✓', '—', '—'],
      ['陈晓东\n警号 031221', '—', '✓', '✓', '—', '✓', '✓', '—'],
      ['刘芳\n警号 031230', '✓', '✓', '—', '✓', '缺', '—', '—'],
    ]);
    expect(tableStartingWith(b, '序号', '记录仪（品牌型号 / 序列号）')).toEqual([
      ['序号', '记录仪（品牌型号 / 序列号）', '使用人', '文件数', '大小', '时长'],
      ['1', '警翼 DSJ-V9\nDSJ-V9-8830217', '李建国', '112', formatBytes(98_765_432_100), formatDurationClock(61_234)],
      ['2', '海康威视 DS-MH2311\nHK-DSJ-A3-20250611', '张伟', '87', formatBytes(71_234_567_890), formatDurationClock(48_012)],
      ['3', '警翼 DSJ-V9\nDSJ-V9-8830233', '陈晓东', '64', formatBytes(50_111_222_333), formatDurationClock(35_500)],
      ['4', '执法通 T6\nZF-T6-0091822', '刘芳', '41', formatBytes(30_000_000_000), formatDurationClock(22_321)],
      ['合计', '304', formatBytes(totalBytes), formatDurationClock(totalSec)],
    ]);
    expect(paragraphsIn(b)).toContain('本周共有 3 个文件带有标记：文件截断 1 个；无音轨 2 个；时钟可疑 1 个。');
    expect(tableStartingWith(b, '序号', '文件名')).toEqual([
      ['序号', '文件名', '记录仪', '使用人', '开始时间', '标记'],
      ['1', 'DSJ_20261124093311_0003.MP4', 'DSJ-V9-8830217', '李建国', '2026-11-24 09:33:11', '无音轨'],
      ['2', 'CH01_20261125_141502.MP4', 'HK-DSJ-A3-20250611', '张伟', '2026-11-25 14:15:02', '时钟可疑'],
      ['3', 'REC_0091822_20261126_0012.MP4', 'ZF-T6-0091822', '刘芳', '—', '文件截断、无音轨'],
    ]);
    expect(fieldsOf(tableStartingWith(b, '校验时间'))).toEqual(
      new Map([
        ['校验时间', '2026年11月27日 16:05'],
        ['校验文件数', '1873 个'],
        ['校验一致', '1871 个'],
        ['缺失', '1 个'],
        ['已改变', '1 个'],
        ['多余文件', '0 个'],
        ['结论', '发现问题：缺失 1 个，已改变 1 个，详见下表。'],
      ]),
    );
    expect(tableStartingWith(b, '序号', '文件')).toEqual([
      ['序号', '文件', '问题', '说明'],
      ['1', 'originals/2026/11/20/DSJ-V9-8830233/DSJ_20261120101502_0007.MP4', '缺失', '归档目录中找不到该文件'],
      ['2', 'originals/2026/11/18/ZF-T6-0091822/REC_0091822_20261118_0004.MP4', '已改变', 'SHA-256 与入库时不一致'],
    ]);
    expect(fieldsOf(tableStartingWith(b, '备份位置'))).toEqual(
      new Map([
        ['备份位置', '移动硬盘 WD Elements 4TB（资产编号 QS-ZF-2023-004）'],
        ['完成时间', '2026年11月27日 17:21'],
        ['复制文件', `304 个，${formatBytes(250_111_222_323)}`],
        ['校验结果', '已回读校验，全部一致'],
      ]),
    );
    expect(tableStartingWith(b, '整理人（保管员）：')).toEqual([
      ['整理人（保管员）：', '（王秀兰）', '日期：', BLANK_DATE],
      ['审核人（大队负责人）：', '（周志强）', '日期：', BLANK_DATE],
    ]);
    expect(paragraphsIn(docxBlocks(docxPart(docs.weekly, 'word/footer1.xml')))).toEqual(footerOf('weekly', contentId('ZB', d), '2026年11月27日 17:40'));
  });

  it('viewing register: the period, every entry in its columns, the count and the keeper', () => {
    const d = data.viewing;
    const b = body.viewing;
    const id = contentId('CY', d);
    expect(tableStartingWith(b, '单位：青石镇人民政府综合行政执法大队\u3000\u3000登记期间：2026年11月1日 至 2026年11月30日')[0]?.[1]).toBe(`编号：${id}`);
    const LABEL = { work: '工作查阅', case: '办案查阅', public: '公开使用' } as const;
    const minute = (at: Date): string => {
      const t = shanghai(at);
      return `${t.day} ${t.time.slice(0, 5)}`;
    };
    expect(tableStartingWith(b, '序号', '查阅人')).toEqual([
      ['序号', '查阅人', '查阅对象', '查阅类型', '事由', '批准人', '开始时间', '结束时间'],
      ...d.entries.map((e, i) => [String(i + 1), e.viewer, e.subject, LABEL[e.type], e.reason, e.approvedBy ?? '—', minute(e.startedAt), e.endedAt ? minute(e.endedAt) : '未结束']),
    ]);
    expect(d.entries.at(-1)?.endedAt).toBe(null); // the open viewing prints 未结束
    expect(paragraphsIn(b)).toContain('本期间共登记查阅 20 次。办案查阅须经乡主管领导批准，公开使用须经大队负责人批准。');
    expect(tableStartingWith(b, '保管员（签名）：')).toEqual([['保管员（签名）：', '（王秀兰）', '日期：', BLANK_DATE]]);
    expect(paragraphsIn(docxBlocks(docxPart(docs.viewing, 'word/footer1.xml')))).toEqual(footerOf('viewing', id, '2026年12月1日 09:00'));
  });

  it('record form: the art. 11(4) fields, every file with its full hash, signature and seal boxes, electronic signatures', () => {
    const d = data.record;
    const b = body.record;
    expect(tableStartingWith(b, '单位：青石镇人民政府综合行政执法大队')[0]?.[1]).toBe('编号：JL-2026-0031');
    expect(fieldsOf(tableStartingWith(b, '案件名称'))).toEqual(
      new Map([
        ['案件名称', '李某某未经许可占道经营案'],
        ['案号', '青石执罚〔2026〕017号'],
        ['光盘编号', '2026-001 第1张/共2张'],
        ['执法人员', '李建国（执法证号 33010026031207）、张伟（执法证号 33010026031215）'],
        ['摄录人', '李建国'],
        ['记录仪品牌型号', '警翼 DSJ-V9'],
        ['录制开始时间', '2026年11月27日 08:05'],
        ['录制结束时间', '2026年11月27日 13:34'],
        ['录制地点', '青石镇人民路与建设街交叉口东北角（青石农贸市场北门外）'],
        ['文件格式', 'MP4（H.264 视频 / AAC 音频）'],
        ['时长及大小', `${formatDurationClock(d.totalDurationSec)}，${formatBytes(d.totalBytes)}`],
      ]),
    );
    expect(paragraphsIn(b)).toContain('视听资料文件清单（共 30 个）');
    expect(tableStartingWith(b, '序号', '文件名')).toEqual([
      ['序号', '文件名', '开始时间', '时长', '大小', 'SHA-256'],
      ...d.files.map((f, i) => {
        const at = f.startedAt ? shanghai(f.startedAt) : null;
        return [String(i + 1), f.name, at ? `${at.day} ${at.time}` : '—', f.durationSec === null ? '—' : formatDurationClock(f.durationSec), formatBytes(f.bytes), hashLines(f.sha256)];
      }),
    ]);
    const boxes = tablesOf(b).find((t) => t[0]?.[0]?.startsWith('执法人员签名：'));
    expect(boxes?.map((row) => row.map(squash))).toEqual([
      ['执法人员签名：年月日', '大队负责人签名：年月日', '单位（盖章）：青石镇人民政府综合行政执法大队年月日'],
    ]);
    const paragraphs = paragraphsIn(b);
    expect(paragraphs).toContain('电子签名：执法人员 李建国 已签（2026-11-27 10:02，证书序列号 4F2A9C01D7E3）');
    expect(paragraphs).toContain('\u3000\u3000\u3000\u3000\u3000执法人员 张伟 已签（2026-11-27 10:05，证书序列号 4F2A9C01D7E4）');
    expect(paragraphs.find((p) => p.startsWith('本单位根证书 SHA-256 指纹'))).toBeDefined();
    expect(paragraphs).toContain(d.caFingerprint);
    expect(paragraphsIn(docxBlocks(docxPart(docs.record, 'word/footer1.xml')))).toEqual(footerOf('record', 'JL-2026-0031', '2026年11月27日 10:15'));
  });

  it('sample hashes are distinct (so the checks above mean something)', () => {
    expect(new Set(Array.from({ length: 50 }, (_, i) => fakeHash(i + 1))).size).toBe(50);
  });
});

const toolsMissing = pdfToolsMissing();
if (toolsMissing) console.log(`forms: PDF checks skipped — ${toolsMissing}`);

/** Per form: the long table (by its first header cells and the column naming each row) and the signature labels. */
const PAPER: Record<Name, { table: string[]; keyColumn: number; signatures: string[] }> = {
  handover: { table: ['序号', '文件名'], keyColumn: 1, signatures: ['移交人（签名）', '接收人（签名）'] },
  record: { table: ['序号', '文件名'], keyColumn: 1, signatures: ['执法人员签名', '大队负责人签名', '单位（盖章）'] },
  viewing: { table: ['序号', '查阅人'], keyColumn: 2, signatures: ['保管员（签名）'] },
  // The last table before the signature lines is the backup's.
  weekly: { table: ['备份位置'], keyColumn: 1, signatures: ['整理人（保管员）', '审核人（大队负责人）'] },
};

describe.skipIf(toolsMissing !== null)('printed through LibreOffice with the project font map', () => {
  const pages = {} as Record<Name | `${Name}-empty`, string[]>;
  const info = {} as Record<Name | `${Name}-empty`, PdfInfo>;
  const lines = {} as Record<Name | `${Name}-empty`, string[]>;

  beforeAll(() => {
    const inputs: Record<string, Buffer> = { ...docs };
    for (const name of NAMES) inputs[`${name}-empty`] = empty[name];
    const pdfs = docxToPdf(inputs, PROOF_DIR);
    for (const [key, pdf] of Object.entries(pdfs) as [Name | `${Name}-empty`, string][]) {
      pages[key] = pdfPageTexts(pdf);
      lines[key] = pdfLines(pdf);
      info[key] = pdfInfo(pdf);
      if (!key.endsWith('-empty')) proofPngs(pdf, PROOF_DIR);
    }
  }, 240_000);

  it.each(NAMES)('%s: every paragraph and table cell of the DOCX is on paper', (name) => {
    const check = onPaperCheck(body[name], pages[name]);
    expect(check.checked).toBeGreaterThan(50);
    expect(check.missing, `${name}: not found in the PDF text`).toEqual([]);
  });

  it.each(NAMES)('%s: A4 in its orientation, every page numbered 第 i 页 共 N 页 with the document id', (name) => {
    const { pages: n, width, height } = info[name];
    expect(pages[name]).toHaveLength(n);
    expect([width, height]).toEqual(name === 'viewing' ? [842, 595] : [595, 842]);
    const idLine = paragraphsIn(docxBlocks(docxPart(docs[name], 'word/footer1.xml')))[1] ?? '';
    for (let p = 1; p <= n; p++) {
      expect(pages[name][p - 1], `page ${p}`).toContain(squash(`第 ${p} 页 共 ${n} 页`));
      expect(pages[name][p - 1], `page ${p}`).toContain(squash(idLine));
    }
  });

  it.each(['handover', 'record', 'viewing'] as const)('%s: the long table runs over pages with its header row on top of each', (name) => {
    const table = tableStartingWith(body[name], ...PAPER[name].table);
    const header = squash(table[0]?.join('') ?? '');
    const rowPages = table.slice(1).map((row) => pagesWith(pages[name], row[PAPER[name].keyColumn] ?? ''));
    // Each row on exactly one page, rows in order.
    for (const [i, p] of rowPages.entries()) expect(p, `row ${i + 1}`).toHaveLength(1);
    const first = rowPages[0]?.[0] ?? 0;
    const last = rowPages.at(-1)?.[0] ?? 0;
    expect(rowPages.map((p) => p[0])).toEqual([...rowPages.map((p) => p[0] ?? 0)].sort((a, b) => a - b));
    expect(last, 'the sample must be long enough to need a second page').toBeGreaterThan(first);
    for (let p = first; p <= last; p++) expect(pages[name][p - 1]?.split(header).length, `header rows on page ${p}`).toBe(2);
  });

  it.each(NAMES)('%s: the signature block is on the page of the last table row', (name) => {
    const table = tableStartingWith(body[name], ...PAPER[name].table);
    const lastRow = table.at(-1) ?? [];
    const at = pagesWith(pages[name], lastRow[PAPER[name].keyColumn] ?? '');
    expect(at).toHaveLength(1);
    for (const label of PAPER[name].signatures) expect(pagesWith(pages[name], label), label).toEqual(at);
  });

  // Issue 11 item 13: '2026-11-/26', '00:00:0/8' were columns too narrow for their content.
  it.each(['handover', 'record'] as const)('%s: each file’s start time and length print on one line', (name) => {
    const files = name === 'handover' ? handoverSample().files : recordSample().files;
    const text = lines[name];
    for (const f of files) {
      if (!f.startedAt) continue;
      const at = shanghai(f.startedAt);
      expect(text.some((l) => l.includes(`${at.day} ${at.time}`)), `${f.name}: ${at.day} ${at.time}`).toBe(true);
      const length = new RegExp(`(^|\\s)${f.durationSec === null ? '—' : formatDurationClock(f.durationSec)}(\\s|$)`);
      expect(text.some((l) => length.test(l)), `${f.name}: length`).toBe(true);
    }
  });

  it.each(NAMES)('%s with nothing to list prints on one page', (name) => {
    expect(info[`${name}-empty`].pages).toBe(1);
    const check = onPaperCheck(docxBlocks(docxPart(empty[name])), pages[`${name}-empty`]);
    expect(check.missing).toEqual([]);
  });
});

describe('the right words on the lines (issue 11 item 13)', () => {
  it('a recorder without brand or model prints 未登记, not "— —"', async () => {
    expect(brandModel('—', '—')).toBe('未登记');
    expect(brandModel('', '')).toBe('未登记');
    expect(brandModel('警翼', '—')).toBe('警翼');
    const b = docxBlocks(docxPart(await recordForm({ ...recordSample(3), recorderBrand: '—', recorderModel: '—' })));
    expect(fieldsOf(tableStartingWith(b, '案件名称')).get('记录仪品牌型号')).toBe('未登记');
  });

  it('a register exported by the chief leaves the custodian’s line blank and gives the chief his own line', async () => {
    const b = docxBlocks(docxPart(await viewingRegister({ ...viewingSample(), keeperName: null, exportedBy: { name: '李队长', role: '大队负责人' } })));
    expect(tableStartingWith(b, '保管员（签名）：')).toEqual([
      ['保管员（签名）：', '', '日期：', BLANK_DATE],
      ['导出人（大队负责人，签名）：', '（李队长）', '日期：', BLANK_DATE],
    ]);
  });
});
