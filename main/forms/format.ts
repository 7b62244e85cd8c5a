// Small formatting helpers shared by the printed forms. Pure: the time zone is always passed in,
// never taken from the machine, so a form prints the same wherever it is generated.
import { formatDay as formatCalendarDay, formatInstant, MEDIA_FLAG_LABELS, parseDay, type MediaFlag } from '../common';

/** Flags a file can carry on a form: the media flags plus the ingest-level duplicate mark. */
export type FileFlag = MediaFlag | 'duplicate';

const FLAG_LABELS: Record<FileFlag, string> = { ...MEDIA_FLAG_LABELS, duplicate: '重复' };

/** Order in which flags are listed and counted (most serious first). */
export const FLAG_ORDER: readonly FileFlag[] = ['unreadable', 'truncated', 'zero_byte', 'no_audio', 'clock_suspect', 'duplicate'];

/** Chinese label of a flag; an unknown flag is shown as is rather than dropped. */
export function flagLabel(flag: FileFlag | string): string {
  return (FLAG_LABELS as Record<string, string>)[flag] ?? flag;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '2026年11月27日 10:02' (month and day unpadded, as Chinese official documents write them). */
export function formatDateTime(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'YYYY年M月D日 HH:mm');
}

/** '2026年11月27日'. */
export function formatDate(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'YYYY年M月D日');
}

/** '2026-11-27 10:02:15' — for table cells where width is scarce and seconds matter. */
export function formatDateTimeCompact(at: Date, timeZone: string): string {
  return formatInstant(at, timeZone, 'YYYY-MM-DD HH:mm:ss');
}

/** A calendar day 'YYYY-MM-DD' as '2026年11月27日'. */
export function formatDay(day: string): string {
  return formatCalendarDay(day, 'YYYY年M月D日');
}

/** A calendar day 'YYYY-MM-DD' as '11月27日'. */
export function formatMonthDay(day: string): string {
  return formatCalendarDay(day, 'M月D日');
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Weekday of a calendar day 'YYYY-MM-DD' as '周一'. */
export function weekdayLabel(day: string): string {
  const { y, m, d } = parseDay(day);
  return `周${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''}`;
}

/**
 * Recorder clock minus workstation clock: '+12 秒', '-1 分 05 秒', '0 秒'; null (not measurable) → '无法测定'.
 */
export function formatClockDrift(driftSec: number | null): string {
  if (driftSec === null || !Number.isFinite(driftSec)) return '无法测定';
  const total = Math.round(driftSec);
  if (total === 0) return '0 秒';
  const sign = total > 0 ? '+' : '-';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (h > 0) return `${sign}${h} 小时 ${pad2(m)} 分 ${pad2(s)} 秒`;
  if (m > 0) return `${sign}${m} 分 ${pad2(s)} 秒`;
  return `${sign}${s} 秒`;
}
