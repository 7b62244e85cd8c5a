import {
  countActiveAdmins,
  findUserById,
  insertUser,
  listUsers,
  prepareKeys,
  prepareUser,
  publicKeyOfCert,
  recordCertificate,
  revokeUserCertificates,
  setRoles,
  toSummary,
  userRoles,
  wrapForUser,
  type OfficeCa,
  type Session,
  updateUserFields,
  resetCredentials,
  setCaKeyWrap,
} from '../../accounts';
import { hashPassword, type Pem } from '../../crypto';
import { linkAccountToOfficer, requireBadgeFree, type LinkChoice, type LinkOutcome } from '../../devices';
import { AppError, conflictingRoles, ROLE_LABELS, type Role } from '../../common';
import type { UserId } from '../../store';
import type { ApiServices } from '../context';
import type { UserDto } from '../dto';
import type { HandlerTable } from '../handler';

/** The CA key is only in memory for admins who logged in with a key wrap (all admins do). */
export function officeCa(services: ApiServices, s: Session): OfficeCa {
  if (!s.caPrivateKeyPem) throw new AppError('NO_CA_KEY', '当前账户无法签发证书，请使用管理员账户重新登录', 'session has no CA key');
  const office = services.archive.office();
  return { certPem: office.caCertPem as Pem, privateKeyPem: s.caPrivateKeyPem as Pem, unitName: office.unitName };
}

function mustFind(services: ApiServices, id: number) {
  const u = findUserById(services.archive.open().db, id);
  if (!u) throw new AppError('NOT_FOUND', '用户不存在', `user ${id} not found`);
  return u;
}

/** Separation of duties (issue 10): an account holding admin never also holds chief or township leader. */
function mustKeepDutiesApart(roles: readonly Role[]): void {
  const clash = conflictingRoles(roles);
  if (clash.length) {
    throw new AppError('ROLE_CONFLICT', `管理员不能同时担任${clash.map((r) => ROLE_LABELS[r]).join('或')}（职责分离），请另设账户`, `roles ${roles.join(',')} conflict`);
  }
}

/** The officer link the admin asked for: a picked officer, a confirmed new one, or by badge. */
function linkChoice(input: { officerId?: number; newOfficer?: boolean }): LinkChoice {
  if (input.officerId !== undefined) return { kind: 'officer', officerId: input.officerId };
  return input.newOfficer ? { kind: 'new' } : { kind: 'auto' };
}

const linkDetails = (l: LinkOutcome) => ({
  officer: l.officer ? { id: l.officer.id, name: l.officer.name, badgeNo: l.officer.badgeNo, created: l.created } : null,
  ...(l.unlinked ? { unlinkedOfficer: { id: l.unlinked.id, name: l.unlinked.name, badgeNo: l.unlinked.badgeNo } } : {}),
});

const sameRoles = (x: readonly Role[], y: readonly Role[]): boolean => [...new Set(x)].sort().join() === [...new Set(y)].sort().join();

