import { decryptPrivateKey, verifyPassword, WrongPasswordError, type Pem } from '../crypto';
import { AppError, localTime } from '../common';
import type { Db, Role } from '../store';
import { unwrapForUser } from './ca-key';
import { findUserByLogin, userRoles, type UserRow } from './users';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginOutcome =
  | { ok: true; user: UserRow; roles: Role[]; privateKeyPem: Pem; caPrivateKeyPem: Pem | null }
  | { ok: false; user: UserRow | null; reason: 'unknown_user' | 'disabled' | 'locked' | 'wrong_password'; lockedUntil: Date | null; error: AppError };

const WRONG = () => new AppError('AUTH_FAILED', '用户名或密码错误', 'wrong login or password');

/**
 * Checks a password and unlocks the user's keys. Counts failures and locks the account after
 * MAX_FAILED_LOGINS; the caller persists the outcome and audits it in one transaction. The end of a
 * lock-out is told in the office's time zone (`timeZone`), whatever zone the machine is set to.
 */
export async function checkLogin(db: Db, login: string, password: string, now: Date, timeZone: string): Promise<LoginOutcome> {
  const user = findUserByLogin(db, login);
  if (!user) return { ok: false, user: null, reason: 'unknown_user', lockedUntil: null, error: WRONG() };
  if (user.disabled) {
    return { ok: false, user, reason: 'disabled', lockedUntil: null, error: new AppError('AUTH_DISABLED', '该账户已停用，请联系管理员', 'account disabled') };
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    const until = new Date(user.locked_until);
    return {
      ok: false,
      user,
      reason: 'locked',
      lockedUntil: until,
      error: new AppError('AUTH_LOCKED', `密码错误次数过多，账户已锁定，请于 ${localTime(until, timeZone)} 后再试`, 'account locked'),
    };
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    const left = MAX_FAILED_LOGINS - failures;
    const error = lockedUntil
      ? new AppError('AUTH_LOCKED', `密码连续错误 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟`, 'account locked after failures')
      : new AppError('AUTH_FAILED', `用户名或密码错误（还可尝试 ${left} 次）`, 'wrong password');
    return { ok: false, user, reason: 'wrong_password', lockedUntil, error };
  }
  let privateKeyPem: Pem;
  try {
    privateKeyPem = decryptPrivateKey(user.private_key_enc as Pem, password);
  } catch (e) {
    if (e instanceof WrongPasswordError) {
      throw new AppError('KEY_MISMATCH', '账户密钥与密码不一致，请联系管理员重置密码', 'private key does not decrypt with a correct password');
    }
    throw e;
  }
  const roles = userRoles(db, user.id);
  const wrap = db.prepare('SELECT wrapped_key FROM ca_key_wraps WHERE user_id = ?').get(user.id) as { wrapped_key: string } | undefined;
  const caPrivateKeyPem = roles.includes('admin') && wrap ? (unwrapForUser(wrap.wrapped_key, privateKeyPem) as Pem) : null;
  return { ok: true, user, roles, privateKeyPem, caPrivateKeyPem };
}

/** Persists the failure counter / lock-out, or clears them after a success. */
export function recordLoginOutcome(db: Db, outcome: LoginOutcome, now: Date): void {
  if (!outcome.user) return;
  if (outcome.ok) {
    db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(outcome.user.id);
  } else if (outcome.reason === 'wrong_password') {
    if (outcome.lockedUntil) {
      db.prepare('UPDATE users SET failed_logins = 0, locked_until = ?, updated_at = ? WHERE id = ?').run(
        outcome.lockedUntil.toISOString(),
        now.toISOString(),
        outcome.user.id,
      );
    } else {
      db.prepare('UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?').run(outcome.user.id);
    }
  }
}
