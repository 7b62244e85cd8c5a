import {
  countActiveAdmins,
  findUserById,
  insertUser,
  listUsers,
  prepareKeys,
  prepareUser,
  publicKeyOfCert,
  recordCertificate,
  setRoles,
  toSummary,
  userRoles,
  wrapForUser,
  type OfficeCa,
  type Session,
} from '../../access';
import { hashPassword, type Pem } from '../../crypto';
import { AppError } from '../../common';
import type { UserId } from '../../store';
import type { ApiServices } from '../context';
import type { UserDto } from '../dto';
import type { HandlerTable } from '../handler';

/** The CA key is only in memory for admins who logged in with a key wrap (all admins do). */
function officeCa(services: ApiServices, s: Session): OfficeCa {
  if (!s.caPrivateKeyPem) throw new AppError('NO_CA_KEY', '当前账户无法签发证书，请使用管理员账户重新登录', 'session has no CA key');
  const office = services.archive.office();
  return { certPem: office.caCertPem as Pem, privateKeyPem: s.caPrivateKeyPem as Pem, unitName: office.unitName };
}

function mustFind(services: ApiServices, id: number) {
  const u = findUserById(services.archive.open().db, id);
  if (!u) throw new AppError('NOT_FOUND', '用户不存在', `user ${id} not found`);
  return u;
}

export const userHandlers: Pick<HandlerTable, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  'users.list': ({ db, now }) => listUsers(db(), now),

  'users.create': async ({ services, session, input, now, db, tx, audit }) => {
    const prepared = await prepareUser({ ...input, mustChangePassword: true }, officeCa(services, session), now, services.keyPairs);
    const id = tx(() => {
      const newId = insertUser(db(), prepared, now);
      audit('user.create', `user:${newId}`, {
        login: input.login,
        displayName: input.displayName,
        badgeNo: input.badgeNo,
        roles: input.roles,
        certSerial: prepared.serialHex,
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
    const gainsAdmin = roles.includes('admin') && !before.roles.includes('admin');
    const row = mustFind(services, input.id);
    const wrap = gainsAdmin ? wrapForUser(officeCa(services, session).privateKeyPem, publicKeyOfCert(row.cert_pem)) : null;
    tx(() => {
      db()
        .prepare('UPDATE users SET display_name = ?, badge_no = ?, disabled = ?, updated_at = ? WHERE id = ?')
        .run(input.displayName ?? before.displayName, input.badgeNo !== undefined ? input.badgeNo : before.badgeNo, disabled ? 1 : 0, now.toISOString(), input.id);
      setRoles(db(), input.id, roles);
      if (wrap) db().prepare('INSERT OR REPLACE INTO ca_key_wraps (user_id, wrapped_key) VALUES (?, ?)').run(input.id, wrap);
      if (!roles.includes('admin')) db().prepare('DELETE FROM ca_key_wraps WHERE user_id = ?').run(input.id);
      const after = toSummary(db(), mustFind(services, input.id), now);
      audit('user.update', `user:${input.id}`, {
        before: { displayName: before.displayName, badgeNo: before.badgeNo, roles: before.roles, disabled: before.disabled },
        after: { displayName: after.displayName, badgeNo: after.badgeNo, roles: after.roles, disabled: after.disabled },
      });
    });
    // A disabled or re-roled user must log in again to get the new rights (or none).
    if (disabled !== before.disabled || input.roles) services.sessions.endAllFor(input.id as UserId);
    return toSummary(db(), mustFind(services, input.id), now);
  },

  'users.resetPassword': async ({ services, session, input, now, db, tx, audit }) => {
    const row = mustFind(services, input.id);
    // The old key is encrypted under a password nobody knows any more: issue a new key pair and
    // certificate. Old signatures still verify through the certificate they carry.
    const keys = await prepareKeys({ login: row.login, displayName: row.display_name, password: input.newPassword }, officeCa(services, session), now, services.keyPairs);
    const hash = await hashPassword(input.newPassword);
    const isAdmin = userRoles(db(), row.id).includes('admin');
    const wrap = isAdmin ? wrapForUser(officeCa(services, session).privateKeyPem, keys.publicKeyPem) : null;
    tx(() => {
      db()
        .prepare(
          'UPDATE users SET password_hash = ?, private_key_enc = ?, cert_pem = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
        )
        .run(hash, keys.privateKeyEnc, keys.certPem, now.toISOString(), row.id);
      recordCertificate(db(), row.id, keys.serialHex, keys.certPem, now.toISOString());
      if (wrap) db().prepare('INSERT OR REPLACE INTO ca_key_wraps (user_id, wrapped_key) VALUES (?, ?)').run(row.id, wrap);
      audit('user.reset_password', `user:${row.id}`, { login: row.login, newCertSerial: keys.serialHex });
    });
    services.sessions.endAllFor(row.id as UserId);
    return toSummary(db(), mustFind(services, row.id), now);
  },
};

export type { UserDto };