export const userHandlers: Pick<HandlerTable, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  'users.list': ({ db, now }) => listUsers(db(), now),

  'users.create': async ({ services, session, input, now, db, tx, audit }) => {
    mustKeepDutiesApart(input.roles);
    const prepared = await prepareUser({ ...input, mustChangePassword: true }, officeCa(services, session), now, services.keyPairs, services.costs);
    const id = tx(() => {
      if (input.badgeNo) requireBadgeFree(db(), input.badgeNo, null);
      const newId = insertUser(db(), prepared, now);
      const link = linkAccountToOfficer(db(), newId, linkChoice(input), now);
      audit('user.create', `user:${newId}`, {
        login: input.login,
        displayName: input.displayName,
        badgeNo: input.badgeNo,
        roles: input.roles,
        certSerial: prepared.serialHex,
        ...linkDetails(link),
      });
      return newId;
    });
    return toSummary(db(), mustFind(services, id), now);
  },

  'users.update': ({ services, session, input, now, db, tx, audit }) => {
    const before = toSummary(db(), mustFind(services, input.id), now);
    const roles = input.roles ?? before.roles;
    const disabled = input.disabled ?? before.disabled;
    const losesAdmin = before.roles.includes('admin') && !before.disabled && (!roles.includes('admin') || disabled);
    if (losesAdmin && countActiveAdmins(db()) <= 1) {
      throw new AppError('LAST_ADMIN', '不能停用或撤销最后一位管理员', 'refusing to remove the last admin');
    }
    // Nobody changes his own roles: another admin has to (the check an admin-turned-approver would need to pass).
    if (input.roles && input.id === session.userId && !sameRoles(input.roles, before.roles)) {
      throw new AppError('OWN_ROLES', '不能修改本人的角色，请由另一位管理员办理', 'refusing a change of own roles');
    }
    if (input.roles) mustKeepDutiesApart(roles);
    // Disabling revoked his certificates; only a password reset (a new key and certificate) brings him back.
    if (before.disabled && !disabled) {
      throw new AppError('REENABLE_NEEDS_RESET', '重新启用已停用的账户须重置密码（将签发新的密钥和证书），请使用“重置密码”', 're-enabling needs a password reset');
    }
    const gainsAdmin = roles.includes('admin') && !before.roles.includes('admin');
    const row = mustFind(services, input.id);
    const wrap = gainsAdmin ? wrapForUser(officeCa(services, session).privateKeyPem, publicKeyOfCert(row.cert_pem)) : null;
    tx(() => {
      const badgeNo = input.badgeNo !== undefined ? input.badgeNo : before.badgeNo;
      if (badgeNo) requireBadgeFree(db(), badgeNo, input.id);
      updateUserFields(db(), input.id, { displayName: input.displayName ?? before.displayName, badgeNo, disabled }, now);
      const relink = input.badgeNo !== undefined || input.officerId !== undefined || input.newOfficer !== undefined;
      const link = relink ? linkAccountToOfficer(db(), input.id, linkChoice(input), now) : null;
      setRoles(db(), input.id, roles);
      if (wrap) setCaKeyWrap(db(), input.id, wrap);
      if (!roles.includes('admin')) setCaKeyWrap(db(), input.id, null);
      const revoked = disabled && !before.disabled ? revokeUserCertificates(db(), { userId: input.id, at: now, reason: 'account_disabled', by: session.userId }) : [];
      const after = toSummary(db(), mustFind(services, input.id), now);
      audit('user.update', `user:${input.id}`, {
        before: { displayName: before.displayName, badgeNo: before.badgeNo, roles: before.roles, disabled: before.disabled },
        after: { displayName: after.displayName, badgeNo: after.badgeNo, roles: after.roles, disabled: after.disabled },
        ...(revoked.length ? { revokedCertSerials: revoked } : {}),
        ...(link ? linkDetails(link) : {}),
      });
    });
    // A disabled or re-roled user must log in again to get the new rights (or none).
    if (disabled !== before.disabled || !sameRoles(roles, before.roles)) services.sessions.endAllFor(input.id as UserId);
    return toSummary(db(), mustFind(services, input.id), now);
  },

  'users.resetPassword': async ({ services, session, input, now, db, tx, audit }) => {
    const row = mustFind(services, input.id);
    // The old key is encrypted under a password nobody knows any more: issue a new key pair and
    // certificate, and revoke the old ones: signatures made with them before now stay valid, later ones
    // do not. This is also the only way a disabled account comes back, with a key nobody else ever held.
    const keys = await prepareKeys(
      { login: row.login, displayName: row.display_name, password: input.newPassword },
      officeCa(services, session),
      now,
      services.keyPairs,
      services.costs.keyIterations,
    );
    const hash = await hashPassword(input.newPassword, services.costs.passwordScryptN);
    const isAdmin = userRoles(db(), row.id).includes('admin');
    const wrap = isAdmin ? wrapForUser(officeCa(services, session).privateKeyPem, keys.publicKeyPem) : null;
    tx(() => {
      resetCredentials(db(), row.id, { passwordHash: hash, privateKeyEnc: keys.privateKeyEnc, certPem: keys.certPem }, now);
      recordCertificate(db(), row.id, keys.serialHex, keys.certPem, now.toISOString());
      const revoked = revokeUserCertificates(db(), { userId: row.id, at: now, reason: 'password_reset', by: session.userId, keep: keys.serialHex });
      if (wrap) setCaKeyWrap(db(), row.id, wrap);
      audit('user.reset_password', `user:${row.id}`, {
        login: row.login,
        newCertSerial: keys.serialHex,
        revokedCertSerials: revoked,
        ...(row.disabled ? { reenabled: true } : {}),
      });
    });
    services.sessions.endAllFor(row.id as UserId);
    return toSummary(db(), mustFind(services, row.id), now);
  },
};

export type { UserDto };
