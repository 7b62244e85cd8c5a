import { checkIntegrity, recordIntegrityCheck } from '../../ingest';
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
      const id = recordIntegrityCheck(db(), { startedAt, finishedAt, scope, report, userId: session.userId });
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
