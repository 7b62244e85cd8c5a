import { dayStart, formatInstant, localDay } from '../../common';
import type { RecorderDay } from '../../devices';
import type { DayRows, MediaRow, RecordRef, SessionRow } from '../types';

/** 'HH:mm' of an ISO instant in the office zone; the full date when it is not on the checked day. */
export function timeOf(rows: DayRows, iso: string): string {
  const at = new Date(iso);
  return localDay(at, rows.timeZone) === rows.day ? formatInstant(at, rows.timeZone, 'HH:mm') : formatInstant(at, rows.timeZone);
}

/** How late, in words: '1 天 3 小时', '9 小时 30 分钟', '40 分钟'. */
export function formatLateness(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return h ? `${d} 天 ${h} 小时` : `${d} 天`;
  if (h) return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
  return `${m} 分钟`;
}

export const mediaRef = (m: MediaRow): RecordRef => ({ kind: 'media', id: m.id, label: m.name });
export const sessionRef = (id: number): RecordRef => ({ kind: 'ingest', id, label: `导入 #${id}` });
export const recorderRef = (id: number, serial: string | null): RecordRef => ({ kind: 'recorder', id, label: serial ?? `设备 #${id}` });

/** The recorder's completed dockings (ingests) on the checked day. */
export const dockingsOf = (rows: DayRows, recorderId: number): SessionRow[] => rows.sessions.filter((s) => s.recorderId === recorderId && s.status === 'completed');

/** The footage recorded on the recorder on the checked day, whenever it was handed over. */
export const recordedOn = (rows: DayRows, recorderId: number): MediaRow[] => rows.media.filter((m) => m.recorderId === recorderId && m.day === rows.day);

/**
 * Whether a recorder went out on the checked day: issued that day (an assignment that began after the day's start),
 * checked, recorded footage of the day or docked. An assignment runs for weeks, so a recorder its wearer kept but did
 * not take out (a day off) went nowhere: it needs neither a pre-use check (art. 4) nor a handover (art. 8).
 */
export function wentOut(rows: DayRows, r: RecorderDay): boolean {
  const dayBegins = dayStart(rows.day, rows.timeZone).getTime();
  const issued = r.wearers.some((w) => new Date(w.fromAt).getTime() > dayBegins);
  return issued || r.check !== null || dockingsOf(rows, r.recorderId).length > 0 || recordedOn(rows, r.recorderId).length > 0;
}
