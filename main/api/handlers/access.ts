import { AppError, OVERSEERS, ROLE_LABELS } from '../../common';
import type { Session } from '../../accounts';
import type { Db } from '../../store';
import type { AccessPolicyDto, AccessRequestDto, AccessType, Classification, UserRefDto } from '../dto';
import {
  CLASSIFICATION_LABELS,
  describeScope,
  isClassified,
  itemsFingerprint,
  listRequests,
  loadRequest,
  recordApprovedMedia,
  requestMediaIds,
  requestState,
  toRequestDetailDto,
  toRequestDto,
  type RequestRow,
} from '../../access';
import type { CallContext, HandlerTable } from '../handler';
import { loadMediaDetail, mediaClassificationRow, recordingSegmentIds, setMediaClassification } from '../../library';
import { caseColumns, loadCase, setCaseClassification } from '../../cases';
import { activePeople, activeUser, approveRequest, insertRequest, isNamedUser, rejectRequest, revokeRequest } from '../../access';
import { ACCESS_RULES, accessPolicyDto, canApprove, canRevoke, readAccessPolicy } from '../../access';
import { officeSetting, setOfficeSetting } from '../../store';

type AccessMethods =
  | 'access.policy'
  | 'access.setPolicy'
  | 'access.request'
  | 'access.decide'
  | 'access.revoke'
  | 'access.list'
  | 'access.get'
  | 'access.people'
  | 'media.classify'
  | 'media.classifyRecording'
  | 'cases.classify';

const DAY_MS = 86_400_000;
const TYPES = Object.keys(ACCESS_RULES) as AccessType[];

const perms = (session: Session, r: RequestRow) => ({ canDecide: canApprove(session, r), canRevoke: canRevoke(session, r) });

function dto(db: Db, session: Session, r: RequestRow, now: Date): AccessRequestDto {
  return toRequestDto(db, r, now, perms(session, r));
}

/** Sets one media row's classification and audits the change; call inside a transaction. */
function classifyMedia(db: Db, audit: CallContext<'media.classify'>['audit'], id: number, classification: Classification, context: { recordingId?: number } = {}): void {
  const m = mediaClassificationRow(db, id);
  if (!m) throw new AppError('NOT_FOUND', '资料不存在');
  if (m.classification === classification) return;
  setMediaClassification(db, id, classification);
  audit('media.classify', `media:${id}`, { sha256: m.sha256, ...context, before: { classification: m.classification }, after: { classification } });
}

const isOverseer = (s: Session) => s.roles.some((r) => OVERSEERS.includes(r));

function mayRead(db: Db, session: Session, r: RequestRow): boolean {
  if (r.requestedBy === session.userId || isOverseer(session) || canApprove(session, r)) return true;
  return isNamedUser(db, r.id, session.userId);
}

function refuseNever(type: AccessType, cls: Classification): void {
  if (ACCESS_RULES[type].neverFor.includes(cls)) {
    throw new AppError('CLASSIFICATION_NOT_ALLOWED', `${CLASSIFICATION_LABELS[cls]}资料不得申请${ACCESS_RULES[type].label}（规定第三条）`);
  }
}

function mustApprove(session: Session, r: RequestRow): void {
  if (canApprove(session, r)) return;
  const rule = ACCESS_RULES[r.type];
  if (r.requestedBy === session.userId) throw new AppError('SELF_APPROVAL', '不能审批本人提出的申请');
  throw new AppError('NOT_APPROVER', `${rule.label}须由${rule.approverRoles.map((x) => ROLE_LABELS[x]).join('或')}审批（规定${rule.article}）`);
}

function activeUsers(db: Db, ids: readonly number[]): UserRefDto[] {
  return [...new Set(ids)].map((id) => {
    const u = activeUser(db, id);
    if (!u) throw new AppError('NOT_FOUND', `用户 #${id} 不存在或已停用`);
    return u;
  });
}

