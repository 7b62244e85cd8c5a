import { stat } from 'node:fs/promises';
import path from 'node:path';
import { localDay } from '../../common';
import { weeklyReport, type FileFlag, type HandoverMark } from '../../forms';
import { checkIntegrity, isConsolidationDay, isoWeekOf, writeFileAtomic } from '../../ingest';
import { type Db } from '../../store';
import { auditHead, latestSeal } from '../../audit';
import type { ApiServices } from '../context';
import type { MediaFlagDto, WeeklyPreviewDto } from '../dto';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';
import { backupTo } from './backup';

const UNREGISTERED_RECORDER = '（未登记设备）';

/** The week's handovers, footage and flags, computed from the store without changing anything. */
export function weeklyPreview(services: ApiServices, db: Db, weekOf: string, now: Date): WeeklyPreviewDto {
  const tz = services.archive.office().timeZone;
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
  ).map((m) => ({ mediaId: m.id, fileName: m.original_name, recorderSerial: m.serial, officerName: m.officer, startAt: m.start_at, flags: JSON.parse(m.flags) as MediaFlagDto[] }));

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

/** weekly-<Monday>-<n>.docx with n one past this week's runs, skipping any name already on disk. */
async function freeReportName(formsDir: string, weekStart: string, db: Db): Promise<string> {
  const runs = (db.prepare('SELECT COUNT(*) AS n FROM weekly_consolidations WHERE week_start = ?').get(weekStart) as { n: number }).n;
  for (let n = runs + 1; ; n++) {
    const name = `weekly-${weekStart}-${n}.docx`;
    if (!(await stat(path.join(formsDir, name)).catch(() => null))) return name;
  }
}

export const weeklyHandlers: Pick<HandlerTable, 'weekly.preview' | 'weekly.run'> = {
  'weekly.preview': ({ services, input, db, now }) => weeklyPreview(services, db(), input.weekOf, now),

  'weekly.run': async ({ services, client, session, input, db, now, tx, audit }) => {
    const store = services.archive.open();
    const office = services.archive.office();
    const preview = weeklyPreview(services, db(), input.weekOf, now);
    const [first, last] = [preview.days[0]!, preview.days[6]!];
    const progress = (step: 'integrity' | 'backup' | 'report', done: number, total: number) => services.host.emit?.(client, 'weekly.progress', { step, done, total });

    const integrity = await checkIntegrity(store.paths.root, db(), { fromDay: first, toDay: last }, {
      verifySignature: officeVerifier(services),
      onProgress: (d, t) => progress('integrity', d, t),
    });
    const checkedAt = services.clock.now();

    let backup = null;
    if (input.backupSourceId) {
      // The whole archive as a new generation, not just the week: the week's originals are what it copies new.
      backup = await backupTo(services, session, input.backupSourceId, services.clock.now(), audit, tx, (d, t) => progress('backup', d, t));
    }

    progress('report', 0, 1);
    const head = auditHead(db());
    const custodian = db().prepare('SELECT display_name FROM users WHERE id = ?').get(session.userId) as { display_name: string };
    const docx = await weeklyReport({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      isoYear: preview.isoYear,
      isoWeek: preview.isoWeek,
      days: preview.days,
      officers: preview.officers.map((o) => ({ name: o.name, badgeNo: o.badgeNo, marks: o.marks })),
      handoverSessions: preview.handoverSessions,
      recorders: preview.recorders.map((r) => ({ serial: r.serial, brand: r.brand ?? '—', model: r.model ?? '—', officerName: r.officerName, files: r.files, bytes: r.bytes, durationSec: r.durationSec })),
      flagged: preview.flagged.map((f) => ({ fileName: f.fileName, recorderSerial: f.recorderSerial ?? '—', officerName: f.officerName, startedAt: new Date(f.startAt), flags: f.flags as FileFlag[] })),
      integrity: {
        checkedAt,
        checked: integrity.checked,
        ok: integrity.checked - integrity.missing - integrity.changed,
        missing: integrity.missing,
        changed: integrity.changed,
        extra: integrity.extra,
        problems: integrity.problems.filter((p) => p.kind !== 'manifest').map((p) => ({ path: p.path, kind: p.kind as 'missing' | 'changed' | 'extra' })),
      },
      backup: backup
        ? { target: backup.target, completedAt: services.clock.now(), filesCopied: backup.filesCopied + backup.filesAlreadyThere, bytesCopied: backup.bytesCopied, verified: backup.verified }
        : null,
      ...(head ? { auditAnchor: { headSeq: head.seq, headHash: head.hash, latestSeal: latestSeal(db()) } } : {}),
      preparedBy: { name: custodian.display_name },
      reviewedBy: null,
      ...(integrity.manifestProblems ? { remarks: `日清单问题 ${integrity.manifestProblems} 项，详见完整性校验记录` } : {}),
    });
    // Each run keeps its own numbered report: a signed earlier one (and its audit row) is never overwritten.
    const report = await saveForm(services, await freeReportName(store.paths.forms, first, db()), docx);
    const signatureFile = `${report.fileName}.p7s`;
    await writeFileAtomic(path.join(store.paths.forms, signatureFile), signerFor(services, session)(docx));
    progress('report', 1, 1);

    const consolidationId = tx(() => {
      const integrityId = db()
        .prepare('INSERT INTO integrity_checks (started_at, finished_at, scope, checked, missing, changed, extra, report, run_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(now.toISOString(), checkedAt.toISOString(), `${first}..${last}`, integrity.checked, integrity.missing, integrity.changed, integrity.extra, JSON.stringify(integrity), session.userId)
        .lastInsertRowid as number;
      const id = db()
        .prepare(
          `INSERT INTO weekly_consolidations (week_start, created_at, created_by, integrity_id, backup_target, backup_files, backup_verified, report_path, report_sha256, summary)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          first,
          now.toISOString(),
          session.userId,
          integrityId,
          backup?.target ?? null,
          backup ? backup.filesCopied + backup.filesAlreadyThere : 0,
          backup?.verified ? 1 : 0,
          report.fileName,
          report.sha256,
          JSON.stringify({ officers: preview.officers.length, flagged: preview.flagged.length, integrityOk: integrity.ok }),
        ).lastInsertRowid as number;
      audit('weekly.consolidate', `weekly:${id}`, {
        week: `${preview.isoYear}-W${preview.isoWeek}`,
        integrityOk: integrity.ok,
        backupVerified: backup?.verified ?? null,
        backupFiles: backup ? backup.filesCopied + backup.filesAlreadyThere : 0,
        ...(backup ? { backupGeneration: backup.generation, backupManifestSha256: backup.manifestSha256 } : {}),
        report: report.fileName,
        reportSha256: report.sha256,
      });
      return id;
    });

    return {
      consolidationId,
      integrity: { ...integrity, checkedAt: checkedAt.toISOString() },
      backup,
      report,
      signatureFile,
    };
  },
};
