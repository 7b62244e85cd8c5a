import { localDay, type BackupAlert } from '../common';

export const DRILL_MAX_DAYS = 35;
export const TARGET_MAX_DAYS = 7;

export interface BackupStatusFacts {
  lastGoodDrillAt: Date | null;
  targetLastSeenAt: Date | null;
  /** Free bytes on the target, when it is connected now. */
  freeBytes: number | null;
  /** What the next generation needs at least. */
  neededBytes: number;
  /** A failed database check stopped a backup and none has succeeded since. */
  databaseAlarm?: boolean;
}

/** Whole office-calendar days from `from` to `to`. */
function daysBetween(from: Date, to: Date, timeZone: string): number {
  const [a, b] = [localDay(from, timeZone), localDay(to, timeZone)];
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Pure: what is wrong with the backup now, in the office's calendar. */
export function backupAlerts(f: BackupStatusFacts, now: Date, timeZone: string): BackupAlert[] {
  const alerts: BackupAlert[] = [];
  if (!f.lastGoodDrillAt || daysBetween(f.lastGoodDrillAt, now, timeZone) > DRILL_MAX_DAYS) alerts.push('drill_overdue');
  if (!f.targetLastSeenAt || daysBetween(f.targetLastSeenAt, now, timeZone) > TARGET_MAX_DAYS) alerts.push('target_unseen');
  if (f.freeBytes !== null && f.freeBytes < f.neededBytes) alerts.push('short_of_space');
  if (f.databaseAlarm) alerts.push('database_alarm');
  return alerts;
}

/** The next generation needs room for two snapshots (one written beside the last) and a margin for new footage. */
export function neededBytes(databaseBytes: number): number {
  return 2 * databaseBytes + 1024 ** 3;
}
