// 执法记录仪登记簿 — the device register of rules art. 7, 9, 10: every recorder with its status and wearer, the
// keeper designated for them, and each recorder's history (who wore it, checks found wanting, repairs, losses and
// damage with the decision on compensation). Landscape: the history's text needs the width.
import { buildDocument, centered, dataTable, heading, para, signatureLines, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { RECORDER_STATUS_LABELS, type RecorderStatus } from '../common';
import { formatDateTimeCompact } from './format';

export interface DeviceRegisterRecorder {
  serial: string;
  brand: string | null;
  model: string | null;
  assetNo: string | null;
  status: RecorderStatus;
  /** '张三（310115）' or null when nobody wears it. */
  wearer: string | null;
  /** Last pre-use check, e.g. '2026-11-27 合格' or '2026-11-27 电量不足'; null when never checked. */
  lastCheck: string | null;
  notes: string | null;
}

/** One line of a recorder's history. */
export interface DeviceRegisterEvent {
  serial: string;
  at: Date;
  /** 领用, 领用结束, 检查未通过, 送修, 维修返回, 丢失, 损坏, 赔偿决定. */
  what: string;
  detail: string;
  /** Who recorded or decided it. */
  by: string | null;
}

export interface DeviceRegisterData extends FormMeta {
  /** The keeper designated by the chief (art. 7), with the date of designation; null when none is designated. */
  keeper: { name: string; since: Date } | null;
  recorders: readonly DeviceRegisterRecorder[];
  /** Oldest first within each recorder; the form groups by recorder in the order of `recorders`. */
  events: readonly DeviceRegisterEvent[];
}

export const DEVICE_REGISTER_TITLE = '执法记录仪登记簿';

const REGISTER_COLUMNS: readonly Column[] = [
  centered('序号', 0.7),
  centered('记录仪编号', 2),
  { header: '品牌型号', weight: 2 },
  centered('资产编号', 1.6),
  centered('状态', 0.9),
  centered('当前使用人', 1.8),
  { header: '最近使用前检查', weight: 2 },
  { header: '备注', weight: 2.5 },
];

const HISTORY_COLUMNS: readonly Column[] = [
  centered('记录仪编号', 1.8),
  centered('时间', 1.7),
  centered('事项', 1.2),
  { header: '内容', weight: 6 },
  centered('经办人', 1.3),
];

export async function deviceRegister(data: DeviceRegisterData): Promise<Buffer> {
  const tz = data.timeZone;
  const time = (d: Date): string => formatDateTimeCompact(d, tz).slice(0, 16);
  const brandModel = (r: DeviceRegisterRecorder) => [r.brand, r.model].filter(Boolean).join(' ') || '—';
  const registerRows: CellContent[][] = data.recorders.map((r, i) => [
    String(i + 1),
    { text: r.serial, font: 'mono', align: 'center' },
    brandModel(r),
    r.assetNo ?? '—',
    RECORDER_STATUS_LABELS[r.status],
    r.wearer ?? '—',
    r.lastCheck ?? '未检查',
    r.notes ?? '',
  ]);
  const order = new Map(data.recorders.map((r, i) => [r.serial, i]));
  const events = [...data.events].sort((a, b) => (order.get(a.serial) ?? 0) - (order.get(b.serial) ?? 0) || a.at.getTime() - b.at.getTime());
  const historyRows: CellContent[][] = events.map((e) => [{ text: e.serial, font: 'mono', align: 'center' }, time(e.at), e.what, e.detail, e.by ?? '—']);
  const count = (s: RecorderStatus) => data.recorders.filter((r) => r.status === s).length;
  const keeper = data.keeper ? `${data.keeper.name}（${formatDateTimeCompact(data.keeper.since, tz).slice(0, 10)} 起）` : '未指定';
  const subtitle = `单位：${data.unitName}\u3000\u3000保管人：${keeper}`;
  return buildDocument({ title: DEVICE_REGISTER_TITLE, orientation: 'landscape', meta: data, idPrefix: 'SB', subtitle }, [
    spacer(80),
    dataTable(REGISTER_COLUMNS, registerRows, 'landscape', { size: SIZE.xiaoWu, emptyText: '尚未登记记录仪' }),
    para(
      `共登记记录仪 ${data.recorders.length} 台：在用 ${count('in_service')} 台，维修 ${count('repair')} 台，丢失 ${count('lost')} 台，报废 ${count('retired')} 台。` +
        '记录仪严禁转借其他单位和个人使用（制度第九条），实行“谁佩戴、谁负责”（制度第十条）。',
      { size: SIZE.xiaoWu, before: 80 },
    ),
    heading('使用、检查、维修及丢失损坏记录'),
    dataTable(HISTORY_COLUMNS, historyRows, 'landscape', { size: SIZE.xiaoWu, emptyText: '尚无记录', keepLastRows: 1 }),
    spacer(160),
    signatureLines([{ label: '保管人（签名）', ...(data.keeper ? { printedName: data.keeper.name } : {}) }, { label: '大队负责人（签名）' }], 'landscape'),
  ]);
}
