import { checkIntegrity } from '../../ingest';
import type { HandlerTable } from '../handler';
import { officeVerifier } from '../signing';

export const integrityHandlers: Pick<HandlerTable, 'integrity.check'> = {
  'integrity.check': async ({ services, client, input, session, db, tx, audit }) => {
    const startedAt = services.clock.now();
    const report = await checkIntegrity(services.archive.open().paths.root, db(), input, {
      verifySignature: officeVerifier(services),
      onProgress: (done, total, bytes) => {
        if (done === total || done % 20 === 0) services.host.emit?.(client, 'integrity.progress', { done, total, bytes });
      },
    });
    const finishedAt = services.clock.now();
    const scope = input.fromDay || input.toDay ? `${input.fromDay ?? '*'}..${input.toDay ?? '*'}` : 'all';
    tx(() => {
      const id = db()
        .prepare(
          'INSERT INTO integrity_checks (started_at, finished_at, scope, checked, missing, changed, extra, report, run_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(startedAt.toISOString(), finishedAt.toISOString(), scope, report.checked, report.missing, report.changed, report.extra, JSON.stringify(report), session.userId)
        .lastInsertRowid as number;
      audit('integrity.check', `integrity:${id}`, {
        scope,
        ok: report.ok,
        checked: report.checked,
        missing: report.missing,
        changed: report.changed,
        extra: report.extra,
        manifestProblems: report.manifestProblems,
      });
    });
    return { ...report, checkedAt: finishedAt.toISOString() };
  },
};
