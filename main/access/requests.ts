import { AppError } from '../common';
import type { Db } from '../store';
import type { AccessPageDto, AccessRequestDetailDto, AccessRequestDto, AccessScopeDto, UserRefDto } from './types';
import type { AccessScopeKind, AccessState, AccessType } from '../common';
import { describeScope } from './classification';
import { namedUsers } from './find';
import { describeItems, itemsFingerprint, requestMediaIds, wasApproved } from './items';

export interface RequestRow {
  id: number;
  type: AccessType;
  scopeKind: AccessScopeKind;
  scopeId: number;
  reason: string;
  requestedBy: number;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'revoked';
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
  validFrom: string | null;
  validUntil: string | null;
  revokedBy: number | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

const SELECT = `SELECT id, type, scope_kind AS scopeKind, scope_id AS scopeId, reason, requested_by AS requestedBy, requested_at AS requestedAt,
  status, decided_by AS decidedBy, decided_at AS decidedAt, decision_reason AS decisionReason, valid_from AS validFrom, valid_until AS validUntil,
  revoked_by AS revokedBy, revoked_at AS revokedAt, revoke_reason AS revokeReason FROM access_requests r`;

export function loadRequest(db: Db, id: number): RequestRow {
  const r = db.prepare(`${SELECT} WHERE id = ?`).get(id) as RequestRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '查阅申请不存在');
  return r;
}

/** Expiry is computed, never stored: an approval past its window reads as 'expired'. */
export function requestState(r: Pick<RequestRow, 'status' | 'validUntil'>, now: Date): AccessState {
  return r.status === 'approved' && r.validUntil !== null && r.validUntil <= now.toISOString() ? 'expired' : r.status;
}

function userRef(db: Db, id: number | null): UserRefDto | null {
  if (id === null) return null;
  return (db.prepare('SELECT id, login, display_name AS displayName FROM users WHERE id = ?').get(id) as UserRefDto | undefined) ?? null;
}

/** The scope over what the request covers: once approved, the recorded set, not the scope as it is now. */
function scopeOf(db: Db, r: RequestRow, ids: readonly number[]): AccessScopeDto {
  try {
    return describeScope(db, { kind: r.scopeKind, id: r.scopeId }, ids);
  } catch {
    // A recording regrouped away or similar: the request still shows what it asked for.
    return { kind: r.scopeKind, id: r.scopeId, label: `#${r.scopeId}（已不存在）`, classification: 'normal', mediaCount: 0 };
  }
}

/** Approved by the requester himself (the leaders' own 工作查阅, the only self-approval the policy allows). */
export const isSelfApproved = (r: Pick<RequestRow, 'validFrom' | 'decidedBy' | 'requestedBy'>): boolean => wasApproved(r) && r.decidedBy === r.requestedBy;

type Perms = { canDecide: boolean; canRevoke: boolean };

export function toRequestDto(db: Db, r: RequestRow, now: Date, perms: Perms, ids: readonly number[] = requestMediaIds(db, r)): AccessRequestDto {
  const state = requestState(r, now);
  return {
    id: r.id,
    type: r.type,
    scope: scopeOf(db, r, ids),
    reason: r.reason,
    requestedBy: userRef(db, r.requestedBy)!,
    requestedAt: r.requestedAt,
    state,
    decidedBy: userRef(db, r.decidedBy),
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    namedUsers: namedUsers(db, r.id).map((id) => userRef(db, id)!),
    revokedBy: userRef(db, r.revokedBy),
    revokedAt: r.revokedAt,
    revokeReason: r.revokeReason,
    selfApproved: isSelfApproved(r),
    canDecide: state === 'pending' && perms.canDecide,
    canRevoke: (state === 'pending' || state === 'approved') && perms.canRevoke,
  };
}

/** A request with the list of media it covers, as the approver is shown it, and that list's fingerprint. */
export function toRequestDetailDto(db: Db, r: RequestRow, now: Date, perms: Perms): AccessRequestDetailDto {
  const ids = requestMediaIds(db, r);
  return { ...toRequestDto(db, r, now, perms, ids), items: describeItems(db, ids), itemsFingerprint: itemsFingerprint(ids) };
}

export interface ListQuery {
  /** Requests by this user only. */
  requestedBy?: number;
  /** Only what this user may decide: others' requests of `others` types, their own of `own` types. */
  decider?: { userId: number; others: readonly AccessType[]; own: readonly AccessType[] };
  state?: AccessState;
  limit: number;
  offset: number;
}

const STATE_WHERE: Record<AccessState, string> = {
  pending: "r.status = 'pending'",
  approved: "r.status = 'approved' AND r.valid_until > :now",
  expired: "r.status = 'approved' AND r.valid_until <= :now",
  rejected: "r.status = 'rejected'",
  revoked: "r.status = 'revoked'",
};

export function listRequests(db: Db, q: ListQuery, now: Date, toDto: (r: RequestRow) => AccessRequestDto): AccessPageDto {
  const where: string[] = [];
  const params: Record<string, unknown> = { now: now.toISOString() };
  if (q.requestedBy !== undefined) {
    where.push('r.requested_by = :requestedBy');
    params.requestedBy = q.requestedBy;
  }
  if (q.decider) {
    // The type names come from the typed rule table, never from input.
    const list = (ts: readonly AccessType[]) => (ts.length ? ts.map((t) => `'${t}'`).join(', ') : 'NULL');
    where.push(`((r.type IN (${list(q.decider.others)}) AND r.requested_by <> :decider) OR (r.type IN (${list(q.decider.own)}) AND r.requested_by = :decider))`);
    params.decider = q.decider.userId;
  }
  if (q.state) where.push(STATE_WHERE[q.state]);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM access_requests r ${w}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${SELECT} ${w} ORDER BY r.requested_at DESC, r.id DESC LIMIT :limit OFFSET :offset`).all({ ...params, limit: q.limit, offset: q.offset }) as RequestRow[];
  return { total, items: rows.map(toDto) };
}
