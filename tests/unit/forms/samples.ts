// Realistic sample data for the form tests: one township brigade, one day of handovers, a week, a case.
import type { HandoverFile, HandoverSheetData, RecordFormData, ViewingRegisterData, WeeklyReportData } from '../../../main/forms';

export const TZ = 'Asia/Shanghai';
export const UNIT = '青石镇人民政府综合行政执法大队';
const GENERATED = new Date('2026-11-27T10:15:00+08:00');

/** Deterministic fake SHA-256 (64 hex digits) so tests can look for it in the PDF text. */
export function fakeHash(seed: number): string {
  let out = '';
  let x = (seed * 2654435761) >>> 0;
  while (out.length < 64) {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

const FLAG_CYCLE: HandoverFile['flags'][] = [[], [], [], ['no_audio'], [], ['clock_suspect'], [], [], ['duplicate'], []];

export function sampleFiles(count: number, day = '20261127'): HandoverFile[] {
  const start = new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T08:05:12+08:00`).getTime();
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * 11 * 60_000 + i * 7_000);
    const hh = String(at.getUTCHours() + 8).padStart(2, '0');
    const mm = String(at.getUTCMinutes()).padStart(2, '0');
    const ss = String(at.getUTCSeconds()).padStart(2, '0');
    return {
      name: `DSJ_${day}${hh}${mm}${ss}_0${String(i % 10)}${i % 2 === 0 ? 'A' : 'B'}.MP4`,
      startedAt: at,
      durationSec: 600 - (i % 7) * 37,
      bytes: 1_073_741_824 - i * 9_876_543,
      sha256: fakeHash(i + 1),
      flags: FLAG_CYCLE[i % FLAG_CYCLE.length] ?? [],
    };
  });
}

export function handoverSample(fileCount = 40): HandoverSheetData {
  const files = sampleFiles(fileCount);
  files.push({ name: 'DSJ_20261127163002_0099.MP4', startedAt: null, durationSec: null, bytes: 0, sha256: null, flags: ['zero_byte', 'unreadable'] });
  return {
    unitName: UNIT,
    timeZone: TZ,
    generatedAt: GENERATED,
    sessionNo: '20261127-003',
    startedAt: new Date('2026-11-27T17:32:00+08:00'),
    finishedAt: new Date('2026-11-27T17:58:41+08:00'),
    handedOverBy: { name: '李建国', badgeNo: '031207' },
    receivedBy: { name: '王秀兰' },
    recorder: { serial: 'DSJ-V9-8830217', brand: '警翼', model: 'DSJ-V9', assetNo: 'QS-ZF-2024-017' },
    counts: { stored: Math.max(0, fileCount - 4), duplicates: Math.min(4, fileCount), failed: 1 },
    totalBytes: files.reduce((a, f) => a + f.bytes, 0),
    totalDurationSec: files.reduce((a, f) => a + (f.durationSec ?? 0), 0),
    clockDriftSec: 12,
    files,
  };
}

export function weeklySample(): WeeklyReportData {
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
  return {
    unitName: UNIT,
    timeZone: TZ,
    generatedAt: new Date('2026-11-27T17:40:00+08:00'),
    isoYear: 2026,
    isoWeek: 48,
    days,
    officers: [
      { name: '李建国', badgeNo: '031207', marks: ['done', 'done', 'done', 'done', 'done', 'none', 'none'] },
      { name: '张伟', badgeNo: '031215', marks: ['done', 'missing', 'done', 'done', 'done', 'none', 'none'] },
      { name: '陈晓东', badgeNo: '031221', marks: ['none', 'done', 'done', 'none', 'done', 'done', 'none'] },
      { name: '刘芳', badgeNo: '031230', marks: ['done', 'done', 'none', 'done', 'missing', 'none', 'none'] },
    ],
    recorders: [
      { serial: 'DSJ-V9-8830217', brand: '警翼', model: 'DSJ-V9', officerName: '李建国', files: 112, bytes: 98_765_432_100, durationSec: 61_234 },
      { serial: 'HK-DSJ-A3-20250611', brand: '海康威视', model: 'DS-MH2311', officerName: '张伟', files: 87, bytes: 71_234_567_890, durationSec: 48_012 },
      { serial: 'DSJ-V9-8830233', brand: '警翼', model: 'DSJ-V9', officerName: '陈晓东', files: 64, bytes: 50_111_222_333, durationSec: 35_500 },
      { serial: 'ZF-T6-0091822', brand: '执法通', model: 'T6', officerName: '刘芳', files: 41, bytes: 30_000_000_000, durationSec: 22_321 },
    ],
    flagged: [
      { fileName: 'DSJ_20261124093311_0003.MP4', recorderSerial: 'DSJ-V9-8830217', officerName: '李建国', startedAt: new Date('2026-11-24T09:33:11+08:00'), flags: ['no_audio'] },
      { fileName: 'CH01_20261125_141502.MP4', recorderSerial: 'HK-DSJ-A3-20250611', officerName: '张伟', startedAt: new Date('2026-11-25T14:15:02+08:00'), flags: ['clock_suspect'] },
      { fileName: 'REC_0091822_20261126_0012.MP4', recorderSerial: 'ZF-T6-0091822', officerName: '刘芳', startedAt: null, flags: ['truncated', 'no_audio'] },
    ],
    integrity: {
      checkedAt: new Date('2026-11-27T16:05:00+08:00'),
      checked: 1873,
      ok: 1871,
      missing: 1,
      changed: 1,
      extra: 0,
      problems: [
        { path: 'originals/2026/11/20/DSJ-V9-8830233/DSJ_20261120101502_0007.MP4', kind: 'missing', detail: '归档目录中找不到该文件' },
        { path: 'originals/2026/11/18/ZF-T6-0091822/REC_0091822_20261118_0004.MP4', kind: 'changed', detail: 'SHA-256 与入库时不一致' },
      ],
    },
    backup: {
      target: '移动硬盘 WD Elements 4TB（资产编号 QS-ZF-2023-004）',
      completedAt: new Date('2026-11-27T17:21:00+08:00'),
      filesCopied: 304,
      bytesCopied: 250_111_222_323,
      verified: true,
    },
    preparedBy: { name: '王秀兰' },
    reviewedBy: { name: '周志强' },
  };
}

export function viewingSample(): ViewingRegisterData {
  const at = (s: string): Date => new Date(`${s}+08:00`);
  return {
    unitName: UNIT,
    timeZone: TZ,
    generatedAt: new Date('2026-12-01T09:00:00+08:00'),
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    keeperName: '王秀兰',
    entries: [
      { viewer: '赵明（法制审核员）', subject: '青石执罚〔2026〕017号 占道经营案 全部录像', type: 'case', reason: '审核案件证据，核对现场笔录与录像是否一致', approvedBy: '孙立新（副镇长）', startedAt: at('2026-11-03T09:10:00'), endedAt: at('2026-11-03T10:25:00') },
      { viewer: '张伟', subject: 'DSJ_20261102143015_0002.MP4', type: 'work', reason: '补写现场检查记录', approvedBy: '周志强', startedAt: at('2026-11-04T15:00:00'), endedAt: at('2026-11-04T15:20:00') },
      { viewer: '宣传办 黄丽', subject: '11月5日 违建拆除现场录像（经脱敏）', type: 'public', reason: '镇政府网站执法公示，人脸已打码', approvedBy: '周志强', startedAt: at('2026-11-12T10:00:00'), endedAt: at('2026-11-12T10:40:00') },
      // A month of routine work viewings, so the register runs onto a second page.
      ...Array.from({ length: 16 }, (_, i) => {
        const day = String(13 + i).padStart(2, '0');
        return {
          viewer: i % 2 === 0 ? '刘芳' : '李建国',
          subject: `DSJ_202611${day}0930${String(10 + i)}_000${String(i % 10)}.MP4`,
          type: 'work' as const,
          reason: i % 3 === 0 ? '制作现场检查笔录，核对当事人陈述' : '整理案件材料，确认违法行为发生时间',
          approvedBy: '周志强',
          startedAt: at(`2026-11-${day}T16:00:00`),
          endedAt: at(`2026-11-${day}T16:25:00`),
        };
      }),
      { viewer: '陈晓东', subject: '青石执罚〔2026〕021号 渣土运输案', type: 'case', reason: '行政复议答复准备', approvedBy: '孙立新（副镇长）', startedAt: at('2026-11-29T14:30:00'), endedAt: null },
    ],
  };
}

/** As `openssl x509 -noout -fingerprint -sha256` prints it. */
export const SAMPLE_CA_FINGERPRINT = fakeHash(77).toUpperCase().match(/../g)!.join(':');

export function recordSample(fileCount = 30): RecordFormData {
  const files = sampleFiles(fileCount).map((f, i) => ({ ...f, sha256: f.sha256 ?? fakeHash(1000 + i) }));
  return {
    unitName: UNIT,
    timeZone: TZ,
    generatedAt: GENERATED,
    documentId: 'JL-2026-0031',
    caseName: '李某某未经许可占道经营案',
    caseNo: '青石执罚〔2026〕017号',
    officers: ['李建国（执法证号 33010026031207）', '张伟（执法证号 33010026031215）'],
    cameraOperator: '李建国',
    recordingStart: new Date('2026-11-27T08:05:12+08:00'),
    recordingEnd: new Date('2026-11-27T13:34:05+08:00'),
    place: '青石镇人民路与建设街交叉口东北角（青石农贸市场北门外）',
    recorderBrand: '警翼',
    recorderModel: 'DSJ-V9',
    format: 'MP4（H.264 视频 / AAC 音频）',
    totalDurationSec: files.reduce((a, f) => a + (f.durationSec ?? 0), 0),
    totalBytes: files.reduce((a, f) => a + f.bytes, 0),
    discLabel: '2026-001 第1张/共2张',
    files,
    caFingerprint: SAMPLE_CA_FINGERPRINT,
    electronicSignatures: [
      '执法人员 李建国 已签（2026-11-27 10:02，证书序列号 4F2A9C01D7E3）',
      '执法人员 张伟 已签（2026-11-27 10:05，证书序列号 4F2A9C01D7E4）',
    ],
  };
}
