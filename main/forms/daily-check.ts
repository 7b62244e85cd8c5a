// 执法记录仪使用日常检查记录 — the chief's daily check (rules art. 15): every finding of the day under its article,
// his mark, the corrections he ordered, and his signature (the electronic one's fingerprint printed, a line to sign
// by hand). Landscape, because finding, records and mark side by side do not fit a portrait page.
import { buildDocument, centered, dataTable, heading, para, signatureLines, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { formatDateTimeCompact, formatDay } from './format';

export const DAILY_CHECK_TITLE = '执法记录仪使用日常检查记录';

export interface DailyCheckFinding {
  /** e.g. '第八条 逐日存储，按日交由指定人员归档'. */
  article: string;
  /** e.g. '迟交'. */
  kind: string;
  problem: boolean;
  title: string;
  detail: string;
  /** The records behind it, as people name them. */
  refs: readonly string[];
  /** '正常' / '需纠正' / '未标记'. */
  verdict: string;
  note: string;
}

export interface DailyCheckCorrection {
  id: number;
  finding: string;
  assignee: string;
  action: string;
  dueDay: string;
  /** '未完成' or what was done and when. */
  state: string;
}

export interface DailyCheckData extends FormMeta {
  day: string;
  findings: readonly DailyCheckFinding[];
  corrections: readonly DailyCheckCorrection[];
  /** The chief's electronic signature, or null for an unsigned draft (printed as such). */
  signature: { signer: string; signedAt: Date; contentSha256: string; fileName: string } | null;
  /** The chief named on the hand-signature line. */
  chiefName: string | null;
}

const FINDING_COLUMNS: readonly Column[] = [
  centered('序号', 0.7),
  centered('类别', 1.4),
  { header: '检查发现', weight: 5.2 },
  { header: '依据记录', weight: 3 },
  centered('结论', 1.1),
  { header: '备注', weight: 2 },
];

const CORRECTION_COLUMNS: readonly Column[] = [
  centered('编号', 0.8),
  { header: '问题', weight: 3.5 },
  centered('责任人', 1.5),
  { header: '纠正措施', weight: 3.4 },
  centered('期限', 1.9),
  { header: '完成情况', weight: 2.8 },
];

export async function dailyCheckForm(data: DailyCheckData): Promise<Buffer> {
  const articles = [...new Set(data.findings.map((f) => f.article))];
  const problems = data.findings.filter((f) => f.problem).length;
  let n = 0;
  const sections = articles.flatMap((article) => {
    const rows: CellContent[][] = data.findings
      .filter((f) => f.article === article)
      .map((f) => [
        String(++n),
        f.kind,
        { text: `${f.problem ? '【问题】' : ''}${f.title}\n${f.detail}` },
        f.refs.slice(0, 6).join('\n') + (f.refs.length > 6 ? `\n等 ${f.refs.length} 项` : ''),
        { text: f.verdict, bold: f.verdict === '需纠正' },
        f.note,
      ]);
    return [heading(article), dataTable(FINDING_COLUMNS, rows, 'landscape', { size: SIZE.xiaoWu })];
  });
  const correctionRows: CellContent[][] = data.corrections.map((c) => [String(c.id), c.finding, c.assignee, c.action, formatDay(c.dueDay), c.state]);
  const sig = data.signature;
  const subtitle = `单位：${data.unitName}\u3000\u3000检查日期：${formatDay(data.day)}`;
  return buildDocument({ title: DAILY_CHECK_TITLE, orientation: 'landscape', meta: data, idPrefix: 'RJ', subtitle }, [
    para(`共 ${data.findings.length} 项，其中问题 ${problems} 项。依据《执法记录仪使用管理制度》第十五条，大队主要负责人对本单位执法记录仪使用情况进行日常检查，对发现的问题及时纠正。`, {
      size: SIZE.xiaoWu,
      before: 80,
    }),
    ...(sections.length ? sections : [para('本日无检查事项。', { size: SIZE.wu, before: 120 })]),
    heading('纠正措施'),
    dataTable(CORRECTION_COLUMNS, correctionRows, 'landscape', { size: SIZE.xiaoWu, emptyText: '本日未布置纠正措施', keepLastRows: 1 }),
    spacer(120),
    para(
      sig
        ? `电子签名：${sig.signer} 于 ${formatDateTimeCompact(sig.signedAt, data.timeZone)} 签名（CMS，文件 ${sig.fileName}.p7s；内容 SHA-256 ${sig.contentSha256}）`
        : '本记录尚未经大队负责人电子签名。',
      { size: SIZE.xiaoWu, keepNext: true },
    ),
    spacer(80),
    signatureLines([{ label: '大队负责人（签名）', ...(data.chiefName ? { printedName: data.chiefName } : {}) }], 'landscape'),
  ]);
}
