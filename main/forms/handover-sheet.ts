// 执法记录仪视听资料交接登记表 — the daily handover record of rules art. 8: one ingest session, who
// handed over, who received, what was stored.
import { buildDocument, centered, cm, dataTable, FIELD_GRID, fieldTable, para, signatureLines, SIZE, type Column, type FormMeta } from './docx-kit';
import { formatBytes, formatDurationClock, localDay } from '../common';
import { fileListCells, fileListColumns, fileListHeading, type ListedFile } from './file-list';
import { flagLabel, formatClockDrift, formatDateTime, type FileFlag } from './format';

/** The batch number printed on the sheet: the office day the session started, and its id ('20261127-003'). */
export function handoverSessionNo(startedAt: Date, sessionId: number, timeZone: string): string {
  return `${localDay(startedAt, timeZone).replaceAll('-', '')}-${String(sessionId).padStart(3, '0')}`;
}

export interface RecorderInfo {
  serial: string;
  brand: string;
  model: string;
  /** Fixed-asset number, when the office has given one. */
  assetNo: string | null;
}

export interface HandoverFile extends ListedFile {
  flags: readonly FileFlag[];
}

export interface HandoverSheetData extends FormMeta {
  /** Ingest session number as shown in the program, e.g. '20261127-003'. */
  sessionNo: string;
  startedAt: Date;
  /** Null while the session is still open (printed as 进行中). */
  finishedAt: Date | null;
  handedOverBy: { name: string; badgeNo: string };
  receivedBy: { name: string };
  recorder: RecorderInfo;
  counts: { stored: number; duplicates: number; failed: number };
  totalBytes: number;
  totalDurationSec: number;
  /** Recorder clock minus workstation clock in seconds; null when it could not be measured. */
  clockDriftSec: number | null;
  files: readonly HandoverFile[];
  remarks?: string;
}

export const HANDOVER_TITLE = '执法记录仪视听资料交接登记表';

const FILE_COLUMNS: readonly Column[] = [
  // Names at 7.5pt: a recorder's 26-character name on two lines at most; 28/88 of the width holds 32 Courier digits
  // at 7pt with narrow cell margins.
  ...fileListColumns({ name: 15, start: 15, hash: 28 }),
  centered('标记', 9),
];

export function flagsText(flags: readonly FileFlag[]): string {
  return flags.length > 0 ? flags.map(flagLabel).join('\n') : '—';
}

export async function handoverSheet(data: HandoverSheetData): Promise<Buffer> {
  const tz = data.timeZone;
  const r = data.recorder;
  const fields = fieldTable(
    [
      [{ label: '单位', value: data.unitName, span: 3 }],
      [
        { label: '开始时间', value: formatDateTime(data.startedAt, tz) },
        { label: '完成时间', value: data.finishedAt ? formatDateTime(data.finishedAt, tz) : '进行中' },
      ],
      [
        { label: '移交人', value: `${data.handedOverBy.name}（警号 ${data.handedOverBy.badgeNo}）` },
        { label: '接收人', value: `${data.receivedBy.name}（保管员）` },
      ],
      [
        { label: '记录仪品牌型号', value: `${r.brand} ${r.model}` },
        { label: '记录仪编号', value: `序列号 ${r.serial}${r.assetNo ? `\n资产编号 ${r.assetNo}` : ''}` },
      ],
      [
        { label: '存储文件数', value: `${data.counts.stored} 个` },
        { label: '重复 / 失败', value: `重复 ${data.counts.duplicates} 个，失败 ${data.counts.failed} 个` },
      ],
      [
        { label: '总大小', value: formatBytes(data.totalBytes) },
        { label: '总时长', value: formatDurationClock(data.totalDurationSec) },
      ],
      [{ label: '记录仪时钟偏差', value: clockDriftText(data.clockDriftSec), span: 3 }],
      ...(data.remarks ? [[{ label: '备注', value: data.remarks, span: 3 }]] : []),
    ],
    FIELD_GRID,
  );
  const rows = data.files.map((f, i) => [...fileListCells(f, i, tz), flagsText(f.flags)]);

  const subtitle = `交接批次号：${data.sessionNo}`;
  return buildDocument({ title: HANDOVER_TITLE, orientation: 'portrait', meta: data, idPrefix: 'JJ', subtitle }, [
    fields,
    fileListHeading(data.files.length),
    dataTable(FILE_COLUMNS, rows, 'portrait', { emptyText: '本次交接无文件', keepLastRows: 2 }),
    para('注：标记栏“重复”指该文件此前已归档，本次未重复存储；时长、开始时间以文件元数据为准。SHA-256 为接收时计算的文件校验值。', {
      size: SIZE.xiaoWu,
      before: 80,
      keepNext: true,
    }),
    para('经核对，上述视听资料已按日完整移交，并由接收人归档保存。', { size: SIZE.xiaoSi, keepNext: true, before: cm(0.3), after: 60 }),
    signatureLines(
      [
        { label: '移交人（签名）', printedName: data.handedOverBy.name },
        { label: '接收人（签名）', printedName: data.receivedBy.name },
      ],
      'portrait',
    ),
  ]);
}

function clockDriftText(driftSec: number | null): string {
  const text = formatClockDrift(driftSec);
  if (driftSec === null || Math.round(driftSec) === 0) return text;
  return `${text}（记录仪时钟${driftSec > 0 ? '快于' : '慢于'}工作站时钟）`;
}
