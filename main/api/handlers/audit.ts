import { officeVerifier } from '../signing';
import { queryAudit, verifyAuditChain } from '../../store';
import type { HandlerTable } from '../handler';

export const auditHandlers: Pick<HandlerTable, 'audit.list' | 'audit.verify'> = {
  'audit.list': ({ db, input }) => {
    const page = queryAudit(db(), input);
    return {
      total: page.total,
      entries: page.entries.map((e) => ({
        seq: e.seq,
        at: e.at,
        actorLogin: e.actorLogin,
        action: e.action,
        target: e.target,
        details: e.details,
        hash: e.hash,
      })),
    };
  },

  'audit.verify': ({ services, db, now, tx, audit }) => {
    const report = verifyAuditChain(db(), officeVerifier(services));
    tx(() => audit('audit.verify', 'audit_log', { ok: report.ok, entries: report.entries, problems: report.problems.length }));
    return { ...report, checkedAt: now.toISOString() };
  },
};
