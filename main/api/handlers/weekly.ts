import path from 'node:path';
import { findUserById } from '../../accounts';
import { weeklyReport, type FileFlag, type WeeklyProblemKind } from '../../forms';
import { checkIntegrity, recordConsolidation, recordIntegrityCheck, weeklyPreview, weeklyReportName, writeFileAtomic } from '../../ingest';
import { auditHead, latestSeal } from '../../audit';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';
import { backupTo } from './backup';

export const weeklyHandlers: Pick<HandlerTable, 'weekly.preview' | 'weekly.run'> = {
  'weekly.preview': ({ services, input, db, now }) => weeklyPreview(db(), services.archive.office().timeZone, input.weekOf, now),

  'weekly.run': async ({ services, client, session, input, db, now, tx, audit }) => {
    const store = services.archive.open();
    const office = services.archive.office();
    const preview = weeklyPreview(db(), office.timeZone, input.weekOf, now);
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
    const custodian = findUserById(db(), session.userId)!;
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
        problems: integrity.problems.filter((p) => p.kind !== 'manifest').map((p) => ({ path: p.path, kind: p.kind as WeeklyProblemKind })),
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
    const report = await saveForm(services, await weeklyReportName(db(), store.paths.forms, first), docx);
    const signatureFile = `${report.fileName}.p7s`;
    await writeFileAtomic(path.join(store.paths.forms, signatureFile), signerFor(services, session)(docx));
    progress('report', 1, 1);

    const consolidationId = tx(() => {
      const integrityId = recordIntegrityCheck(db(), { startedAt: now, finishedAt: checkedAt, scope: `${first}..${last}`, report: integrity, userId: session.userId });
      const id = recordConsolidation(db(), {
        weekStart: first,
        at: now,
        userId: session.userId,
        integrityId,
        backup: backup ? { target: backup.target, files: backup.filesCopied + backup.filesAlreadyThere, verified: backup.verified } : null,
        report,
        summary: { officers: preview.officers.length, flagged: preview.flagged.length, integrityOk: integrity.ok },
      });
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
