import type { MulticamCameraDto } from '../../../../main/api/dto';

export const RELATION_LABELS: Record<MulticamCameraDto['relation'], string> = {
  anchor: '本录像',
  overlap: '同时段',
  case: '同案件',
  overlap_case: '同时段 · 同案件',
};

/** Seconds with their sign, to the hundredth: "+7 秒", "−0.40 秒". */
export function signedSeconds(sec: number): string {
  const abs = Math.abs(sec);
  const text = Number.isInteger(abs) ? String(abs) : abs.toFixed(2);
  return `${sec < 0 ? '−' : '+'}${text} 秒`;
}

/** The drift at docking as a person reads it. */
export function driftText(c: MulticamCameraDto): string {
  const s = c.drift.seconds;
  if (s === null) return '时钟偏差未测得';
  if (s === 0) return '时钟准确（交接时测得）';
  return `记录仪时钟${s > 0 ? '快' : '慢'} ${Math.abs(s)} 秒（交接时测得${c.drift.basis === 'newest_file_in_future' ? '，为下限' : ''}）`;
}

/** Who is on a camera: officer and recorder. */
export function cameraName(c: MulticamCameraDto): string {
  const r = c.recording;
  const who = r.officer ? `${r.officer.name}（${r.officer.badgeNo}）` : '执法人员未登记';
  return r.recorderSerial ? `${who} · 记录仪 ${r.recorderSerial}` : who;
}
