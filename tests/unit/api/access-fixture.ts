// Shared helpers for tests that need leave to view (issue 5): requests, approvals and media requests as a user.
import type { AccessRequestDto, AccessType, Client } from '../../../main/api';
import { handleMediaRequest } from '../../../main/api';
import type { Role } from '../../../main/common';
import type { TestApi } from '../../support/services';

export type ScopeInput = { kind: 'media' | 'recording' | 'case'; id: number };

/** Approves a request as the approver would: shown its list of media (access.get), then deciding on that list. */
export async function approve(
  t: TestApi,
  approver: Client,
  requestId: number,
  decide: { validFrom?: string; validUntil?: string; namedUserIds?: number[]; reason?: string } = {},
): Promise<AccessRequestDto> {
  const shown = await t.call(approver, 'access.get', { id: requestId });
  return t.call(approver, 'access.decide', { id: requestId, approve: true, itemsFingerprint: shown.itemsFingerprint, ...decide });
}

/** The input access.decide gets for an approval of the list as it is now (for tests expecting a refusal). */
export async function approvalInput(t: TestApi, approver: Client, requestId: number): Promise<{ id: number; approve: true; itemsFingerprint: string }> {
  return { id: requestId, approve: true, itemsFingerprint: (await t.call(approver, 'access.get', { id: requestId })).itemsFingerprint };
}

/** Requests leave and has it decided in one go (approver may be the requester where the policy allows). */
export async function grant(
  t: TestApi,
  requester: Client,
  approver: Client,
  type: AccessType,
  scope: ScopeInput,
  decide: { validFrom?: string; validUntil?: string; namedUserIds?: number[] } = {},
): Promise<AccessRequestDto> {
  const req = await t.call(requester, 'access.request', { type, scope, reason: `测试：${type} ${scope.kind} #${scope.id}` });
  return approve(t, approver, req.id, decide);
}

/** A logged-in user with exactly these roles and a changed password, on its own client. */
export async function userWith(t: TestApi, admin: Client, login: string, roles: Role[], displayName = login): Promise<{ client: Client; id: number }> {
  const u = await t.call(admin, 'users.create', { login, displayName, badgeNo: null, password: 'initial-pass', roles });
  const client = t.client(login);
  await t.call(client, 'session.login', { login, password: 'initial-pass' });
  await t.call(client, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
  return { client, id: u.id };
}

/** GET /media/<id> as the client's user; returns the status after draining the body. */
export async function viewStatus(t: TestApi, c: Client, mediaId: number, suffix = ''): Promise<number> {
  const l = t.services.sessions.touch(c.sessionId);
  if (l.state !== 'active') throw new Error(`client ${c.id} not logged in`);
  const r = await handleMediaRequest(t.services, new Request(`http://127.0.0.1/media/${mediaId}${suffix}`, { headers: { Range: 'bytes=0-99' } }), l.session);
  await r.arrayBuffer();
  return r.status;
}
