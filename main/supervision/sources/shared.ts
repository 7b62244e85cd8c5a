import { formatInstant, localDay } from '../../common';
import type { DayRows, MediaRow, RecordRef } from '../types';

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
