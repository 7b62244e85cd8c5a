// 执法记录仪使用情况检查报告 — for the inspection of the brigade (rules art. 16–17): per officer and per recorder
// figures for a period, and per article whether it was followed with the findings behind each answer. Signed by the
// chief (a CMS file beside the DOCX); landscape for the wide tables.
import { buildDocument, centered, dataTable, heading, para, signatureLines, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { formatDurationClock } from '../common';
import { formatDay } from './format';

export const INSPECTION_TITLE = '执法记录仪使用情况检查报告';

export interface InspectionReportData extends FormMeta {
  from: string;
  to: string;
  officers: readonly { name: string; files: number; durationSec: number; noAudio: number; gaps: number; clock: number; flaggedShare: number; sameDay: string }[];
  recorders: readonly { serial: string; files: number; durationSec: number; daysDocked: number; daysNotDocked: number; clockDrift: number }[];
  viewers: readonly { viewer: string; viewings: number; onApproval: number }[];
  discs: number;
  corrections: { opened: number; closed: number };
  /** article label, followed, the problem findings ('YYYY-MM-DD title'). */
  articles: readonly { article: string; followed: boolean; checked: number; problems: readonly string[] }[];
  preparedBy: string;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

const OFFICER_COLUMNS: readonly Column[] = [
  centered('执法人员', 2),
  centered('文件数', 1),
  centered('录制时长', 1.6),
  centered('无声音', 1),
  centered('中断', 1),
  centered('时钟可疑', 1),
  centered('问题占比', 1.2),
  centered('当日交接', 1.6),
];
const RECORDER_COLUMNS: readonly Column[] = [
  centered('执法记录仪', 2.2),
  centered('文件数', 1),
  centered('录制时长', 1.6),
  centered('当日交接天数', 1.4),
  centered('领用未交接天数', 1.6),
  centered('时钟偏差次数', 1.4),
];
const ARTICLE_COLUMNS: readonly Column[] = [
  { header: '条款', weight: 3.6 },
  centered('是否遵守', 1.1),
  centered('检查项', 0.9),
  { header: '发现的问题', weight: 6 },
];

export async function inspectionReportForm(data: InspectionReportData): Promise<Buffer> {
  const officerRows: CellContent[][] = data.officers.map((o) => [o.name, String(o.files), formatDurationClock(o.durationSec), String(o.noAudio), String(o.gaps), String(o.clock), pct(o.flaggedShare), o.sameDay]);
  const recorderRows: CellContent[][] = data.recorders.map((r) => [r.serial, String(r.files), formatDurationClock(r.durationSec), String(r.daysDocked), String(r.daysNotDocked), String(r.clockDrift)]);
  const articleRows: CellContent[][] = data.articles.map((a) => [
    a.article,
    { text: a.followed ? '是' : '否', bold: !a.followed },
    String(a.checked),
    a.problems.length ? a.problems.slice(0, 12).join('\n') + (a.problems.length > 12 ? `\n……共 ${a.problems.length} 项` : '') : '—',
  ]);
  const views = data.viewers.reduce((n, v) => n + v.viewings, 0);
  const onApproval = data.viewers.reduce((n, v) => n + v.onApproval, 0);
  const subtitle = `单位：${data.unitName}\u3000\u3000检查期间：${formatDay(data.from)} 至 ${formatDay(data.to)}`;
  return buildDocument({ title: INSPECTION_TITLE, orientation: 'landscape', meta: data, idPrefix: 'JC', subtitle }, [
    para(
      `本期间查阅 ${views} 次（经审批 ${onApproval} 次），刻录证据光盘 ${data.discs} 张；日常检查布置纠正 ${data.corrections.opened} 项，已完成 ${data.corrections.closed} 项。`,
      { size: SIZE.xiaoWu, before: 80 },
    ),
    heading('一、各条款执行情况'),
    dataTable(ARTICLE_COLUMNS, articleRows, 'landscape', { size: SIZE.xiaoWu }),
    heading('二、执法人员'),
    dataTable(OFFICER_COLUMNS, officerRows, 'landscape', { size: SIZE.xiaoWu, emptyText: '本期间无录制' }),
    heading('三、执法记录仪'),
    dataTable(RECORDER_COLUMNS, recorderRows, 'landscape', { size: SIZE.xiaoWu, emptyText: '本期间无记录', keepLastRows: 1 }),
    spacer(160),
    signatureLines([{ label: '大队负责人（签名）', printedName: data.preparedBy }, { label: '检查人（签名）' }], 'landscape'),
  ]);
}
