// 执法记录仪视听资料销毁记录 — the record of a disposal after the retention period (rules art. 11(3)): who asked,
// who approved, who carried it out, and every file destroyed with its SHA-256. The executor signs the DOCX itself
// (CMS, detached), so `openssl cms -verify` checks the very file that is printed and filed.
import { formatBytes } from '../common';
import { buildDocument, centered, closingWithFingerprint, columnWidths, contentWidth, dataTable, fieldTable, hashCell, heading, signatureBoxes, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { formatDate, formatDateTime, formatDateTimeCompact } from './format';

export interface DisposalRecordFile {
  name: string;
  /** The stored path in the archive, e.g. 'originals/2026/08/01/R1/A.MP4'. */
  storedPath: string;
  startedAt: Date;
  bytes: number;
  /** Office day from which it could be disposed of. */
  keepUntil: string;
  sha256: string;
}

export interface DisposalRecordData extends FormMeta {
  /** 销毁编号, e.g. 'XH-0003'. */
  documentId: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  approvedBy: string;
  approvedAt: Date;
  executedBy: string;
  executedAt: Date;
  files: readonly DisposalRecordFile[];
  /** The office CA's SHA-256 fingerprint ('AB:CD:…'), to check the signature against. */
  caFingerprint: string;
}

export const DISPOSAL_RECORD_TITLE = '执法记录仪视听资料销毁记录';

const FILE_COLUMNS: readonly Column[] = [
  centered('序号', 4),
  { header: '文件（档案内位置）', weight: 25.5 },
  centered('录制时间', 13),
  { header: '大小', weight: 9.5, align: 'right' },
  centered('保存至', 9.5),
  { header: 'SHA-256', weight: 28.5 },
];

export async function disposalRecord(data: DisposalRecordData): Promise<Buffer> {
  const tz = data.timeZone;
  const grid = columnWidths([2, 3, 2, 3], contentWidth('portrait'));
  const rows: CellContent[][] = data.files.map((f, i) => [
    String(i + 1),
    // The name as on the recorder, then the folder it is kept in (the stored name may differ: safe names).
    { text: `${f.name}\n${f.storedPath.split('/').slice(0, -1).join('/')}/`, size: SIZE.liu },
    { text: formatDateTimeCompact(f.startedAt, tz), size: SIZE.liu },
    formatBytes(f.bytes),
    { text: f.keepUntil, size: SIZE.liu },
    hashCell(f.sha256),
  ]);
  const totalBytes = data.files.reduce((s, f) => s + f.bytes, 0);
  return buildDocument({ title: DISPOSAL_RECORD_TITLE, orientation: 'portrait', meta: data, idPrefix: 'XH' }, [
    spacer(80),
    fieldTable(
      [
        [{ label: '销毁事由', value: data.reason, span: 3 }],
        [
          { label: '申请人', value: data.requestedBy },
          { label: '申请时间', value: formatDateTime(data.requestedAt, tz) },
        ],
        [
          { label: '批准人', value: data.approvedBy },
          { label: '批准时间', value: formatDateTime(data.approvedAt, tz) },
        ],
        [
          { label: '执行人', value: data.executedBy },
          { label: '执行时间', value: formatDateTime(data.executedAt, tz) },
        ],
        [
          { label: '文件数', value: `${data.files.length} 个` },
          { label: '合计大小', value: formatBytes(totalBytes) },
        ],
      ],
      grid,
      { minRowHeight: 520 },
    ),
    heading(`销毁文件清单（共 ${data.files.length} 个）`),
    dataTable(FILE_COLUMNS, rows, 'portrait', { emptyText: '无文件' }),
    ...closingWithFingerprint(
      `以上视听资料均已超过保存期限（不少于三个月；属于案件的，结案后另按案件保存期限保存），不属于办理中的案件，未被保留，不涉密，经批准于${formatDate(data.executedAt, tz)}销毁。` +
        '原始文件已从档案库删除；其登记信息、SHA-256 校验值、当日清单及审批记录永久保留。',
      '本记录文件由执行人以电子签名（CMS）签署，签名文件与本文件同名加 .p7s；本单位根证书 SHA-256 指纹：',
      data.caFingerprint,
    ),
    signatureBoxes([{ label: '申请人签名' }, { label: '批准人签名' }, { label: '执行人签名' }], 'portrait', 3),
  ]);
}
