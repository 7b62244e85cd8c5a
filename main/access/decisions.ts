// Writing access requests: asked, rejected, approved (with the users named for classified items), revoked.
import type { Db } from '../store';
import type { AccessScopeKind, AccessType } from '../common';
import type { UserRefDto } from './types';

export function insertRequest(db: Db, r: { type: AccessType; scopeKind: AccessScopeKind; scopeId: number; reason: string; userId: number; at: Date }): number {
  return db
    .prepare('INSERT INTO access_requests (type, scope_kind, scope_id, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.type, r.scopeKind, r.scopeId, r.reason, r.userId, r.at.toISOString()).lastInsertRowid as number;
}

export function rejectRequest(db: Db, id: number, userId: number, at: Date, reason: string): void {
  db.prepare("UPDATE access_requests SET status = 'rejected', decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?").run(userId, at.toISOString(), reason, id);
}

export function approveRequest(
  db: Db,
  id: number,
  a: { userId: number; at: Date; reason: string | null; validFrom: string; validUntil: string; namedUserIds: readonly number[] },
): void {
  db.prepare("UPDATE access_requests SET status = 'approved', decided_by = ?, decided_at = ?, decision_reason = ?, valid_from = ?, valid_until = ? WHERE id = ?").run(
    a.userId,
    a.at.toISOString(),
    a.reason,
    a.validFrom,
    a.validUntil,
    id,
  );
  const ins = db.prepare('INSERT INTO access_request_users (request_id, user_id) VALUES (?, ?)');
  for (const u of a.namedUserIds) ins.run(id, u);
}

export function revokeRequest(db: Db, id: number, userId: number, at: Date, reason: string | null): void {
  db.prepare("UPDATE access_requests SET status = 'revoked', revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?").run(userId, at.toISOString(), reason, id);
}

/** The user is one of those an approval names. */
export function isNamedUser(db: Db, requestId: number, userId: number): boolean {
  return !!db.prepare('SELECT 1 FROM access_request_users WHERE request_id = ? AND user_id = ?').get(requestId, userId);
}

/** Users who may be named on an approval or asked for: every active account. */
export function activePeople(db: Db): UserRefDto[] {
  return db.prepare('SELECT id, login, display_name AS displayName FROM users WHERE disabled = 0 ORDER BY display_name, id').all() as UserRefDto[];
}

/** The active user with this id, or undefined. */
export function activeUser(db: Db, id: number): UserRefDto | undefined {
  return db.prepare('SELECT id, login, display_name AS displayName FROM users WHERE id = ? AND disabled = 0').get(id) as UserRefDto | undefined;
}
