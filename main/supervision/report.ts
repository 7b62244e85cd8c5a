// The inspection report (检查报告, rules art. 16–17) for a period: the daily check's sources run over every day, and
// figures per officer and per recorder counted from the same rows, so each figure rests on records the check names.
import { addDays, localDay, RULE_ARTICLES, type RuleArticle } from '../common';
import type { Db } from '../store';
import { findingsOf } from './check';
import { footageReachingKeepUntil } from '../retention';
import { auditChainState, loadDayRows } from './day-rows';
import { periodCorrections } from './records';
import { mediaRef, sessionRef } from './sources/shared';
import type { DayRows, Finding, RecordRef } from './types';

/** A report covers at most this many days (a quarter), so one request stays small. */
export const REPORT_MAX_DAYS = 92;

export interface OfficerFigures {
  officerId: number;
  name: string;
  files: number;
  /** Seconds of footage recorded. */
  durationSec: number;
  noAudio: number;
  gaps: number;
  clock: number;
  /** Files flagged (no sound, clock) or in an interrupted recording, over files. */
  flaggedShare: number;
  daysRecorded: number;
  daysHandedOverSameDay: number;
  /** daysHandedOverSameDay / daysRecorded; null with no day recorded. */
  sameDayRate: number | null;
  mediaIds: number[];
  /** The records each figure counts: the files, the flagged ones, the handovers of the days handed over the same day. */
  refs: FigureRefs<'files' | 'noAudio' | 'gaps' | 'clock' | 'daysHandedOverSameDay'>;
}

/** For each figure of a row, the records it counts (the 检查报告 page opens them when the figure is clicked). */
export type FigureRefs<K extends string> = Record<K, RecordRef[]>;

export interface RecorderFigures {
  recorderId: number;
  serial: string;
  files: number;
  durationSec: number;
  daysDocked: number;
  daysNotDocked: number;
  clockDrift: number;
  /** The files, and the records of the daily check's findings behind the day counts. */
  refs: FigureRefs<'files' | 'daysDocked' | 'daysNotDocked' | 'clockDrift'>;
}

export interface ViewerFigures {
  viewer: string;
  viewings: number;
  onApproval: number;
  refs: FigureRefs<'viewings' | 'onApproval'>;
}

export interface ArticleVerdict {
  article: RuleArticle;
  /** No problem found for it in the period. */
  followed: boolean;
  /** Records the check looked at for it (findings of any kind). */
  checked: number;
  problems: { day: string; key: string; title: string }[];
}

export interface InspectionReport {
  from: string;
  to: string;
  timeZone: string;
  /** Days checked: those of the period from the office's first day on (before it the office kept no records). */
  days: number;
  officers: OfficerFigures[];
  recorders: RecorderFigures[];
  viewers: ViewerFigures[];
  discs: number;
  /** The discs made in the period. */
  discRefs: RecordRef[];
  corrections: { opened: number; closed: number };
  /** The corrections opened for days of the period, each with its day (the daily check that shows it). */
  correctionList: { id: number; day: string; finding: string; assignee: string; closed: boolean }[];
  articles: ArticleVerdict[];
  /** Per day: officers who recorded and whether each handed over the same day (the calendar of handovers). */
  calendar: { day: string; recorded: number; sameDay: number }[];
}

/** Which recorder figure a finding of the daily check counts in. */
const RECORDER_FIGURE_OF: Partial<Record<Finding['kind'], 'daysDocked' | 'daysNotDocked' | 'clockDrift'>> = {
  handover_same_day: 'daysDocked',
  not_docked: 'daysNotDocked',
  clock_drift: 'clockDrift',
};

const newRecorder = (recorderId: number, serial: string): RecorderFigures => ({
  recorderId, serial, files: 0, durationSec: 0, daysDocked: 0, daysNotDocked: 0, clockDrift: 0, refs: { files: [], daysDocked: [], daysNotDocked: [], clockDrift: [] },
});

