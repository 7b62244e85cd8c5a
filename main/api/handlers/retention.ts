import { AppError, disposalNumber, localDay } from '../../common';
import { asPem, certificateFingerprint } from '../../crypto';
import { disposalRecord } from '../../forms';
import { hashFile, toAbsolute } from '../../ingest';
import {
  activeHoldOf,
  assertDisposable,
  decideDisposal,
  disposalItems,
  findDisposal,
  findHold,
  insertDisposal,
  insertHold,
  itemsFingerprint,
  listDisposals,
  listHolds,
  markExecuted,
  mediaInOpenDisposals,
  releaseHold,
  removeDisposedBytes,
  retentionPolicy,
  retentionStatuses,
  type DisposalDetailDto,
  type DisposalDto,
  type DisposalItemRow,
  type DisposalRow,
  type RetentionItemDto,
  type RetentionStatus,
} from '../../retention';
import type { Db } from '../../store';
import type { ApiServices } from '../context';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';

type RetentionMethods =
  | 'retention.list'
  | 'retention.hold'
  | 'retention.release'
  | 'retention.holds'
  | 'disposals.request'
  | 'disposals.decide'
  | 'disposals.execute'
  | 'disposals.list'
  | 'disposals.get'
  | 'disposals.recordDocx';

const today = (services: ApiServices, now: Date): string => localDay(now, services.archive.office().timeZone);

function toDisposalDto({ requestedById: _r, decidedById: _d, executedById: _e, ...rest }: DisposalRow): DisposalDto {
  return rest;
}

function disposalDetail(db: Db, id: number): DisposalDetailDto {
  return { ...toDisposalDto(findDisposal(db, id)), items: disposalItems(db, id).map(({ storedPath: _p, ...i }) => i) };
}

/** The statuses of exactly these originals; an unknown id is refused. */
function statusesOf(db: Db, timeZone: string, day: string, ids: readonly number[]): RetentionStatus[] {
  const statuses = retentionStatuses(db, timeZone, day, [...new Set(ids)]);
  if (statuses.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '资料不存在');
  return statuses;
}

/** Removes the bytes of a disposal's originals still on disk; how many were. */
async function removeBytes(services: ApiServices, disposalId: number, items: readonly DisposalItemRow[]): Promise<number> {
  let removed = 0;
  for (const i of items) if (await removeDisposedBytes(services.archive.open().paths, i)) removed++;
  services.log.info('disposal bytes removed', { disposalId, files: items.length, removed });
  return removed;
}

/** The record's file names: 销毁记录-0003.docx and its signature beside it. */
const recordName = (id: number): string => `销毁记录-${String(id).padStart(4, '0')}.docx`;

/**
 * 到期资料 and disposal (rules art. 11(3)). Every refusal of the rule (hold, classification, open case, keep-until
 * day not come) is checked when asked, when approved and again inside the transaction that marks the originals
 * disposed; the store's triggers refuse the mark without an executed record whatever the code does.
 */
