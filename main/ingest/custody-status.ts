/**
 * What 工作台 warns about (issue 11 item 6): the last integrity check's changed or missing originals and the
 * verified backup that holds good copies, whether the weekly consolidation is overdue, and ingests that failed.
 * Read-only; the dashboard shows these in red with the next step.
 */
import path from 'node:path';
import type { Db } from '../store';
import type { IntegrityReport } from './integrity';

const DAY_MS = 86_400_000;
/** Rules art. 11(2): once a week. A run more than this long ago (or none since the first ingest) is overdue. */
export const WEEKLY_DUE_DAYS = 7;
/** Failed ingests of this many recent days are shown. */
export const FAILED_INGEST_DAYS = 7;

export interface IntegrityFinding {
  kind: 'missing' | 'changed';
  /** The file name, for people; never a full path. */
  name: string;
  day: string | null;
  mediaId: number | null;
}

export interface CustodyStatus {
  lastIntegrity: { id: number; at: string; checked: number; missing: number; changed: number; findings: IntegrityFinding[] } | null;
  /** The newest weekly run whose backup was read back and verified: where the good copies are. */
  verifiedBackup: { at: string; weekStart: string; target: string; files: number } | null;
  lastWeekly: { at: string; weekStart: string } | null;
  weeklyOverdue: boolean;
  /** Days since the last weekly run (or the first ingest when none), in whole days. */
  daysSinceWeekly: number | null;
  failedIngests: { id: number; startedAt: string; status: string; filesFailed: number; error: string | null }[];
}

export function custodyStatus(db: Db, now: Date): CustodyStatus {
  const check = db.prepare('SELECT id, finished_at, checked, missing, changed, report FROM integrity_checks ORDER BY finished_at DESC, id DESC LIMIT 1').get() as
    | { id: number; finished_at: string; checked: number; missing: number; changed: number; report: string }
    | undefined;
  const weekly = db.prepare('SELECT created_at, week_start FROM weekly_consolidations ORDER BY created_at DESC, id DESC LIMIT 1').get() as
    | { created_at: string; week_start: string }
    | undefined;
  const backup = db
    .prepare('SELECT created_at, week_start, backup_target, backup_files FROM weekly_consolidations WHERE backup_verified = 1 AND backup_target IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1')
    .get() as { created_at: string; week_start: string; backup_target: string; backup_files: number } | undefined;
  const firstIngest = (db.prepare("SELECT MIN(started_at) AS at FROM ingest_sessions WHERE status = 'completed'").get() as { at: string | null }).at;
  const since = weekly?.created_at ?? firstIngest;
  const daysSinceWeekly = since ? Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS) : null;
  const failed = db
    .prepare(
      `SELECT id, started_at, status, files_failed, error FROM ingest_sessions
       WHERE started_at >= ? AND (status IN ('failed', 'interrupted') OR files_failed > 0) ORDER BY started_at DESC LIMIT 20`,
    )
    .all(new Date(now.getTime() - FAILED_INGEST_DAYS * DAY_MS).toISOString()) as { id: number; started_at: string; status: string; files_failed: number; error: string | null }[];
  return {
    lastIntegrity: check
      ? { id: check.id, at: check.finished_at, checked: check.checked, missing: check.missing, changed: check.changed, findings: findingsOf(check.report) }
      : null,
    verifiedBackup: backup ? { at: backup.created_at, weekStart: backup.week_start, target: backup.backup_target, files: backup.backup_files } : null,
    lastWeekly: weekly ? { at: weekly.created_at, weekStart: weekly.week_start } : null,
    weeklyOverdue: daysSinceWeekly !== null && daysSinceWeekly >= WEEKLY_DUE_DAYS,
    daysSinceWeekly,
    failedIngests: failed.map((f) => ({ id: f.id, startedAt: f.started_at, status: f.status, filesFailed: f.files_failed, error: f.error })),
  };
}

/** The changed and missing originals of a stored report (at most 20, for the card). */
function findingsOf(reportJson: string): IntegrityFinding[] {
  let report: IntegrityReport;
  try {
    report = JSON.parse(reportJson) as IntegrityReport;
  } catch {
    return [];
  }
  return (report.problems ?? [])
    .filter((p): p is typeof p & { kind: 'missing' | 'changed' } => p.kind === 'missing' || p.kind === 'changed')
    .slice(0, 20)
    .map((p) => {
      const parts = p.path.split(/[\\/]/);
      const day = parts.find((s) => /^\d{4}-\d{2}-\d{2}$/.test(s)) ?? null;
      return { kind: p.kind, name: path.basename(p.path), day, mediaId: p.mediaId ?? null };
    });
}
