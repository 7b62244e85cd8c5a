// Art. 8 and 11(1): who wore which recorder on the day, whether its footage was handed over that day, and late handovers.
import { dayStart, localDay, nextDay } from '../../common';
import type { DayRows, Finding, MediaRow } from '../types';
import { dockingsOf, formatLateness, mediaRef, recordedOn, recorderRef, sessionRef, timeOf, wentOut } from './shared';

interface RecorderWorn {
  recorderId: number;
  serial: string;
  wearers: string[];
  /** Taken out that day (`wentOut`). */
  out: boolean;
}

/** The recorders in service that day (by their records, not today's status) that someone wore, with their wearers. */
function recordersWorn(rows: DayRows): RecorderWorn[] {
  return rows.devices.recorders
    .filter((r) => r.inService && r.wearers.length > 0)
    .map((r) => ({
      recorderId: r.recorderId,
      serial: r.serial,
      wearers: [...new Set(r.wearers.map((w) => `${w.name}（${w.badgeNo}）`))],
      out: wentOut(rows, r),
    }))
    .sort((a, b) => a.serial.localeCompare(b.serial));
}

const sessionDay = (rows: DayRows, iso: string): string => localDay(new Date(iso), rows.timeZone);

/**
 * One finding per recorder worn on the day: handed over that day (a record the chief confirms), or not docked at all
 * that day (art. 8). Only a recorder that went out that day (`wentOut`) is judged: one that lay unused (a day off) has
 * nothing to hand over.
 * A day still running is not judged: its handover may come this evening.
 */
export const recorderDays = (rows: DayRows): Finding[] => {
  const today = localDay(rows.now, rows.timeZone);
  if (rows.day >= today) return [];
  return recordersWorn(rows).flatMap((r): Finding[] => {
    if (!r.out) return [];
    const docked = dockingsOf(rows, r.recorderId);
    const recorded = recordedOn(rows, r.recorderId);
    const refs = [recorderRef(r.recorderId, r.serial), ...docked.map((s) => sessionRef(s.id))];
    if (docked.length) {
      const files = docked.reduce((n, s) => n + s.filesStored, 0);
      return [{
        key: `handover_same_day:recorder:${r.recorderId}`,
        kind: 'handover_same_day',
        article: '8',
        problem: false,
        title: `${r.serial} 佩戴人 ${r.wearers.join('、')}，当日已交接`,
        detail: `交接 ${docked.length} 次（${docked.map((s) => timeOf(rows, s.startedAt)).join('、')}），存入 ${files} 个文件；当日录制 ${recorded.length} 个文件`,
        refs,
      }];
    }
    return [{
      key: `not_docked:recorder:${r.recorderId}`,
      kind: 'not_docked',
      article: '8',
      problem: true,
      title: `${r.serial} 佩戴人 ${r.wearers.join('、')}，当日领用但未交接`,
      detail: recorded.length ? `当日录制的 ${recorded.length} 个文件在之后才交接` : '当日没有该设备的交接记录',
      refs: [...refs, ...recorded.slice(0, 10).map(mediaRef)],
    }];
  });
};

/**
 * Footage handed over after the day it was recorded (art. 11(1)), grouped by handover and recording day: footage of
 * the checked day handed over later, and older footage handed over on the checked day. Late by the time from the
 * recording day's end to the handover.
 */
export const lateHandovers = (rows: DayRows): Finding[] => {
  const groups = new Map<string, MediaRow[]>();
  for (const m of rows.media) {
    const handedOn = sessionDay(rows, m.sessionStartedAt);
    if (handedOn <= m.day) continue;
    if (m.day !== rows.day && handedOn !== rows.day) continue;
    const key = `late_handover:session:${m.sessionId}:${m.day}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.entries()].map(([key, files]): Finding => {
    const first = files[0]!;
    const late = new Date(first.sessionStartedAt).getTime() - dayStart(nextDay(first.day), rows.timeZone).getTime();
    return {
      key,
      kind: 'late_handover',
      article: '11(1)',
      problem: true,
      title: `${first.serial ?? '未登记设备'}（${first.officerName ?? '未知佩戴人'}）${first.day} 录制的 ${files.length} 个文件迟交 ${formatLateness(late)}`,
      detail: `交接于 ${timeOf(rows, first.sessionStartedAt)}，应于 ${first.day} 工作结束时交接`,
      refs: [sessionRef(first.sessionId), ...(first.recorderId ? [recorderRef(first.recorderId, first.serial)] : []), ...files.slice(0, 10).map(mediaRef)],
    };
  });
};

/** Ingests on the day that failed, were interrupted or left files out (art. 11(1)): footage may not be stored. */
export const failedIngests = (rows: DayRows): Finding[] =>
  rows.sessions
    .filter((s) => s.status === 'failed' || s.status === 'interrupted' || s.filesFailed > 0)
    .map((s) => ({
      key: `failed_ingest:session:${s.id}`,
      kind: 'failed_ingest',
      article: '11(1)',
      problem: true,
      title: `导入 #${s.id}（${s.serial ?? '文件夹'}）${s.status === 'completed' ? `有 ${s.filesFailed} 个文件未能存入` : '未完成'}`,
      detail: `开始于 ${timeOf(rows, s.startedAt)}${s.error ? `；${s.error}` : ''}`,
      refs: [sessionRef(s.id), ...(s.recorderId ? [recorderRef(s.recorderId, s.serial)] : [])],
    }));