/** Access requests, approvals and classification (查阅审批, rules art. 3, 12–14). The rules themselves are in view-policy.ts. */
export const accessHandlers: Pick<HandlerTable, AccessMethods> = {
  'access.policy': ({ db }) => accessPolicyDto(db()),

  'access.setPolicy': ({ input, db, tx, audit }) =>
    tx((): AccessPolicyDto => {
      const before = readAccessPolicy(db());
      const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      if (after.defaultDays > after.maxDays) throw new AppError('INVALID_INPUT', '默认有效期不能超过最长有效期');
      setOfficeSetting(db(), 'access.strict', after.strict ? '1' : '0');
      setOfficeSetting(db(), 'access.own_footage_hours', String(after.ownFootageHours));
      setOfficeSetting(db(), 'access.default_days', String(after.defaultDays));
      setOfficeSetting(db(), 'access.max_days', String(after.maxDays));
      if (JSON.stringify(before) !== JSON.stringify(after)) audit('access.policy', 'office', { before, after });
      return accessPolicyDto(db());
    }),

  'access.request': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const scope = describeScope(db(), input.scope);
      refuseNever(input.type, scope.classification);
      const id = insertRequest(db(), { type: input.type, scopeKind: scope.kind, scopeId: scope.id, reason: input.reason, userId: session.userId, at: now });
      audit('access.request', `access:${id}`, { type: input.type, scope: { kind: scope.kind, id: scope.id, label: scope.label }, classification: scope.classification, reason: input.reason });
      return dto(db(), session, loadRequest(db(), id), now);
    }),

  'access.decide': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const r = loadRequest(db(), input.id);
      if (requestState(r, now) !== 'pending') throw new AppError('NOT_PENDING', '该申请已处理，不能再审批');
      mustApprove(session, r);
      const self = r.requestedBy === session.userId;
      if (!input.approve) {
        if (!input.reason) throw new AppError('REASON_REQUIRED', '驳回申请须填写理由');
        rejectRequest(db(), r.id, session.userId, now, input.reason);
        audit('access.reject', `access:${r.id}`, { type: r.type, before: { state: 'pending' }, after: { state: 'rejected' }, reason: input.reason });
        return dto(db(), session, loadRequest(db(), r.id), now);
      }
      const policy = readAccessPolicy(db());
      // A window never starts in the past: leave is given from now on, not backdated.
      const from = Math.max(input.validFrom ? Date.parse(input.validFrom) : now.getTime(), now.getTime());
      const until = input.validUntil ? Date.parse(input.validUntil) : from + policy.defaultDays * DAY_MS;
      if (until <= from) throw new AppError('INVALID_WINDOW', '有效期截止时间须晚于开始时间');
      if (until - from > policy.maxDays * DAY_MS) throw new AppError('WINDOW_TOO_LONG', `有效期最长 ${policy.maxDays} 天`);
      // The approval covers exactly the list the approver was shown (access.get), recorded now.
      const ids = requestMediaIds(db(), r);
      if (!ids.length) throw new AppError('NOTHING_TO_APPROVE', '该申请的范围内目前没有任何资料，不能批准');
      if (input.itemsFingerprint !== itemsFingerprint(ids)) {
        throw new AppError('ITEMS_CHANGED', '申请覆盖的资料清单在您查看之后发生了变化，请重新打开该申请，核对清单后再审批', 'approval refused: items changed since shown');
      }
      const scope = describeScope(db(), { kind: r.scopeKind, id: r.scopeId }, ids);
      refuseNever(r.type, scope.classification);
      const named = activeUsers(db(), input.namedUserIds ?? []);
      if (isClassified(scope.classification) && !named.length) {
        throw new AppError('NAMES_REQUIRED', `该资料密级为“${CLASSIFICATION_LABELS[scope.classification]}”，批准时须指定可查阅的人员（规定第三条）`);
      }
      const validFrom = new Date(from).toISOString();
      const validUntil = new Date(until).toISOString();
      approveRequest(db(), r.id, { userId: session.userId, at: now, reason: input.reason ?? null, validFrom, validUntil, namedUserIds: named.map((u) => u.id) });
      recordApprovedMedia(db(), r.id, ids);
      audit('access.approve', `access:${r.id}`, {
        type: r.type,
        scope: { kind: scope.kind, id: scope.id, label: scope.label },
        mediaIds: ids,
        classification: scope.classification,
        selfApproved: self,
        before: { state: 'pending' },
        after: { state: 'approved', validFrom, validUntil, namedUsers: named.map((u) => u.login) },
      });
      return dto(db(), session, loadRequest(db(), r.id), now);
    }),

  'access.revoke': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const r = loadRequest(db(), input.id);
      const state = requestState(r, now);
      if (state !== 'pending' && state !== 'approved') throw new AppError('NOT_REVOCABLE', '该申请已结束，无需撤销');
      if (!canRevoke(session, r)) throw new AppError('NOT_APPROVER', '只有申请人或有权审批的人员可以撤销');
      revokeRequest(db(), r.id, session.userId, now, input.reason ?? null);
      audit('access.revoke', `access:${r.id}`, { type: r.type, before: { state }, after: { state: 'revoked' }, reason: input.reason ?? null });
      return dto(db(), session, loadRequest(db(), r.id), now);
    }),

  'access.list': ({ input, db, session, now }) => {
    const base = { limit: input.limit, offset: input.offset, ...(input.state ? { state: input.state } : {}) };
    const toDto = (r: RequestRow) => dto(db(), session, r, now);
    if (input.box === 'mine') return listRequests(db(), { ...base, requestedBy: session.userId }, now, toDto);
    if (input.box === 'toDecide') {
      const others = TYPES.filter((t) => session.roles.some((x) => ACCESS_RULES[t].approverRoles.includes(x)));
      const own = TYPES.filter((t) => session.roles.some((x) => ACCESS_RULES[t].selfApprovalRoles.includes(x)));
      return listRequests(db(), { ...base, state: input.state ?? 'pending', decider: { userId: session.userId, others, own } }, now, toDto);
    }
    if (!isOverseer(session)) throw new AppError('FORBIDDEN', '您没有权限查看全部申请');
    return listRequests(db(), base, now, toDto);
  },

  'access.get': ({ input, db, session, now }) => {
    const r = loadRequest(db(), input.id);
    if (!mayRead(db(), session, r)) throw new AppError('FORBIDDEN', '您没有权限查看该申请');
    return toRequestDetailDto(db(), r, now, perms(session, r));
  },

  'access.people': ({ db }) => activePeople(db()),

  'media.classify': ({ input, db, tx, audit }) =>
    tx(() => {
      classifyMedia(db(), audit, input.id, input.classification);
      return loadMediaDetail(db(), input.id, Number(officeSetting(db(), 'retention_months')));
    }),

  'media.classifyRecording': ({ input, db, tx, audit }) =>
    tx(() => {
      const ids = recordingSegmentIds(db(), input.recordingId);
      for (const id of ids) classifyMedia(db(), audit, id, input.classification, { recordingId: input.recordingId });
      const months = Number(officeSetting(db(), 'retention_months'));
      return ids.map((id) => loadMediaDetail(db(), id, months));
    }),

  'cases.classify': ({ input, db, tx, audit }) =>
    tx(() => {
      const c = caseColumns(db(), input.id);
      if (!c) throw new AppError('NOT_FOUND', '案件不存在');
      if (c.classification !== input.classification) {
        setCaseClassification(db(), input.id, input.classification);
        audit('case.classify', `case:${input.id}`, { number: c.number, before: { classification: c.classification }, after: { classification: input.classification } });
      }
      return loadCase(db(), input.id);
    }),
};
