// 公开使用副本来源记录 — the printed provenance of a public-use copy (rules art. 3, 13): the original and its SHA-256
// before and after, the approval, every masked region with its key frames, the mute ranges, the ffmpeg version and
// full command, the copy's SHA-256, who made it and when. It prints the signed JSON record beside the copy.
import { formatBytes, MASK_STYLE_LABELS, REGION_KIND_LABELS } from '../common';
import type { ProvenanceRecord } from '../public-copy';
import { buildDocument, centered, dataTable, FIELD_GRID, fieldTable, hashCell, heading, para, run, signatureBoxes, SIZE, spacer, type CellContent, type Column, type FormMeta } from './docx-kit';
import { formatDateTime } from './format';

export interface PublicCopyProvenanceData extends FormMeta {
  record: ProvenanceRecord;
  /** SHA-256 of the signed JSON record, so the printout can be matched to it. */
  recordSha256: string;
  recordFile: string;
  caFingerprint: string;
}

export const PUBLIC_COPY_TITLE = '公开使用副本来源记录';

const sec = (s: number): string => `${s.toFixed(2)} 秒`;
const REGION_COLUMNS: readonly Column[] = [centered('序号', 5), centered('类别', 8), centered('方式', 8), centered('起止', 20), { header: '关键帧（时间：左, 上, 宽×高，像素）', weight: 59 }];
const MUTE_COLUMNS: readonly Column[] = [centered('序号', 8), { header: '静音区间（原始文件时间）', weight: 92 }];

export async function publicCopyProvenance(data: PublicCopyProvenanceData): Promise<Buffer> {
  const r = data.record;
  const tz = data.timeZone;
  const ops = r.operations;
  const regions: CellContent[][] = ops.regions.map((g, i) => [
    String(i + 1),
    REGION_KIND_LABELS[g.kind],
    MASK_STYLE_LABELS[g.style],
    `${sec(g.from)} – ${sec(g.to)}`,
    { text: g.keyFrames.map((k) => `${k.t.toFixed(2)}s：${Math.round(k.x)}, ${Math.round(k.y)}, ${Math.round(k.w)}×${Math.round(k.h)}`).join('；'), size: SIZE.liu },
  ]);
  const mutes: CellContent[][] = ops.mute.map((m, i) => [String(i + 1), `${sec(m.from)} – ${sec(m.to)}`]);
  return buildDocument({
    title: PUBLIC_COPY_TITLE,
    orientation: 'portrait',
    meta: data,
    idPrefix: 'GK',
  }, [
      spacer(80),
      fieldTable(
        [
          [{ label: '副本编号', value: r.copy.number }, { label: '副本文件', value: r.copy.fileName }],
          [{ label: '副本标识', value: r.copy.label, span: 3 }],
          [{ label: '原始文件', value: `${r.source.originalName}（${r.source.storedPath}）`, span: 3 }],
          [{ label: '批准编号', value: `${r.approval.number}（公开使用，第十三条）` }, { label: '批准人', value: r.approval.decidedBy }],
          [{ label: '申请人', value: r.approval.requestedBy }, { label: '批准时间', value: formatDateTime(new Date(r.approval.decidedAt), tz) }],
          [{ label: '用途', value: r.approval.reason, span: 3 }],
          [{ label: '副本范围', value: `原始文件 ${sec(ops.range.from)} 至 ${sec(ops.range.to)}` }, { label: '副本大小', value: formatBytes(r.copy.bytes) }],
          [{ label: '制作人', value: `${r.madeBy.name}（${r.madeBy.login}）` }, { label: '制作时间', value: r.madeAtLocal }],
        ],
        FIELD_GRID,
        { minRowHeight: 480 },
      ),
      heading('校验值（SHA-256）'),
      dataTable(
        [{ header: '对象', weight: 28 }, { header: 'SHA-256', weight: 72 }],
        [
          ['原始文件（登记值）', hashCell(r.source.sha256)],
          ['原始文件（制作前复核）', hashCell(r.source.sha256Before)],
          ['原始文件（制作后复核）', hashCell(r.source.sha256After)],
          ['公开使用副本', hashCell(r.copy.sha256)],
          [`来源记录 ${data.recordFile}`, hashCell(data.recordSha256)],
        ],
        'portrait',
      ),
      heading(`遮挡区域（共 ${ops.regions.length} 处；关键帧之间位置按线性插值）`),
      dataTable(REGION_COLUMNS, regions, 'portrait', { emptyText: '无遮挡区域' }),
      heading(`静音区间（共 ${ops.mute.length} 段）`),
      dataTable(MUTE_COLUMNS, mutes, 'portrait', { emptyText: '无静音区间' }),
      heading('处理程序与完整命令'),
      para(r.ffmpeg.version, { size: SIZE.liu, after: 60 }),
      para([run(r.ffmpeg.command.join(' '), { font: 'mono', size: SIZE.liu })], { after: 100 }),
      para(r.copy.note, { font: 'fangsong', size: SIZE.xiaoWu + 1, before: 100, after: 100, keepNext: true }),
      para(`来源记录 ${data.recordFile} 由制作人以电子签名（CMS）签署，签名文件为同名加 .p7s；本单位根证书 SHA-256 指纹：`, { font: 'fangsong', size: SIZE.xiaoWu + 1, keepNext: true }),
      para([run(data.caFingerprint, { font: 'mono', size: SIZE.liu })], { after: 100, keepNext: true }),
      signatureBoxes([{ label: '制作人签名', weight: 1 }, { label: '大队负责人签名', weight: 1 }], 'portrait', 3),
  ]);
}
