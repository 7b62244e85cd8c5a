// The inspection report (检查报告, rules art. 16–17) for a period: the daily check's sources run over every day, and
// figures per officer and per recorder counted from the same rows, so each figure rests on records the check names.
import { addDays, localDay, RULE_ARTICLES, type RuleArticle } from '../common';
import type { Db } from '../store';
import { findingsOf } from './check';
import { footageReachingKeepUntil } from '../retention';
import { auditChainState, loadDayRows } from './day-rows';
import { periodCorrections } from './records';
import type { DayRows, Finding } from './types';

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
}

export interface RecorderFigures {
  recorderId: number;
  serial: string;
  files: number;
  durationSec: number;
  daysDocked: number;
  daysNotDocked: number;
  clockDrift: number;
}

export interface ViewerFigures {
  viewer: string;
  viewings: number;
  onApproval: number;
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
  corrections: { opened: number; closed: number };
  articles: ArticleVerdict[];
  /** Per day: officers who recorded and whether each handed over the same day (the calendar of handovers). */
  calendar: { day: string; recorded: number; sameDay: number }[];
}

/** Pure: the figures and verdicts of a period from its days' rows. */
export function reportOf(period: { from: string; to: string }, days: readonly DayRows[], corrections: { opened: number; closed: number }, timeZone: string): InspectionReport {
  const officers = new Map<number, OfficerFigures>();
  const recorders = new Map<number, RecorderFigures>();
  const viewers = new Map<string, ViewerFigures>();
  const seen = new Map<string, { day: string; f: Finding }>();
  const checked = new Map<RuleArticle, number>();
  let discs = 0;
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
      };
      o.files++;
      o.durationSec += m.durationSec ?? 0;
      if (m.kind === 'video' && !m.hasAudio) o.noAudio++;
      if (m.flags.includes('clock_suspect')) o.clock++;
      if (gapMedia.has(m.id)) o.gaps++;
      o.mediaIds.push(m.id);
      officers.set(m.officerId, o);
      if (m.recorderId !== null) {
        const r = recorders.get(m.recorderId) ?? { recorderId: m.recorderId, serial: m.serial ?? `#${m.recorderId}`, files: 0, durationSec: 0, daysDocked: 0, daysNotDocked: 0, clockDrift: 0 };
        r.files++;
        r.durationSec += m.durationSec ?? 0;
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
      }
    }
    calendar.push({ day: rows.day, recorded: byOfficer.size, sameDay });

    const findings = findingsOf(rows);
    for (const f of findings) {
      checked.set(f.article, (checked.get(f.article) ?? 0) + 1);
      if (!seen.has(f.key)) seen.set(f.key, { day: rows.day, f });
      const recRef = f.refs.find((r) => r.kind === 'recorder');
      if (recRef && typeof recRef.id === 'number') {
        const r = recorders.get(recRef.id) ?? { recorderId: recRef.id, serial: recRef.label, files: 0, durationSec: 0, daysDocked: 0, daysNotDocked: 0, clockDrift: 0 };
        if (f.kind === 'handover_same_day') r.daysDocked++;
        if (f.kind === 'not_docked') r.daysNotDocked++;
        if (f.kind === 'clock_drift') r.clockDrift++;
        recorders.set(recRef.id, r);
      }
    }
    for (const v of rows.viewings) {
      const x = viewers.get(v.viewer) ?? { viewer: v.viewer, viewings: 0, onApproval: 0 };
      x.viewings++;
      if (v.requestId !== null) x.onApproval++;
      viewers.set(v.viewer, x);
    }
    discs += rows.discs.length;
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
    discs,
    corrections,
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
  const corrections = periodCorrections(db, args.from, args.to);
  return reportOf(args, days, { opened: corrections.length, closed: corrections.filter((c) => c.closedAt).length }, args.timeZone);
}
