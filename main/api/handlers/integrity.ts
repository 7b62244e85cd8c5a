import { AppError } from '../../common';
import { checkIntegrity, recordIntegrityCheck } from '../../ingest';
import type { HandlerTable } from '../handler';
import { officeVerifier } from '../signing';

/** One running check per user, so that he can cancel it. */
const jobKey = (userId: number) => `integrity:${userId}`;

export const integrityHandlers: Pick<HandlerTable, 'integrity.check' | 'integrity.cancel'> = {
  'integrity.check': async ({ services, client, input, session, db, tx, audit }) => {
    const key = jobKey(session.userId);
    if (services.jobs.has(key)) throw new AppError('ALREADY_RUNNING', '您的完整性校验正在进行，请等它结束或先取消', `integrity check already running for user ${session.userId}`);
    const controller = new AbortController();
    const startedAt = services.clock.now();
    let lastEmit = -Infinity;
    const done = checkIntegrity(services.archive.open().paths.root, db(), input, {
      verifySignature: officeVerifier(services),
      signal: controller.signal,
      onProgress: (done, total, bytes, totalBytes) => {
        // A few times a second is enough for a progress bar; a chunk is hashed far more often.
        const t = performance.now();
        if (done === total || t - lastEmit >= 250) {
          lastEmit = t;
          services.host.emit?.(client, 'integrity.progress', { done, total, bytes, totalBytes });
        }
      },
    });
    services.jobs.set(key, { controller, done });
    const report = await done.finally(() => services.jobs.delete(key));
    const finishedAt = services.clock.now();
    const scope = input.fromDay || input.toDay ? `${input.fromDay ?? '*'}..${input.toDay ?? '*'}` : 'all';
    if (report.cancelled) {
      // Not kept as a check: 工作台 shows the last complete one.
      tx(() => audit('integrity.cancel', null, { scope, checked: report.checked, changed: report.changed, missing: report.missing }));
      return { ...report, checkedAt: finishedAt.toISOString() };
    }
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

  'integrity.cancel': ({ services, session }) => {
    const job = services.jobs.get(jobKey(session.userId));
    if (!job) throw new AppError('NOT_RUNNING', '没有正在进行的完整性校验');
    job.controller.abort();
    return null;
  },
};
