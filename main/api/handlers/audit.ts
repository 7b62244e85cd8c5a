import { officeSealVerifier } from '../signing';
import { describeAuditTarget, detailRefs, displayNameOf, queryAudit, verifyAuditChain } from '../../audit';
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
        actorName: displayNameOf(db(), e.actorLogin),
        action: e.action,
        target: e.target,
        targetName: describeAuditTarget(db(), e.action, e.target),
        details: e.details,
        refs: detailRefs(db(), e.details),
        hash: e.hash,
      })),
    };
  },

  'audit.verify': ({ services, input, now, tx, audit }) => {
    const store = services.archive.open();
    const report = verifyAuditChain(store.db, {
      timeZone: services.archive.office().timeZone,
      now,
      sealsDir: store.paths.seals,
      verifySeal: officeSealVerifier(services),
      ...(input.anchors ? { anchors: input.anchors } : {}),
      ...(input.sealAnchors ? { sealAnchors: input.sealAnchors } : {}),
    });
    tx(() =>
      audit('audit.verify', 'audit_log', {
        ok: report.ok,
        entries: report.entries,
        problems: report.problems.length,
        warnings: report.warnings.length,
        ...(input.anchors || input.sealAnchors ? { anchors: input.anchors ?? [], sealAnchors: input.sealAnchors ?? [] } : {}),
      }),
    );
    return { ...report, checkedAt: now.toISOString() };
  },
};
