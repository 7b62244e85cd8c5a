// Pure: how long one original is kept (rules art. 11(3)) and whether it may be disposed of on a given office day.
// Every date here is an office calendar day 'YYYY-MM-DD'; the caller turns instants into office days.
import { parseDay, type Classification, type CaseStatus, type HoldKind, type KeepBasis } from '../common';
import { MIN_RETENTION_MONTHS } from '../ingest';

export interface RetentionPolicy {
  /** Months after recording (office setting, never below MIN_RETENTION_MONTHS). */
  retentionMonths: number;
  /** Months after a case is closed that its footage is still kept. */
  caseRetentionMonths: number;
}

export interface RetentionFacts {
  /** The office day of the recording (media.day). */
  recordedDay: string;
  /** The office day of the retention date stored at ingest, a floor that a later, shorter setting never lowers. */
  storedUntilDay: string | null;
  classification: Classification;
  /** The cases the original belongs to; closedDay is the office day of closing. */
  cases: readonly { status: CaseStatus; closedDay: string | null; classification: Classification }[];
  /** Holds not released. */
  activeHolds: readonly HoldKind[];
}

export interface KeepUntil {
  /** The office day from which the original may be disposed of; null: kept indefinitely. */
  keepUntil: string | null;
  /** Why it is kept until then (or indefinitely). */
  basis: KeepBasis;
  /** Everything that forbids disposal whatever the date (hold, classified, case_open), in KEEP_BASES order. */
  blockers: KeepBasis[];
}

/** `months` calendar months after `day`, clamped to the month's end (2026-11-30 + 3 → 2027-02-28). */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parseDay(day);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

const later = (a: string, b: string | null): string => (b !== null && b > a ? b : a);

/** The keep-until day of one original under the office's policy. */
export function keepUntil(f: RetentionFacts, p: RetentionPolicy): KeepUntil {
  const blockers: KeepBasis[] = [];
  if (f.activeHolds.length) blockers.push('hold');
  if (f.classification !== 'normal' || f.cases.some((c) => c.classification !== 'normal')) blockers.push('classified');
  if (f.cases.some((c) => c.status === 'open')) blockers.push('case_open');
  if (blockers.length) return { keepUntil: null, basis: blockers[0]!, blockers };

  const own = later(addMonths(f.recordedDay, Math.max(MIN_RETENTION_MONTHS, Math.floor(p.retentionMonths))), f.storedUntilDay);
  const closed = f.cases.map((c) => c.closedDay).filter((d): d is string => d !== null).sort().at(-1);
  const withCase = closed ? addMonths(closed, Math.max(0, Math.floor(p.caseRetentionMonths))) : null;
  return withCase !== null && withCase > own ? { keepUntil: withCase, basis: 'case_closed', blockers } : { keepUntil: own, basis: 'minimum', blockers };
}

/** Due for disposal on `today`: not held, not disposed already, and its keep-until day has come. */
export function isDue(k: KeepUntil, today: string): boolean {
  return k.keepUntil !== null && k.keepUntil <= today;
}

/** Why an original may not be disposed of on `today`, in Chinese for the user; null when it may. */
export function disposalRefusal(k: KeepUntil, today: string, disposed: boolean): string | null {
  if (disposed) return '已销毁';
  if (k.blockers.includes('hold')) return '处于保留状态，不得销毁';
  if (k.blockers.includes('classified')) return '涉密资料不得销毁';
  if (k.blockers.includes('case_open')) return '所属案件尚在办理中，不得销毁';
  if (k.keepUntil !== null && k.keepUntil > today) return `未到保存期限（保存至 ${k.keepUntil}）`;
  return null;
}
