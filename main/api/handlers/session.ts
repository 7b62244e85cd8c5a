import {
  attemptError,
  checkLogin,
  clearFailures,
  countAttempt,
  findUserById,
  recordLoginOutcome,
  renewExpiringCertificates,
  requireStrongPassword,
  setPassword,
  type LoginOutcome,
  type Session,
} from '../../accounts';
import { decryptPrivateKey, encryptPrivateKey, hashPassword, verifyPassword, type Pem } from '../../crypto';
import { officeVerifier, signerFor } from '../signing';
import { AppError } from '../../common';
import { type UserId } from '../../store';
import { sealPastDays } from '../../audit';
import type { ApiServices, Client } from '../context';
import type { SessionInfo } from '../dto';
import { type HandlerTable } from '../handler';
import { auditAs } from '../../audit';
import { methodsFor } from '../permissions';
import { sectionsFor } from '../sections';
import { officeCa } from './users';

export function sessionInfo(services: ApiServices, s: Session): SessionInfo {
  const office = services.archive.office();
  return {
    login: s.login,
    displayName: s.displayName,
    roles: s.roles,
    sections: sectionsFor(s.roles),
    methods: methodsFor(s.roles),
    mustChangePassword: s.mustChangePassword,
    idleMinutes: office.idleMinutes,
    officeName: office.name,
    unitName: office.unitName,
    timeZone: office.timeZone,
  };
}

/**
 * Seals every past day whose audit rows are not yet sealed, with the key of whoever logs in first,
 * and writes each seal to `seals/` as well. A seal restored from its file is audited: its row had
 * gone from the database.
 */
export function sealAtLogin(services: ApiServices, s: Session, now: Date): number {
  const store = services.archive.open();
  const made = sealPastDays(
    store.db,
    { seals: store.paths.seals, tmp: store.paths.incoming },
    {
      timeZone: services.archive.office().timeZone,
      now,
      signer: { id: s.userId, login: s.login, sign: signerFor(services, s) },
      verify: officeVerifier(services),
    },
  );
  for (const m of made.filter((x) => x.restored)) auditAs(store.db, s, now, 'audit.seal_restored', `seal:${m.day}`, { day: m.day });
  return made.length;
}

/** At an admin's login (he holds the CA key): certificates near their end are renewed, each audited. */
export function renewAtLogin(services: ApiServices, s: Session, now: Date): void {
  if (!s.caPrivateKeyPem) return;
  const db = services.archive.open().db;
  for (const r of renewExpiringCertificates(db, officeCa(services, s), now)) {
    auditAs(db, s, now, 'user.cert_renewed', `user:${r.userId}`, { login: r.login, oldCertSerial: r.oldSerial, newCertSerial: r.newSerial, notAfter: r.notAfter.toISOString() });
    if (r.userId === s.userId) s.certPem = r.certPem;
  }
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
    const { rewrapped } = recordLoginOutcome(db, outcome);
    auditAs(db, session, now, 'session.login', `user:${outcome.user.id}`);
    if (rewrapped && outcome.rewrap) {
      const { fromIterations, toIterations } = outcome.rewrap;
      auditAs(db, session, now, 'key.rewrapped', `user:${outcome.user.id}`, { fromIterations, toIterations });
    }
    renewAtLogin(services, session, now);
    sealAtLogin(services, session, now);
  })();
  return sessionInfo(services, session);
}

export const sessionHandlers: Pick<HandlerTable, 'session.current' | 'session.login' | 'session.logout' | 'session.changePassword'> = {
  'session.current': ({ services, session }) => (session && services.archive.isSetUp() ? sessionInfo(services, session) : null),

  'session.login': async ({ services, client, input, now, tx, db, audit }) => {
    if (!services.archive.isSetUp()) throw new AppError('NOT_SET_UP', '工作站尚未初始化', 'login before setup');
    if (client.sessionId) services.sessions.end(client.sessionId);
    client.sessionId = null;
    const outcome = await checkLogin(db(), input.login, input.password, now, services.archive.office().timeZone, { costs: services.costs });
    if (!outcome.ok) {
      // The failure is already counted (checkLogin counts before it checks); this records who and why.
      tx(() =>
        audit('session.login_failed', outcome.user ? `user:${outcome.user.id}` : null, {
          login: input.login,
          reason: outcome.reason,
          ...(outcome.failures !== null ? { failures: outcome.failures } : {}),
          ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}),
        }),
      );
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

  // Whoever holds a session may not guess the password behind it: wrong old passwords count toward the
  // same lock-out as logins, and the one that reaches the limit ends the session.
  'session.changePassword': async ({ services, client, session, input, now, db, tx, audit }) => {
    const user = findUserById(db(), session.userId);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    const attempt = countAttempt(db(), { userId: user.id }, now);
    if (!attempt.counted || !(await verifyPassword(input.oldPassword, user.password_hash))) {
      const ended = !attempt.counted || attempt.lockedUntil !== null;
      tx(() =>
        audit('session.password_change_failed', `user:${user.id}`, {
          reason: attempt.counted ? 'wrong_old_password' : 'locked',
          ...(attempt.counted ? { failures: attempt.failures } : {}),
          ...(attempt.lockedUntil ? { lockedUntil: attempt.lockedUntil.toISOString() } : {}),
          ...(ended ? { sessionEnded: true } : {}),
        }),
      );
      if (ended) {
        services.sessions.end(session.id);
        if (client.sessionId === session.id) client.sessionId = null;
      }
      throw attemptError(attempt, services.archive.office().timeZone, 'old_password');
    }
    if (input.oldPassword === input.newPassword) {
      tx(() => clearFailures(db(), user.id));
      throw new AppError('SAME_PASSWORD', '新密码不能与原密码相同');
    }
    // Same key pair, re-encrypted: signatures made before stay valid and attributable.
    requireStrongPassword(input.newPassword);
    const key = decryptPrivateKey(user.private_key_enc as Pem, input.oldPassword);
    const [hash, enc] = await Promise.all([
      hashPassword(input.newPassword, services.costs.passwordScryptN),
      encryptPrivateKey(key, input.newPassword, services.costs.keyIterations),
    ]);
    tx(() => {
      setPassword(db(), user.id, hash, enc, now);
      audit('session.password_changed', `user:${user.id}`);
    });
    session.mustChangePassword = false;
    return null;
  },
};

