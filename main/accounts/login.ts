import {
  decryptPrivateKey,
  dummyPasswordHash,
  encryptPrivateKey,
  privateKeyIterations,
  REAL_SECRET_COSTS,
  verifyPassword,
  WrongPasswordError,
  type Pem,
  type SecretCosts,
} from '../crypto';
import { AppError, localTime } from '../common';
import type { Db, Role } from '../store';
import { unwrapForUser } from './ca-key';
import { clearFailures, countAttempt, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, type Attempt } from './lockout';
import { findUserByLogin, userRoles, type UserRow } from './users';

/** The private key encrypted again with the current iteration count, to be stored with the login. */
export interface Rewrap {
  privateKeyEnc: Pem;
  /** null: the stored key was not PBKDF2-encrypted (another tool wrote it). */
  fromIterations: number | null;
  toIterations: number;
}

export type LoginOutcome =
  | { ok: true; user: UserRow; roles: Role[]; privateKeyPem: Pem; caPrivateKeyPem: Pem | null; rewrap: Rewrap | null }
  | {
      ok: false;
      user: UserRow | null;
      reason: 'unknown_user' | 'disabled' | 'locked' | 'wrong_password';
      /** Consecutive failures counted so far, this one included; null when refused unchecked (locked). */
      failures: number | null;
      lockedUntil: Date | null;
      error: AppError;
    };

export interface LoginOptions {
  /**
   * Default REAL_SECRET_COSTS. keyIterations: what a private key should have; a weaker one is re-wrapped at
   * this login. passwordScryptN: what the office's password hashes have, so a login nobody has costs the same.
   */
  costs?: SecretCosts;
}

// What a refused attempt is told, at the login screen or when changing one's password (where
// reaching the limit also ends the session).
const WORDING = {
  login: { wrong: '用户名或密码错误', what: '密码', ended: '' },
  old_password: { wrong: '原密码不正确', what: '原密码', ended: '，已退出登录' },
} as const;

/** The answer to a refused attempt: how many are left, or that the account is now locked, or until when. */
export function attemptError(attempt: Attempt, timeZone: string, asked: keyof typeof WORDING = 'login'): AppError {
  const w = WORDING[asked];
  if (!attempt.counted) {
    return new AppError('AUTH_LOCKED', `密码错误次数过多，账户已锁定，请于 ${localTime(attempt.lockedUntil, timeZone)} 后再试${w.ended}`, 'account locked');
  }
  if (attempt.lockedUntil) {
    return new AppError('AUTH_LOCKED', `${w.what}连续错误 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟${w.ended}`, 'account locked after failures');
  }
  return new AppError('AUTH_FAILED', `${w.wrong}（还可尝试 ${MAX_FAILED_LOGINS - attempt.failures} 次）`, 'wrong password');
}

/**
 * Checks a password and unlocks the user's keys. The attempt is counted before the password is
 * checked (countAttempt), so the count and the answer hold however many attempts arrive at once; the
 * caller audits a failure, and on success stores recordLoginOutcome with the login's audit entry in
 * one transaction. The end of a lock-out is told in the office's time zone, whatever the machine's.
 *
 * A login nobody has is counted and checked (against a dummy hash) like an account, and a disabled
 * account's password is checked like an active one's: the answer and the time taken are the same as
 * for a wrong password. Only the right password of a disabled account is told that it is disabled.
 */
export async function checkLogin(db: Db, login: string, password: string, now: Date, timeZone: string, opts: LoginOptions = {}): Promise<LoginOutcome> {
  const user = findUserByLogin(db, login);
  const attempt = countAttempt(db, user ? { userId: user.id } : { unknownLogin: login }, now);
  if (!attempt.counted) {
    return { ok: false, user, reason: 'locked', failures: null, lockedUntil: attempt.lockedUntil, error: attemptError(attempt, timeZone) };
  }
  const costs = opts.costs ?? REAL_SECRET_COSTS;
  const right = await verifyPassword(password, user?.password_hash ?? dummyPasswordHash(costs.passwordScryptN));
  if (!user || !right) {
    const reason = user ? 'wrong_password' : 'unknown_user';
    return { ok: false, user, reason, failures: attempt.failures, lockedUntil: attempt.lockedUntil, error: attemptError(attempt, timeZone) };
  }
  if (user.disabled) {
    const error = new AppError('AUTH_DISABLED', '该账户已停用，请联系管理员', 'account disabled');
    return { ok: false, user, reason: 'disabled', failures: attempt.failures, lockedUntil: attempt.lockedUntil, error };
  }
  const stored = user.private_key_enc as Pem;
  let privateKeyPem: Pem;
  try {
    privateKeyPem = decryptPrivateKey(stored, password);
  } catch (e) {
    if (e instanceof WrongPasswordError) {
      clearFailures(db, user.id); // the password was right; the key is what is wrong
      throw new AppError('KEY_MISMATCH', '账户密钥与密码不一致，请联系管理员重置密码', 'private key does not decrypt with a correct password');
    }
    throw e;
  }
  const roles = userRoles(db, user.id);
  const wrap = db.prepare('SELECT wrapped_key FROM ca_key_wraps WHERE user_id = ?').get(user.id) as { wrapped_key: string } | undefined;
  const caPrivateKeyPem = roles.includes('admin') && wrap ? (unwrapForUser(wrap.wrapped_key, privateKeyPem) as Pem) : null;
  const rewrap = await rewrapIfWeak(stored, privateKeyPem, password, costs.keyIterations);
  return { ok: true, user, roles, privateKeyPem, caPrivateKeyPem, rewrap };
}

/** A key stored with fewer iterations than asked for (or not with PBKDF2) is encrypted again under the same password. */
async function rewrapIfWeak(stored: Pem, privateKeyPem: Pem, password: string, iterations: number): Promise<Rewrap | null> {
  const fromIterations = privateKeyIterations(stored);
  if (fromIterations !== null && fromIterations >= iterations) return null;
  return { privateKeyEnc: await encryptPrivateKey(privateKeyPem, password, iterations), fromIterations, toIterations: iterations };
}

/**
 * Stores a successful login: the failure count cleared, and a re-wrapped key if there is one. The key
 * is replaced only if it is still the one this login decrypted, so a password changed in the meantime
 * keeps its key. Returns whether the key was re-wrapped (the caller audits it). Call in a transaction.
 */
export function recordLoginOutcome(db: Db, outcome: Extract<LoginOutcome, { ok: true }>): { rewrapped: boolean } {
  clearFailures(db, outcome.user.id);
  if (!outcome.rewrap) return { rewrapped: false };
  const r = db
    .prepare('UPDATE users SET private_key_enc = ? WHERE id = ? AND private_key_enc = ?')
    .run(outcome.rewrap.privateKeyEnc, outcome.user.id, outcome.user.private_key_enc);
  return { rewrapped: r.changes === 1 };
}
