// 执法记录仪视听资料每周归档报告 — the Friday consolidation of rules art. 11(2): who handed over on
// which day, what each recorder produced, what was flagged, whether the archive is intact and backed up.
import { formatBytes, formatDurationClock, HANDOVER_MARK_LABELS, INTEGRITY_PROBLEM_LABELS, type HandoverMark, type IntegrityProblemKind } from '../common';
import { buildDocument, centered, dataTable, FIELD_GRID, fieldTable, heading, para, signatureLines, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { FLAG_ORDER, flagLabel, formatDateTime, formatDateTimeCompact, formatMonthDay, weekdayLabel, type FileFlag } from './format';

/** What the weekly report lists of a fixity check: 'manifest' problems are not printed. */
export type WeeklyProblemKind = Exclude<IntegrityProblemKind, 'manifest'>;

export interface WeeklyOfficerRow {
  name: string;
  badgeNo: string;
  /** One mark per entry of `WeeklyReportData.days`, same order. */
  marks: readonly HandoverMark[];
}

export interface WeeklyRecorderRow {
  serial: string;
  brand: string;
  model: string;
  /** Officer the recorder was assigned to this week (names joined by the caller if several). */
  officerName: string | null;
  files: number;
  bytes: number;
  durationSec: number;
}

export interface WeeklyFlaggedFile {
  fileName: string;
  recorderSerial: string;
  officerName: string | null;
  startedAt: Date | null;
  flags: readonly FileFlag[];
}

export interface WeeklyIntegrity {
  checkedAt: Date;
  checked: number;
  ok: number;
  missing: number;
  changed: number;
  extra: number;
  problems: readonly { path: string; kind: WeeklyProblemKind; detail?: string }[];
}

export interface WeeklyBackup {
  /** Where the copy went, e.g. '移动硬盘 WD-2T（资产编号 QS-ZF-2023-004）'. */
  target: string;
  completedAt: Date | null;
  filesCopied: number;
  bytesCopied: number;
  /** The copy was read back and its hashes matched. */
  verified: boolean;
  note?: string;
}

/**
 * The audit chain as it stood when the report was made (DESIGN.md §4). Printed on the signed paper
 * copy, these values are the anchor no one with access to the computer alone can rewrite:
 * `evidence verify --anchor SEQ:HASH --anchor-seal HASH` checks the chain still holds them.
 */
export interface WeeklyAuditAnchor {
  headSeq: number;
  headHash: string;
  /** The newest day seal and the SHA-256 of its signed file; null before the first seal. */
  latestSeal: { day: string; hash: string } | null;
}

export interface WeeklyReportData extends FormMeta {
  /** ISO week-numbering year and week, printed as '2026年第48周'. */
  isoYear: number;
  isoWeek: number;
  /** Calendar days of the week, 'YYYY-MM-DD', in order (Mon–Sun, or the working days reported). */
  days: readonly string[];
  officers: readonly WeeklyOfficerRow[];
  /** Every ingest session of the week (交接次数); without it, officer-days handed over are counted (人次). */
  handoverSessions?: number;
  recorders: readonly WeeklyRecorderRow[];
  flagged: readonly WeeklyFlaggedFile[];
  /** Null when no fixity check ran this week (printed as such — that is itself a finding). */
  integrity: WeeklyIntegrity | null;
  backup: WeeklyBackup | null;
  /** Printed as section 六 when given; the weekly consolidation always gives it. */
  auditAnchor?: WeeklyAuditAnchor;
  /** Custodian who prepared the report. */
  preparedBy: { name: string };
  /** Chief who reviews it; null leaves the line blank for whoever signs. */
  reviewedBy: { name: string } | null;
  remarks?: string;
}

export const WEEKLY_TITLE = '执法记录仪视听资料每周归档报告';


export function weekLabel(data: Pick<WeeklyReportData, 'isoYear' | 'isoWeek' | 'days'>): string {
  const first = data.days[0];
  const last = data.days[data.days.length - 1];
  const range = first && last ? `（${formatMonthDay(first)}—${formatMonthDay(last)}）` : '';
  return `${data.isoYear}年第${data.isoWeek}周${range}`;
}

export async function weeklyReport(data: WeeklyReportData): Promise<Buffer> {
  const tz = data.timeZone;

  const missingCount = data.officers.reduce((n, o) => n + o.marks.filter((m) => m === 'missing').length, 0);
  const doneCount = data.officers.reduce((n, o) => n + o.marks.filter((m) => m === 'done').length, 0);
  const totals = data.recorders.reduce(
    (t, r) => ({ files: t.files + r.files, bytes: t.bytes + r.bytes, durationSec: t.durationSec + r.durationSec }),
    { files: 0, bytes: 0, durationSec: 0 },
  );

  // -- 一、交接情况 --
  const gridColumns: Column[] = [
    centered('执法人员', 2.4),
    ...data.days.map((d) => ({ header: `${formatMonthDay(d)}\n${weekdayLabel(d)}`, weight: 1.4, align: 'center' as const })),
  ];
  const gridRows: CellContent[][] = data.officers.map((o) => [
    `${o.name}\n警号 ${o.badgeNo}`,
    ...data.days.map((_, i) => {
      const mark = o.marks[i] ?? 'none';
      return { text: HANDOVER_MARK_LABELS[mark], size: SIZE.wu, bold: mark === 'missing' };
    }),
  ]);

  // -- 二、记录仪汇总 --
  const recorderColumns: Column[] = [
    centered('序号', 1),
    { header: '记录仪（品牌型号 / 序列号）', weight: 4.2 },
    centered('使用人', 1.8),
    { header: '文件数', weight: 1.3, align: 'right' },
    { header: '大小', weight: 1.7, align: 'right' },
    centered('时长', 1.7),
  ];
  const recorderRows: CellContent[][] = data.recorders.map((r, i) => [
    String(i + 1),
    `${r.brand} ${r.model}\n${r.serial}`,
    r.officerName ?? '—',
    String(r.files),
    formatBytes(r.bytes),
    formatDurationClock(r.durationSec),
  ]);
  if (data.recorders.length > 0) {
    recorderRows.push([
      { text: '合计', span: 3, align: 'center', bold: true },
      { text: String(totals.files), bold: true },
      { text: formatBytes(totals.bytes), bold: true },
      { text: formatDurationClock(totals.durationSec), bold: true },
    ]);
  }

  // -- 三、本周标记 --
  const flagCounts = FLAG_ORDER.map((f) => ({ flag: f, n: data.flagged.filter((x) => x.flags.includes(f)).length })).filter((c) => c.n > 0);
  const flagSummary =
    flagCounts.length > 0
      ? `本周共有 ${data.flagged.length} 个文件带有标记：${flagCounts.map((c) => `${flagLabel(c.flag)} ${c.n} 个`).join('；')}。`
      : '本周无带标记的文件。';
  const flagColumns: Column[] = [
    centered('序号', 1),
    { header: '文件名', weight: 4.6 },
    { header: '记录仪', weight: 2.2 },
    centered('使用人', 1.5),
    centered('开始时间', 2.1),
    centered('标记', 1.8),
  ];
  const flagRows: CellContent[][] = data.flagged.map((f, i) => [
    String(i + 1),
    f.fileName,
    f.recorderSerial,
    f.officerName ?? '—',
    f.startedAt ? formatDateTimeCompact(f.startedAt, tz) : '—',
    f.flags.map(flagLabel).join('、'),
  ]);

  // -- 四、完整性校验 --
  const integrity = data.integrity;
  const integrityChildren = integrity
    ? [
        fieldTable(
          [
            [
              { label: '校验时间', value: formatDateTime(integrity.checkedAt, tz) },
              { label: '校验文件数', value: `${integrity.checked} 个` },
            ],
            [
              { label: '校验一致', value: `${integrity.ok} 个` },
              { label: '缺失', value: `${integrity.missing} 个` },
            ],
            [
              { label: '已改变', value: `${integrity.changed} 个` },
              { label: '多余文件', value: `${integrity.extra} 个` },
            ],
            [{ label: '结论', value: integrityConclusion(integrity), span: 3 }],
          ],
          FIELD_GRID,
        ),
        ...(integrity.problems.length > 0
          ? [
              spacer(100),
              dataTable(
                [
                  centered('序号', 1),
                  { header: '文件', weight: 6.5 },
                  centered('问题', 1.3),
                  { header: '说明', weight: 4.2 },
                ],
                integrity.problems.map((p, i) => [String(i + 1), p.path, INTEGRITY_PROBLEM_LABELS[p.kind], p.detail ?? '']),
                'portrait',
              ),
            ]
          : []),
      ]
    : [para('本周未进行完整性校验。', { font: 'fangsong', size: SIZE.xiaoSi })];

  // -- 五、备份 --
  const b = data.backup;
  const backupChildren = b
    ? [
        fieldTable(
          [
            [{ label: '备份位置', value: b.target, span: 3 }],
            [
              { label: '完成时间', value: b.completedAt ? formatDateTime(b.completedAt, tz) : '未完成' },
              { label: '复制文件', value: `${b.filesCopied} 个，${formatBytes(b.bytesCopied)}` },
            ],
            [{ label: '校验结果', value: b.verified ? '已回读校验，全部一致' : '未校验或校验不一致', span: 3 }],
            ...(b.note ? [[{ label: '说明', value: b.note, span: 3 }]] : []),
          ],
          FIELD_GRID,
        ),
      ]
    : [para('本周未进行备份。', { font: 'fangsong', size: SIZE.xiaoSi })];

  // -- 六、审计链核对值 --
  const anchor = data.auditAnchor;
  const hashValue = (hex: string): CellContent => ({ text: hex, font: 'mono', size: SIZE.liu, tight: true, span: 3 });
  const anchorChildren = anchor
    ? [
        para('本报告纸质件经签字后存档。下列数值记录了生成本报告时的审计链状态；日后如数据库被改写，用这些数值核对即会发现。', {
          font: 'fangsong',
          size: SIZE.xiaoSi,
          after: 80,
          keepNext: true,
        }),
        fieldTable(
          [
            [
              { label: '最新记录序号', value: String(anchor.headSeq) },
              { label: '最新封存日', value: anchor.latestSeal?.day ?? '尚无封存' },
            ],
            [{ label: '链头哈希', value: hashValue(anchor.headHash), span: 3 }],
            [{ label: '封存哈希', value: anchor.latestSeal ? hashValue(anchor.latestSeal.hash) : '—', span: 3 }],
            [
              {
                label: '核对命令',
                value: {
                  // One argument a line, so nothing is broken where a person copies it by hand.
                  text: [
                    'evidence verify --archive 档案库',
                    `--anchor ${anchor.headSeq}:${anchor.headHash}`,
                    ...(anchor.latestSeal ? [`--anchor-seal ${anchor.latestSeal.hash}`] : []),
                  ].join('\n'),
                  font: 'mono',
                  size: SIZE.liu,
                  tight: true,
                  span: 3,
                },
                span: 3,
              },
            ],
          ],
          FIELD_GRID,
        ),
      ]
    : [];

  const label = weekLabel(data);
  return buildDocument({ title: WEEKLY_TITLE, orientation: 'portrait', meta: data, idPrefix: 'ZB' }, [
    fieldTable(
      [
        [{ label: '归档周次', value: label, span: 3 }],
        [
          { label: '交接次数', value: data.handoverSessions !== undefined ? `${data.handoverSessions} 次` : `${doneCount} 人次` },
          { label: '缺交', value: missingCount > 0 ? `${missingCount} 人次` : '无' },
        ],
        [
          { label: '文件总数', value: `${totals.files} 个` },
          { label: '总大小 / 时长', value: `${formatBytes(totals.bytes)}，${formatDurationClock(totals.durationSec)}` },
        ],
      ],
      FIELD_GRID,
    ),
    heading('一、每日交接情况'),
    dataTable(gridColumns, gridRows, 'portrait', { size: SIZE.xiaoWu, emptyText: '本周无执法人员记录' }),
    para('注：✓ 已交接；— 当日无录制或非工作日；缺 当日有录制但未交接。', { size: SIZE.xiaoWu, before: 60 }),
    heading('二、记录仪汇总'),
    dataTable(recorderColumns, recorderRows, 'portrait', { emptyText: '本周无记录仪交接' }),
    heading('三、本周标记'),
    para(flagSummary, { font: 'fangsong', size: SIZE.xiaoSi, after: 80, keepNext: flagRows.length > 0 }),
    ...(flagRows.length > 0 ? [dataTable(flagColumns, flagRows, 'portrait')] : []),
    heading('四、完整性校验'),
    ...integrityChildren,
    heading('五、备份'),
    ...backupChildren,
    ...(anchor ? [heading('六、审计链核对值'), ...anchorChildren] : []),
    ...(data.remarks ? [heading(anchor ? '七、其他说明' : '六、其他说明'), para(data.remarks, { font: 'fangsong', size: SIZE.xiaoSi })] : []),
    spacer(200),
    signatureLines(
      [
        { label: '整理人（保管员）', printedName: data.preparedBy.name },
        { label: '审核人（大队负责人）', printedName: data.reviewedBy?.name },
      ],
      'portrait',
    ),
  ]);
}

function integrityConclusion(i: WeeklyIntegrity): string {
  if (i.missing === 0 && i.changed === 0 && i.extra === 0) return `全部 ${i.checked} 个文件校验一致，未发现缺失或改动。`;
  const parts = [
    i.missing > 0 ? `缺失 ${i.missing} 个` : '',
    i.changed > 0 ? `已改变 ${i.changed} 个` : '',
    i.extra > 0 ? `多余 ${i.extra} 个` : '',
  ].filter(Boolean);
  return `发现问题：${parts.join('，')}，详见下表。`;
}
