// Art. 2, 4 and 6: footage of the day without sound, recordings interrupted between segments, clocks not set.
import { formatDuration } from '../../common';
import type { DayRows, Finding } from '../types';
import { mediaRef, recorderRef, sessionRef, timeOf } from './shared';

const who = (serial: string | null, officer: string | null) => `${serial ?? '未登记设备'}（${officer ?? '未知佩戴人'}）`;

/** Video recorded on the day with no audio track (art. 2: sound and picture together). */
export const noSound = (rows: DayRows): Finding[] =>
  rows.media
    .filter((m) => m.day === rows.day && m.kind === 'video' && (!m.hasAudio || m.flags.includes('no_audio')))
    .map((m) => ({
      key: `no_audio:media:${m.id}`,
      kind: 'no_audio',
      article: '2',
      problem: true,
      title: `${who(m.serial, m.officerName)} ${m.name} 无音轨`,
      detail: `录制于 ${timeOf(rows, m.startAt)}`,
      refs: [mediaRef(m), ...(m.recorderId ? [recorderRef(m.recorderId, m.serial)] : [])],
    }));

/** Recordings begun on the day with a gap or overlap between consecutive segments (art. 6: record without interruption). */
export const recordingGaps = (rows: DayRows): Finding[] =>
  rows.recordings
    .filter((r) => r.gaps.length > 0)
    .map((r) => ({
      key: `recording_gap:recording:${r.id}`,
      kind: 'recording_gap',
      article: '6',
      problem: true,
      title: `${who(r.serial, r.officerName)} ${timeOf(rows, r.startAt)} 起的录制中断 ${r.gaps.length} 处`,
      detail: r.gaps.map((g) => `${g.overlap ? '重叠' : '中断'} ${formatDuration(g.seconds)}（资料 #${g.afterMediaId} 之后）`).join('；'),
      refs: [{ kind: 'recording', id: r.id, label: `录制 #${r.id}（${r.segments} 段）` }, ...r.gaps.map((g) => ({ kind: 'media' as const, id: g.afterMediaId, label: `资料 #${g.afterMediaId}` }))],
    }));

/** Files whose time stamps could not be right (art. 4: set the clock before use), recorded or handed over on the day. */
export const clockSuspect = (rows: DayRows): Finding[] =>
  rows.media
    .filter((m) => m.flags.includes('clock_suspect'))
    .map((m) => ({
      key: `clock_suspect:media:${m.id}`,
      kind: 'clock_suspect',
      article: '4',
      problem: true,
      title: `${who(m.serial, m.officerName)} ${m.name} 时间可疑`,
      detail: `记录的开始时间 ${timeOf(rows, m.startAt)}，交接于 ${timeOf(rows, m.sessionStartedAt)}`,
      refs: [mediaRef(m), sessionRef(m.sessionId)],
    }));

/** Dockings on the day at which the recorder's clock was off by more than the limit (art. 4). */
export const clockDrift = (rows: DayRows): Finding[] =>
  rows.sessions
    .filter((s) => s.clockDriftSec !== null && Math.abs(s.clockDriftSec) > rows.driftLimitSec)
    .map((s) => {
      const drift = s.clockDriftSec!;
      return {
        key: `clock_drift:session:${s.id}`,
        kind: 'clock_drift',
        article: '4',
        problem: true,
        title: `${who(s.serial, s.officerName)} 设备时钟${drift > 0 ? '快' : '慢'} ${formatDuration(Math.abs(drift))}`,
        detail: `交接于 ${timeOf(rows, s.startedAt)} 时测得（允许偏差 ${rows.driftLimitSec} 秒）${s.clockDriftBasis === 'newest_file_in_future' ? '；按最新文件晚于交接时间推算，为下限' : ''}`,
        refs: [sessionRef(s.id), ...(s.recorderId ? [recorderRef(s.recorderId, s.serial)] : [])],
      };
    });
