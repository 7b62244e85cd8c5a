// 执法记录仪视听资料查阅登记表 — the keeper's register of rules art. 14: who viewed what, why, on whose
// approval and when. Landscape, because eight columns of Chinese text do not fit a portrait page.
import { buildDocument, centered, dataTable, para, signatureLines, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { ACCESS_TYPE_LABELS, type AccessType } from '../common';
import { formatDateTimeCompact, formatDay } from './format';

/** 工作查阅 (art. 12), 办案查阅 (art. 14), 公开使用 (art. 13). */
export type ViewingType = AccessType;

export interface ViewingEntry {
  /** Viewer's name, optionally with post, e.g. '赵明（法制员）'. */
  viewer: string;
  /** What was viewed: media, recording or case label, as the program names it. */
  subject: string;
  type: ViewingType;
  reason: string;
  /** Who approved; null prints '—' (should not happen for case or public use). */
  approvedBy: string | null;
  startedAt: Date;
  /** Null while the viewing is still open. */
  endedAt: Date | null;
}

export interface ViewingRegisterData extends FormMeta {
  /** First and last calendar day covered, 'YYYY-MM-DD', inclusive. */
  periodFrom: string;
  periodTo: string;
  entries: readonly ViewingEntry[];
  /** 保管员 who keeps the register. */
  /** The custodian who keeps the register (art. 14), printed on his line; null when someone else exports it. */
  keeperName: string | null;
  /** Who exported it when not the custodian (e.g. the chief): his own signature line, so nobody signs under another's name. */
  exportedBy?: { name: string; role: string };
}

export const VIEWING_TITLE = '执法记录仪视听资料查阅登记表';

const COLUMNS: readonly Column[] = [
  centered('序号', 0.8),
  centered('查阅人', 1.6),
  { header: '查阅对象', weight: 3.4 },
  centered('查阅类型', 1.2),
  { header: '事由', weight: 3.8 },
  centered('批准人', 1.6),
  // 'YYYY-MM-DD HH:mm' on one line at 9pt.
  centered('开始时间', 2),
  centered('结束时间', 2),
];

export async function viewingRegister(data: ViewingRegisterData): Promise<Buffer> {
  const tz = data.timeZone;
  const time = (d: Date): string => formatDateTimeCompact(d, tz).slice(0, 16);
  const rows: CellContent[][] = data.entries.map((e, i) => [
    String(i + 1),
    e.viewer,
    e.subject,
    ACCESS_TYPE_LABELS[e.type],
    e.reason,
    e.approvedBy ?? '—',
    time(e.startedAt),
    e.endedAt ? time(e.endedAt) : '未结束',
  ]);
  const subtitle = `单位：${data.unitName}\u3000\u3000登记期间：${formatDay(data.periodFrom)} 至 ${formatDay(data.periodTo)}`;
  return buildDocument({ title: VIEWING_TITLE, orientation: 'landscape', meta: data, idPrefix: 'CY', subtitle }, [
    dataTable(COLUMNS, rows, 'landscape', { size: SIZE.xiaoWu, emptyText: '本期间无查阅记录' }),
    para(`本期间共登记查阅 ${data.entries.length} 次。办案查阅须经乡主管领导批准，公开使用须经大队负责人批准。`, {
      size: SIZE.xiaoWu,
      before: 80,
      keepNext: true,
    }),
    spacer(120),
    signatureLines(
      [
        { label: '保管员（签名）', ...(data.keeperName ? { printedName: data.keeperName } : {}) },
        ...(data.exportedBy ? [{ label: `导出人（${data.exportedBy.role}，签名）`, printedName: data.exportedBy.name }] : []),
      ],
      'landscape',
    ),
  ]);
}