export const retentionHandlers: Pick<HandlerTable, RetentionMethods> = {
  'retention.list': ({ input, db, services, now }) => {
    const office = services.archive.office();
    const day = localDay(now, office.timeZone);
    const pending = mediaInOpenDisposals(db());
    const all: RetentionItemDto[] = retentionStatuses(db(), office.timeZone, day).map(({ storedPath: _p, ...s }) => ({ ...s, pendingDisposal: pending.has(s.mediaId) }));
    const viewOf = (s: RetentionItemDto) =>
      s.disposalId !== null ? 'disposed' : s.blockers.length ? 'held' : s.refusal === null ? 'due' : 'kept';
    const counts = { due: 0, held: 0, kept: 0, disposed: 0 };
    for (const s of all) counts[viewOf(s)]++;
    const chosen = all.filter((s) => viewOf(s) === input.view);
    const policy = retentionPolicy(db());
    return {
      today: day,
      retentionMonths: policy.retentionMonths,
      caseRetentionMonths: policy.caseRetentionMonths,
      counts,
      total: chosen.length,
      items: chosen.slice(input.offset, input.offset + input.limit),
    };
  },

  'retention.hold': ({ input, db, tx, audit, session, services, now }) =>
    tx(() => {
      const ids = [...new Set(input.mediaIds)];
      const statuses = statusesOf(db(), services.archive.office().timeZone, today(services, now), ids);
      const disposed = statuses.filter((s) => s.disposalId !== null);
      if (disposed.length) throw new AppError('DISPOSED', `资料已销毁，不能保留：${disposed.map((s) => s.originalName).join('、')}`);
      const holdIds = ids.map((mediaId) => activeHoldOf(db(), mediaId, input.kind) ?? insertHold(db(), { mediaId, kind: input.kind, reason: input.reason, userId: session.userId, now }));
      audit('retention.hold', `media:${ids.join(',')}`.slice(0, 200), { kind: input.kind, reason: input.reason, mediaIds: ids, holdIds, before: null, after: { holdIds } });
      return holdIds.map((h) => findHold(db(), h)!);
    }),

  'retention.release': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const before = findHold(db(), input.id);
      if (!before) throw new AppError('NOT_FOUND', '保留记录不存在');
      if (!releaseHold(db(), input.id, session.userId, input.reason, now)) throw new AppError('HOLD_RELEASED', '该保留已解除');
      audit('retention.release', `media:${before.mediaId}`, { holdId: input.id, kind: before.kind, reason: input.reason, before, after: findHold(db(), input.id) });
      return findHold(db(), input.id)!;
    }),

  'retention.holds': ({ input, db }) => listHolds(db(), input),

  'disposals.request': ({ input, db, tx, audit, session, services, now }) =>
    tx(() => {
      const statuses = statusesOf(db(), services.archive.office().timeZone, today(services, now), input.mediaIds);
      assertDisposable(statuses);
      const pending = mediaInOpenDisposals(db());
      const listed = statuses.filter((s) => pending.has(s.mediaId));
      if (listed.length) throw new AppError('DISPOSAL_PENDING', `资料已在待办的销毁申请中：${listed.map((s) => s.originalName).slice(0, 5).join('、')}`);
      const id = insertDisposal(db(), { reason: input.reason, statuses, userId: session.userId, now });
      audit('disposal.request', `disposal:${id}`, {
        reason: input.reason,
        items: statuses.map((s) => ({ mediaId: s.mediaId, sha256: s.sha256, keepUntil: s.keepUntil })),
        itemsSha256: itemsFingerprint(statuses),
      });
      return disposalDetail(db(), id);
    }),

  'disposals.decide': ({ input, db, tx, audit, session, services, now }) =>
    tx(() => {
      const d = findDisposal(db(), input.id);
      if (d.state !== 'requested') throw new AppError('DISPOSAL_DECIDED', '该销毁申请已处理');
      if (d.requestedById === session.userId) throw new AppError('OWN_REQUEST', '不能审批自己提出的销毁申请');
      if (input.approve) {
        if (input.itemsFingerprint !== d.itemsSha256) throw new AppError('ITEMS_CHANGED', '销毁清单与您核对的不一致，请刷新后重新核对');
        assertDisposable(statusesOf(db(), services.archive.office().timeZone, today(services, now), disposalItems(db(), d.id).map((i) => i.mediaId)));
      }
      decideDisposal(db(), d.id, { approve: input.approve, userId: session.userId, reason: input.reason ?? null, now });
      audit(input.approve ? 'disposal.approve' : 'disposal.reject', `disposal:${d.id}`, {
        itemsSha256: d.itemsSha256,
        reason: input.reason ?? null,
        before: { state: d.state },
        after: { state: input.approve ? 'approved' : 'rejected' },
      });
      return disposalDetail(db(), d.id);
    }),

  'disposals.execute': async ({ input, db, tx, audit, session, services, now }) => {
    const office = services.archive.office();
    const paths = services.archive.open().paths;
    const d = findDisposal(db(), input.id);
    if (d.state === 'executed') {
      // Executed and recorded, but a crash may have stopped the removal: finish it; nothing else changes.
      const removed = await removeBytes(services, d.id, disposalItems(db(), d.id));
      if (removed) tx(() => audit('disposal.bytes_removed', `disposal:${d.id}`, { removed, resumed: true }));
      return disposalDetail(db(), d.id);
    }
    if (d.state !== 'approved') throw new AppError('DISPOSAL_NOT_APPROVED', '销毁申请尚未批准，不能执行');
    if (d.decidedById === session.userId) throw new AppError('SAME_PERSON', '批准人不能同时执行销毁，须由另一人执行');
    const items = disposalItems(db(), d.id);
    const ids = items.map((i) => i.mediaId);
    assertDisposable(statusesOf(db(), office.timeZone, today(services, now), ids));
    // What is destroyed must be what was approved: each file is hashed once more; a changed or missing one is an
    // integrity alarm for 完整性校验, never something to dispose of quietly.
    for (const i of items) {
      const actual = await hashFile(toAbsolute(paths.root, i.storedPath)).catch(() => null);
      if (actual !== i.sha256) {
        throw new AppError('DISPOSAL_INTEGRITY', `原始文件${actual === null ? '缺失' : '已被改动'}，不能销毁，请先进行完整性校验：${i.originalName}`);
      }
    }
    const docx = await disposalRecord({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      documentId: disposalNumber(d.id),
      reason: d.reason,
      requestedBy: d.requestedBy,
      requestedAt: new Date(d.requestedAt),
      approvedBy: d.decidedBy ?? '—',
      approvedAt: new Date(d.decidedAt ?? now),
      executedBy: session.displayName,
      executedAt: now,
      files: items.map((i) => ({ name: i.originalName, storedPath: i.storedPath, startedAt: new Date(i.startAt), bytes: i.size, keepUntil: i.keepUntil, sha256: i.sha256 })),
      caFingerprint: certificateFingerprint(asPem(office.caCertPem)),
    });
    const signature = signerFor(services, session)(docx);
    const check = officeVerifier(services)(docx, signature);
    if (!check.ok) throw new AppError('SIGN_FAILED', '签名失败：证书无法通过单位根证书验证，请联系管理员', `disposal record signature does not verify: ${check.reason ?? ''}`);
    const record = await saveForm(services, recordName(d.id), docx);
    const sig = await saveForm(services, `${recordName(d.id)}.p7s`, signature);
    tx(() => {
      const cur = findDisposal(db(), d.id);
      if (cur.state !== 'approved') throw new AppError('DISPOSAL_CHANGED', '销毁申请状态刚被改变，请刷新');
      // Re-checked in the transaction that marks them: a hold or case added meanwhile still stops the disposal.
      assertDisposable(statusesOf(db(), office.timeZone, today(services, now), ids));
      markExecuted(db(), d.id, { userId: session.userId, now, recordFile: record.fileName, recordSha256: record.sha256, signatureFile: sig.fileName, signatureSha256: sig.sha256 });
      audit('disposal.execute', `disposal:${d.id}`, {
        items: items.map((i) => ({ mediaId: i.mediaId, sha256: i.sha256, storedPath: i.storedPath })),
        recordFile: record.fileName,
        recordSha256: record.sha256,
        signatureSha256: sig.sha256,
        before: { state: 'approved' },
        after: { state: 'executed' },
      });
    });
    // Only now, with the record committed, do the bytes go: a crash before this leaves them in place, disposed on paper.
    const removed = await removeBytes(services, d.id, items);
    tx(() => audit('disposal.bytes_removed', `disposal:${d.id}`, { files: items.length, removed }));
    return disposalDetail(db(), d.id);
  },

  'disposals.list': ({ db }) => listDisposals(db()).map(toDisposalDto),
  'disposals.get': ({ input, db }) => disposalDetail(db(), input.id),

  'disposals.recordDocx': ({ input, db, tx, audit }) => {
    const d = findDisposal(db(), input.id);
    if (d.state !== 'executed' || !d.recordFile || !d.recordSha256) throw new AppError('NOT_FOUND', '该销毁尚未执行，没有销毁记录');
    const file = { fileName: d.recordFile, sha256: d.recordSha256 };
    tx(() => audit('form.disposal_record', `disposal:${d.id}`, file));
    return file;
  },
};
