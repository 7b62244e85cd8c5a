import { dayStart, nextDay } from '../common';
import type { Db } from '../store';
import { checksOf, checksOfDay, dockingsBetween, lastDockings, type Docking, type RecorderCheck } from './checks';
import { incidentsOf, type Incident } from './incidents';
import { currentKeeper, keeperCandidates, keeperHistory, type KeeperTerm } from './keeper';
import { assignmentsOf, findRecorder, listRecorders, type Assignment, type Recorder, type RecorderId } from './register';
import { repairsOf, type Repair } from './repairs';

/** The keeper now, who was before, and who may be designated (active custodians). */
export interface KeeperView {
  current: KeeperTerm | null;
  history: KeeperTerm[];
  candidates: { id: number; name: string; login: string }[];
}

export function keeperView(db: Db): KeeperView {
  return { current: currentKeeper(db), history: keeperHistory(db), candidates: keeperCandidates(db) };
}

/** One row of the day's check sheet: a recorder, its check that day, and the drift measured at its dockings. */
export interface CheckRow {
  recorder: Recorder;
  check: RecorderCheck | null;
  /** Dockings on that day. */
  dockings: Docking[];
  /** The latest docking before the end of that day, when none fell on it. */
  lastDocking: Docking | null;
}

export interface CheckSheet {
  day: string;
  rows: CheckRow[];
}

/** Recorders in service, plus any checked that day that has since left service, by serial. */
export function checkSheet(db: Db, day: string, timeZone: string, now: Date): CheckSheet {
  const start = dayStart(day, timeZone);
  const end = dayStart(nextDay(day), timeZone);
  const checks = new Map(checksOfDay(db, day).map((c) => [c.recorderId as number, c]));
  const dockings = dockingsBetween(db, start, end);
  const last = lastDockings(db);
  const before = (d: Docking | undefined) => (d && d.at < end.toISOString() ? d : null);
  const rows = listRecorders(db, now)
    .filter((r) => r.status === 'in_service' || checks.has(r.id))
    .map((r) => {
      const own = dockings.filter((d) => d.recorderId === r.id);
      return { recorder: r, check: checks.get(r.id) ?? null, dockings: own, lastDocking: own.length ? null : before(last.get(r.id)) };
    });
  return { day, rows };
}

/** Everything the register keeps about one recorder: who wore it, its checks, repairs, losses and dockings. */
export interface RecorderFile {
  recorder: Recorder;
  assignments: Assignment[];
  checks: RecorderCheck[];
  repairs: Repair[];
  incidents: Incident[];
  dockings: Docking[];
}

/** The last 60 checks for the screen; `allChecks` for the printed register. */
export function recorderFile(db: Db, recorderId: RecorderId, now: Date, opts: { allChecks?: boolean } = {}): RecorderFile | null {
  const recorder = findRecorder(db, recorderId, now);
  if (!recorder) return null;
  return {
    recorder,
    assignments: assignmentsOf(db, recorderId),
    checks: checksOf(db, recorderId, opts.allChecks ? -1 : 60),
    repairs: repairsOf(db, recorderId),
    incidents: incidentsOf(db, recorderId),
    // ISO strings compare as text: the bounds stay within four-digit years.
    dockings: dockingsBetween(db, new Date('1970-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z'), recorderId).slice(-30).reverse(),
  };
}
