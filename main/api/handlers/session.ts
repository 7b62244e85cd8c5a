import { checkLogin, findUserById, recordLoginOutcome, type LoginOutcome, type Session } from '../../access';
import { decryptPrivateKey, encryptPrivateKey, hashPassword, verifyPassword, type Pem } from '../../crypto';
import { signerFor } from '../signing';
import { AppError } from '../../common';
import { insertSeal, sealContent, unsealedDays, type UserId } from '../../store';
import type { ApiServices, Client } from '../context';
import type { SessionInfo } from '../dto';
import { auditAs, type HandlerTable } from '../handler';
import { sectionsFor } from '../sections';

export function sessionInfo(services: ApiServices, s: Session): SessionInfo {
  const office = services.archive.office();
  return {
    login: s.login,
    displayName: s.displayName,
    roles: s.roles,
    sections: sectionsFor(s.roles),
    mustChangePassword: s.mustChangePassword,
    idleMinutes: office.idleMinutes,
    officeName: office.name,
    unitName: office.unitName,
  };
}

/**
 * Seals every past day whose audit chain head is not yet signed, with the key of whoever logs in
 * first. A day's seal makes a later rewrite of that day's rows detectable even by someone with
 * write access to the database file.
 */
export function sealPastDays(services: ApiServices, s: Session, now: Date): number {
  const db = services.archive.open().db;
  const office = services.archive.office();
  const days = unsealedDays(db, office.timeZone, now);
  const sign = signerFor(services, s);
  for (const d of days) {
    insertSeal(db, { ...d, signerId: s.userId, signature: sign(sealContent(d.day, d.headSeq, d.headHash)), at: now });
  }
  return days.length;
}

/** The in-memory half of a login: a session holding the unlocked keys, bound to the client. Writes nothing. */
export function openSession(services: ApiServices, client: Client, outcome: Extract<LoginOutcome, { ok: true }>): Session {
  const u = outcome.user;
  const session = services.sessions.create({
    userId: u.id as UserId,
    login: u.login,
    displayName: u.display_name,
    roles: outcome.roles,
    privateKeyPem: outcome.privateKeyPem,
    certPem: u.cert_pem,
    caPrivateKeyPem: outcome.caPrivateKeyPem,
    mustChangePassword: u.must_change_password === 1,
  });
  client.sessionId = session.id;
  return session;
}

/** Opens a session for a checked login, binds it to the client, audits it and seals past days. */
export function startSession(services: ApiServices, client: Client, outcome: Extract<LoginOutcome, { ok: true }>, now: Date): SessionInfo {
  const session = openSession(services, client, outcome);
  const db = services.archive.open().db;
  db.transaction(() => {
    recordLoginOutcome(db, outcome, now);
    auditAs(db, session, now, 'session.login', `user:${outcome.user.id}`);
    sealPastDays(services, session, now);
  })();
  return sessionInfo(services, session);
}

export const sessionHandlers: Pick<HandlerTable, 'session.current' | 'session.login' | 'session.logout' | 'session.changePassword'> = {
  'session.current': ({ services, session }) => (session && services.archive.isSetUp() ? sessionInfo(services, session) : null),

  'session.login': async ({ services, client, input, now, tx, db, audit }) => {
    if (!services.archive.isSetUp()) throw new AppError('NOT_SET_UP', '工作站尚未初始化', 'login before setup');
    if (client.sessionId) services.sessions.end(client.sessionId);
    client.sessionId = null;
    const outcome = await checkLogin(db(), input.login, input.password, now);
    if (!outcome.ok) {
      tx(() => {
        recordLoginOutcome(db(), outcome, now);
        audit('session.login_failed', outcome.user ? `user:${outcome.user.id}` : null, {
          login: input.login,
          reason: outcome.reason,
          ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}),
        });
      });
      throw outcome.error;
    }
    return startSession(services, client, outcome, now);
  },

  'session.logout': ({ services, client, session, audit, tx }) => {
    tx(() => audit('session.logout', `user:${session.userId}`));
    services.sessions.end(session.id);
    client.sessionId = null;
    return null;
  },

  'session.changePassword': async ({ session, input, now, db, tx, audit }) => {
    const user = findUserById(db(), session.userId);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    if (!(await verifyPassword(input.oldPassword, user.password_hash))) {
      tx(() => audit('session.password_change_failed', `user:${user.id}`, { reason: 'wrong_old_password' }));
      throw new AppError('AUTH_FAILED', '原密码不正确', 'wrong old password');
    }
    if (input.oldPassword === input.newPassword) throw new AppError('SAME_PASSWORD', '新密码不能与原密码相同');
    // Same key pair, re-encrypted: signatures made before stay valid and attributable.
    const key = decryptPrivateKey(user.private_key_enc as Pem, input.oldPassword);
    const [hash, enc] = [await hashPassword(input.newPassword), encryptPrivateKey(key, input.newPassword)];
    tx(() => {
      db()
        .prepare('UPDATE users SET password_hash = ?, private_key_enc = ?, must_change_password = 0, updated_at = ? WHERE id = ?')
        .run(hash, enc, now.toISOString(), user.id);
      audit('session.password_changed', `user:${user.id}`);
    });
    session.mustChangePassword = false;
    return null;
  },
};

