import { AppError } from '../../common';
import type { Session } from '../../accounts';
import type { Db } from '../../store';
import type { HandlerTable } from '../handler';
import { addCaseItems, caseColumns, caseNumberTaken, findCaseItem, insertCase, listCases, loadCase, removeCaseItem, updateCase } from '../../cases';
import { findOfficer } from '../../devices';
import { recordingMediaIds, unknownMediaIds } from '../../library';

type CaseMethods = 'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.addItems' | 'cases.removeItem';

function mustOfficer(db: Db, id: number | null | undefined): void {
  if (id === null || id === undefined) return;
  if (!findOfficer(db, id)) throw new AppError('NOT_FOUND', '承办人不存在');
}

function mustCase(db: Db, id: number): Record<string, unknown> {
  const c = caseColumns(db, id);
  if (!c) throw new AppError('NOT_FOUND', '案件不存在');
  return c;
}

/** Only the chief changes a classification (rules art. 3; issue 5). */
function mustChief(session: Session): void {
  if (!session.roles.includes('chief')) throw new AppError('FORBIDDEN', '只有大队负责人可以设定密级');
}

/**
 * Only the case's handler (the officer record linked to the caller's account) and the custodian
 * change what a case holds, and only while it is open. An approval already given never follows
 * the change: it covers what its approver was shown (issue 10).
 */
function mustChangeItems(db: Db, session: Session, c: Record<string, unknown>, verb: string): void {
  if (c.status !== 'open') throw new AppError('CASE_CLOSED', `案件已结案，不能再${verb}资料`);
  if (session.roles.includes('custodian')) return;
  const handler = c.handlerOfficerId === null ? null : findOfficer(db, c.handlerOfficerId as number);
  if (handler?.userId !== session.userId) throw new AppError('NOT_CASE_HANDLER', '只有本案承办人或保管员可以增删案件资料');
}

/** Cases (案件): a named set of media. Adding media to an open case holds them with it (see media_retention). */
export const caseHandlers: Pick<HandlerTable, CaseMethods> = {
  'cases.list': ({ input, db }) => listCases(db(), input),
  'cases.get': ({ input, db }) => loadCase(db(), input.id),

  'cases.create': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      if (input.classification !== 'normal') mustChief(session);
      mustOfficer(db(), input.handlerOfficerId);
      if (caseNumberTaken(db(), input.number)) {
        throw new AppError('CASE_NUMBER_TAKEN', `案件编号 ${input.number} 已存在`);
      }
      const id = insertCase(db(), input, session.userId, now);
      audit('case.create', `case:${id}`, { before: null, after: caseColumns(db(), id) });
      return loadCase(db(), id);
    }),

  'cases.update': ({ input, db, tx, audit, now, session }) =>
    tx(() => {
      const before = mustCase(db(), input.id);
      if (input.classification !== undefined && input.classification !== before.classification) mustChief(session);
      mustOfficer(db(), input.handlerOfficerId);
      const { id: _id, status, ...fields } = input;
      const changed = updateCase(db(), input.id, { ...fields, ...(status !== undefined && status !== before.status ? { status } : {}) }, now);
      if (changed) {
        audit('case.update', `case:${input.id}`, { before, after: caseColumns(db(), input.id) });
      }
      return loadCase(db(), input.id);
    }),

  'cases.addItems': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const c = mustCase(db(), input.caseId);
      mustChangeItems(db(), session, c, '加入');
      let ids: number[];
      if (input.recordingId !== undefined) {
        ids = recordingMediaIds(db(), input.recordingId);
        if (!ids.length) throw new AppError('NOT_FOUND', '录像不存在');
      } else {
        ids = [...new Set(input.mediaIds ?? [])];
        const missing = unknownMediaIds(db(), ids);
        if (missing.length) throw new AppError('NOT_FOUND', `资料不存在（编号 ${missing.slice(0, 5).join('、')}）`);
      }
      const added = addCaseItems(db(), input.caseId, ids, session.userId, now);
      if (added.length) {
        audit('case.add_items', `case:${input.caseId}`, { number: c.number, mediaIds: added, recordingId: input.recordingId ?? null, before: null, after: { mediaIds: added } });
      }
      return loadCase(db(), input.caseId);
    }),

  'cases.removeItem': ({ input, db, tx, audit, session }) =>
    tx(() => {
      const c = mustCase(db(), input.caseId);
      mustChangeItems(db(), session, c, '移出');
      const item = findCaseItem(db(), input.caseId, input.mediaId);
      if (!item) throw new AppError('NOT_FOUND', '该资料不在此案件中');
      removeCaseItem(db(), input.caseId, input.mediaId);
      audit('case.remove_item', `case:${input.caseId}`, { number: c.number, mediaIds: [input.mediaId], before: { mediaId: input.mediaId, ...item }, after: null });
      return loadCase(db(), input.caseId);
    }),
};
