// 执法记录仪视听资料证据记录表 — the record form of rules art. 11(4) and DESIGN §8, filed with the evidence
// disc: what was recorded, by whom, where, on which device, with each file's SHA-256, then the officers'
// and chief's signatures and the unit seal.
import { formatBytes, formatDurationClock } from '../common';
import { buildDocument, closingWithFingerprint, dataTable, FIELD_GRID, fieldTable, para, signatureBoxes, SIZE, spacer, type FormMeta } from './docx-kit';
import { fileListCells, fileListColumns, fileListHeading, type ListedFile } from './file-list';
import { formatDateTime } from './format';

export interface RecordFormFile extends ListedFile {
  sha256: string;
}

/** The recording as the form prints it, the same in the signed fields of the disc workflow. */
export interface RecordingFacts {
  /** The person who operated the camera (摄录人). */
  cameraOperator: string;
  place: string;
  recorderBrand: string;
  recorderModel: string;
  /** e.g. 'MP4（H.264 视频 / AAC 音频）'. */
  format: string;
  totalDurationSec: number;
  totalBytes: number;
}

export interface RecordFormData extends FormMeta, RecordingFacts {
  caseName: string;
  caseNo: string;
  /** Law-enforcement officers of the case (执法人员). */
  officers: readonly string[];
  recordingStart: Date;
  recordingEnd: Date;
  /** Disc label as the caller numbers it, e.g. '2026-001 第1张/共2张'. */
  discLabel: string;
  files: readonly RecordFormFile[];
  /**
   * One line per electronic signature present, already worded by the caller, e.g.
   * '执法人员 张三 已签（2026-11-27 10:02，证书序列号 …）'. Empty: none yet.
   */
  electronicSignatures: readonly string[];
  /**
   * SHA-256 fingerprint of the office CA as `openssl x509 -fingerprint -sha256` prints it ('AB:CD:…'). The disc
   * carries its own copy of the CA; a court compares that copy's fingerprint with this one and the published one.
   */
  caFingerprint: string;
  remarks?: string;
}

export const RECORD_FORM_TITLE = '执法记录仪视听资料证据记录表';

// A typical 26-character recorder file name at 7.5pt on one line, longer ones on two; 28.5/88 of the width: 32 Courier
// digits at 7pt per line, as on the handover sheet.
const FILE_COLUMNS = fileListColumns({ name: 23, start: 15.5, hash: 28.5 });

/** '警翼 DSJ-V9'; '未登记' when the recorder's brand and model were never recorded (not '— —'). */
export function brandModel(brand: string, model: string): string {
  const known = [brand, model].map((s) => s.trim()).filter((s) => s && s !== '—' && s !== '（未登记）');
  return known.length ? known.join(' ') : '未登记';
}

export async function recordForm(data: RecordFormData): Promise<Buffer> {
  const tz = data.timeZone;
  const rows = data.files.map((f, i) => fileListCells(f, i, tz));

  const esig =
    data.electronicSignatures.length > 0
      ? data.electronicSignatures.map((line, i) => para(`${i === 0 ? '电子签名：' : '\u3000\u3000\u3000\u3000\u3000'}${line}`, { font: 'fangsong', size: SIZE.xiaoWu + 1 }))
      : [para('电子签名：无', { font: 'fangsong', size: SIZE.xiaoWu + 1 })];

  return buildDocument({ title: RECORD_FORM_TITLE, orientation: 'portrait', meta: data, idPrefix: 'JL' }, [
    fieldTable(
      [
        [{ label: '案件名称', value: data.caseName, span: 3 }],
        [
          { label: '案号', value: data.caseNo },
          { label: '光盘编号', value: data.discLabel },
        ],
        [{ label: '执法人员', value: data.officers.join('、'), span: 3 }],
        [
          { label: '摄录人', value: data.cameraOperator },
          { label: '记录仪品牌型号', value: brandModel(data.recorderBrand, data.recorderModel) },
        ],
        [
          { label: '录制开始时间', value: formatDateTime(data.recordingStart, tz) },
          { label: '录制结束时间', value: formatDateTime(data.recordingEnd, tz) },
        ],
        [{ label: '录制地点', value: data.place, span: 3 }],
        [
          { label: '文件格式', value: data.format },
          { label: '时长及大小', value: `${formatDurationClock(data.totalDurationSec)}，${formatBytes(data.totalBytes)}` },
        ],
        ...(data.remarks ? [[{ label: '备注', value: data.remarks, span: 3 }]] : []),
      ],
      FIELD_GRID,
      { minRowHeight: 560 },
    ),
    fileListHeading(data.files.length),
    // The table goes with the closing text and the signature and seal boxes: never a page of boxes alone. Word keeps
    // the last rows; LibreOffice keeps a table with what follows only as a whole (the list may then start on page 2).
    dataTable(FILE_COLUMNS, rows, 'portrait', { emptyText: '无文件', keepLastRows: rows.length }),
    ...closingWithFingerprint(
      '以上视听资料为执法记录仪原始记录，未经删节、修改，已刻录光盘存储；SHA-256 校验值可用于核对光盘内文件。',
      '本单位根证书 SHA-256 指纹（光盘上 certs/office-ca.pem 的指纹须与此及本单位另行公布的指纹一致，光盘清单签名方可采信）：',
      data.caFingerprint,
    ),
    signatureBoxes([{ label: '执法人员签名' }, { label: '大队负责人签名' }, { label: '单位（盖章）', body: [data.unitName], weight: 1.3 }], 'portrait'),
    spacer(80),
    ...esig,
  ]);
}