/** Refs without repeats (the same session or request behind several files). */
function uniqueRefs(refs: readonly RecordRef[]): RecordRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`));
}

/** Pure: the figures and verdicts of a period from its days' rows. */
export function reportOf(period: { from: string; to: string }, days: readonly DayRows[], corrections: InspectionReport['correctionList'], timeZone: string): InspectionReport {
  const officers = new Map<number, OfficerFigures>();
  const recorders = new Map<number, RecorderFigures>();
  const viewers = new Map<string, ViewerFigures>();
  const seen = new Map<string, { day: string; f: Finding }>();
  const checked = new Map<RuleArticle, number>();
  const discRefs: RecordRef[] = [];
  const calendar: InspectionReport['calendar'] = [];

  for (const rows of days) {
    const gapMedia = new Set(rows.recordings.filter((r) => r.gaps.length).flatMap((r) => r.gaps.map((g) => g.afterMediaId)));
    const recordedToday = rows.media.filter((m) => m.day === rows.day);
    const byOfficer = new Map<number, typeof recordedToday>();
    for (const m of recordedToday) {
      if (m.officerId === null) continue;
      byOfficer.set(m.officerId, [...(byOfficer.get(m.officerId) ?? []), m]);
      const o = officers.get(m.officerId) ?? {
        officerId: m.officerId, name: m.officerName ?? `#${m.officerId}`, files: 0, durationSec: 0, noAudio: 0, gaps: 0, clock: 0, flaggedShare: 0, daysRecorded: 0, daysHandedOverSameDay: 0, sameDayRate: null, mediaIds: [],
        refs: { files: [], noAudio: [], gaps: [], clock: [], daysHandedOverSameDay: [] },
      };
      o.files++;
      o.durationSec += m.durationSec ?? 0;
      o.refs.files.push(mediaRef(m));
      const flagged = { noAudio: m.kind === 'video' && !m.hasAudio, clock: m.flags.includes('clock_suspect'), gaps: gapMedia.has(m.id) };
      for (const k of ['noAudio', 'clock', 'gaps'] as const) {
        if (!flagged[k]) continue;
        o[k]++;
        o.refs[k].push(mediaRef(m));
      }
      o.mediaIds.push(m.id);
      officers.set(m.officerId, o);
      if (m.recorderId !== null) {
        const r = recorders.get(m.recorderId) ?? newRecorder(m.recorderId, m.serial ?? `#${m.recorderId}`);
        r.files++;
        r.durationSec += m.durationSec ?? 0;
        r.refs.files.push(mediaRef(m));
        recorders.set(m.recorderId, r);
      }
    }
    let sameDay = 0;
    for (const [id, files] of byOfficer) {
      const o = officers.get(id)!;
      o.daysRecorded++;
      if (files.every((m) => localDay(new Date(m.sessionStartedAt), timeZone) === rows.day)) {
        o.daysHandedOverSameDay++;
        sameDay++;
        o.refs.daysHandedOverSameDay.push(...uniqueRefs(files.map((m) => sessionRef(m.sessionId))));
      }
    }
    calendar.push({ day: rows.day, recorded: byOfficer.size, sameDay });

    const findings = findingsOf(rows);
    for (const f of findings) {
      checked.set(f.article, (checked.get(f.article) ?? 0) + 1);
      if (!seen.has(f.key)) seen.set(f.key, { day: rows.day, f });
      const recRef = f.refs.find((r) => r.kind === 'recorder');
      if (recRef && typeof recRef.id === 'number') {
        const r = recorders.get(recRef.id) ?? newRecorder(recRef.id, recRef.label);
        const figure = RECORDER_FIGURE_OF[f.kind];
        if (figure) {
          r[figure]++;
          r.refs[figure] = uniqueRefs([...r.refs[figure], ...f.refs.filter((x) => x !== recRef)]);
        }
        recorders.set(recRef.id, r);
      }
    }
    for (const v of rows.viewings) {
      const x = viewers.get(v.viewer) ?? { viewer: v.viewer, viewings: 0, onApproval: 0, refs: { viewings: [], onApproval: [] } };
      x.viewings++;
      x.refs.viewings.push({ kind: 'viewing', id: v.id, label: `${v.mediaName}（查阅登记 #${v.id}）` });
      if (v.requestId !== null) {
        x.onApproval++;
        x.refs.onApproval = uniqueRefs([...x.refs.onApproval, { kind: 'access', id: v.requestId, label: `申请 #${v.requestId}` }]);
      }
      viewers.set(v.viewer, x);
    }
    discRefs.push(...rows.discs.map((d): RecordRef => ({ kind: 'disc', id: d.id, label: `${d.caseNumber} 光盘 ${d.id}` })));
  }

  const problems = [...seen.values()].filter(({ f }) => f.problem);
  return {
    from: period.from,
    to: period.to,
    timeZone,
    days: days.length,
    officers: [...officers.values()]
      .map((o) => ({
        ...o,
        durationSec: Math.round(o.durationSec * 10) / 10,
        flaggedShare: o.files ? Math.round(((o.noAudio + o.gaps + o.clock) / o.files) * 1000) / 1000 : 0,
        sameDayRate: o.daysRecorded ? Math.round((o.daysHandedOverSameDay / o.daysRecorded) * 1000) / 1000 : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    recorders: [...recorders.values()].map((r) => ({ ...r, durationSec: Math.round(r.durationSec * 10) / 10 })).sort((a, b) => a.serial.localeCompare(b.serial)),
    viewers: [...viewers.values()].sort((a, b) => b.viewings - a.viewings),
    discs: discRefs.length,
    discRefs,
    corrections: { opened: corrections.length, closed: corrections.filter((c) => c.closed).length },
    correctionList: corrections,
    articles: RULE_ARTICLES.map((article) => {
      const mine = problems.filter(({ f }) => f.article === article);
      return { article, followed: mine.length === 0, checked: checked.get(article) ?? 0, problems: mine.map(({ day, f }) => ({ day, key: f.key, title: f.title })) };
    }),
    calendar,
  };
}

/** `since`: the office's first day (its setup); earlier days of the period are not checked. */
export function inspectionReport(db: Db, args: { from: string; to: string; timeZone: string; now: Date; since: string }): InspectionReport {
  const auditChain = auditChainState(db);
  const first = args.from > args.since ? args.from : args.since;
  // Read once for the period: the keep-until of every original (each day keeps its own).
  const keepUntil = footageReachingKeepUntil(db, args.timeZone, first, args.to);
  const days: DayRows[] = [];
  for (let d = first; d <= args.to && days.length < REPORT_MAX_DAYS; d = addDays(d, 1)) {
    days.push(loadDayRows(db, { day: d, timeZone: args.timeZone, now: args.now, auditChain, keepUntil }));
  }
  const corrections = periodCorrections(db, args.from, args.to).map((c) => ({ id: c.id, day: c.day, finding: c.finding, assignee: c.assignee, closed: c.closedAt !== null }));
  return reportOf(args, days, corrections, args.timeZone);
}
