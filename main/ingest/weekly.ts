import { stat } from 'node:fs/promises';
import path from 'node:path';
import { localDay, type HandoverMark, type MediaFlag } from '../common';
import type { Db } from '../store';
import { isConsolidationDay, isoWeekOf } from './week';

// The weekly consolidation (每周归档, rules art. 11): what the week holds, and the record of a run.

const UNREGISTERED_RECORDER = '（未登记设备）';

export interface WeeklyPreviewDto {
  isoYear: number;
  isoWeek: number;
  days: string[];
  /** Rules art. 11(2): today is the consolidation day. */
  isFriday: boolean;
  officers: { officerId: number; name: string; badgeNo: string; marks: HandoverMark[] }[];
  recorders: { serial: string; brand: string | null; model: string | null; officerName: string | null; files: number; bytes: number; durationSec: number }[];
  /** Ingest sessions started in the week (交接次数). */
  handoverSessions: number;
  flagged: { mediaId: number; fileName: string; recorderSerial: string | null; officerName: string | null; startAt: string; flags: MediaFlag[] }[];
  lastConsolidation: { id: number; createdAt: string; createdBy: string; backupVerified: boolean; reportFile: string } | null;
}

/** The week's handovers, footage and flags, computed from the store without changing anything. */
export function weeklyPreview(db: Db, tz: string, weekOf: string, now: Date): WeeklyPreviewDto {
  const week = isoWeekOf(weekOf);
  const [first, last] = [week.days[0]!, week.days[6]!];
  const today = localDay(now, tz);

  const handovers = new Set<string>();
  for (const s of db.prepare('SELECT handed_over_by, started_at FROM ingest_sessions WHERE handed_over_by IS NOT NULL').all() as { handed_over_by: number; started_at: string }[]) {
    handovers.add(`${s.handed_over_by}|${localDay(new Date(s.started_at), tz)}`);
  }
  const recorded = new Set(
    (db.prepare('SELECT DISTINCT officer_id, day FROM media WHERE officer_id IS NOT NULL AND day BETWEEN ? AND ?').all(first, last) as { officer_id: number; day: string }[]).map(
      (r) => `${r.officer_id}|${r.day}`,
    ),
  );
  const officers = (
    db
      .prepare(
        `SELECT id, name, badge_no FROM officers WHERE active = 1 OR id IN (SELECT officer_id FROM media WHERE day BETWEEN ? AND ?) ORDER BY badge_no`,
      )
      .all(first, last) as { id: number; name: string; badge_no: string }[]
  ).map((o) => ({
    officerId: o.id,
    name: o.name,
    badgeNo: o.badge_no,
    // Footage from a day with no handover that day is a late handover (art. 8): shown as missing.
    marks: week.days.map((d): HandoverMark => (d > today ? 'none' : handovers.has(`${o.id}|${d}`) ? 'done' : recorded.has(`${o.id}|${d}`) ? 'missing' : 'none')),
  }));

  // Every original filed under the week, whether or not its recorder is registered: the same set the integrity
  // check counts, so 文件总数 and 校验文件数 agree.
  const recorders = (
    db
      .prepare(
        `SELECT r.serial, r.brand, r.model, COUNT(m.id) AS files, COALESCE(SUM(m.size), 0) AS bytes, COALESCE(SUM(m.duration_sec), 0) AS dur,
                GROUP_CONCAT(DISTINCT o.name) AS officers
         FROM media m LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id
         WHERE m.day BETWEEN ? AND ? GROUP BY m.recorder_id ORDER BY r.serial IS NULL, r.serial`,
      )
      .all(first, last) as { serial: string | null; brand: string | null; model: string | null; files: number; bytes: number; dur: number; officers: string | null }[]
  ).map((r) => ({ serial: r.serial ?? UNREGISTERED_RECORDER, brand: r.brand, model: r.model, officerName: r.officers, files: r.files, bytes: r.bytes, durationSec: Math.round(r.dur) }));

  // 交接次数: every ingest session started in the week, in the office's days.
  const handoverSessions = (db.prepare('SELECT started_at FROM ingest_sessions').all() as { started_at: string }[]).filter((s) => {
    const d = localDay(new Date(s.started_at), tz);
    return d >= first && d <= last;
  }).length;

  const flagged = (
    db
      .prepare(
        `SELECT m.id, m.original_name, m.start_at, m.flags, r.serial, o.name AS officer FROM media m
         LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id
         WHERE m.day BETWEEN ? AND ? AND m.flags <> '[]' ORDER BY m.start_at`,
      )
      .all(first, last) as { id: number; original_name: string; start_at: string; flags: string; serial: string | null; officer: string | null }[]
  ).map((m) => ({ mediaId: m.id, fileName: m.original_name, recorderSerial: m.serial, officerName: m.officer, startAt: m.start_at, flags: JSON.parse(m.flags) as MediaFlag[] }));

  const lastRow = db
    .prepare(
      `SELECT w.id, w.created_at, u.login, w.backup_verified, w.report_path FROM weekly_consolidations w JOIN users u ON u.id = w.created_by
       WHERE w.week_start = ? ORDER BY w.id DESC LIMIT 1`,
    )
    .get(first) as { id: number; created_at: string; login: string; backup_verified: number; report_path: string } | undefined;

  return {
    isoYear: week.isoYear,
    isoWeek: week.isoWeek,
    days: week.days,
    isFriday: isConsolidationDay(today),
    officers,
    recorders,
    handoverSessions,
    flagged,
    lastConsolidation: lastRow
      ? { id: lastRow.id, createdAt: lastRow.created_at, createdBy: lastRow.login, backupVerified: lastRow.backup_verified === 1, reportFile: lastRow.report_path }
      : null,
  };
}

/** Records a weekly run: its integrity check's id, the backup, the signed report. Returns the run's id. */
export function recordConsolidation(
  db: Db,
  c: {
    weekStart: string;
    at: Date;
    userId: number;
    integrityId: number;
    backup: { target: string; files: number; verified: boolean } | null;
    report: { fileName: string; sha256: string };
    summary: { officers: number; flagged: number; integrityOk: boolean };
  },
): number {
  return db
    .prepare(
      `INSERT INTO weekly_consolidations (week_start, created_at, created_by, integrity_id, backup_target, backup_files, backup_verified, report_path, report_sha256, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      c.weekStart,
      c.at.toISOString(),
      c.userId,
      c.integrityId,
      c.backup?.target ?? null,
      c.backup?.files ?? 0,
      c.backup?.verified ? 1 : 0,
      c.report.fileName,
      c.report.sha256,
      JSON.stringify(c.summary),
    ).lastInsertRowid as number;
}

/** weekly-<Monday>-<n>.docx with n one past this week's runs, skipping any name already on disk. */
export async function weeklyReportName(db: Db, formsDir: string, weekStart: string): Promise<string> {
  const runs = (db.prepare('SELECT COUNT(*) AS n FROM weekly_consolidations WHERE week_start = ?').get(weekStart) as { n: number }).n;
  for (let n = runs + 1; ; n++) {
    const name = `weekly-${weekStart}-${n}.docx`;
    if (!(await stat(path.join(formsDir, name)).catch(() => null))) return name;
  }
}
