import type { Db } from '../store';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** Whose password is being guessed: an account, or a login name nobody has (counted so its answers read the same). */
export type Guessed = { userId: number } | { unknownLogin: string };

export type Attempt =
  /** This attempt may check its password; `lockedUntil` is set when it is the one that reaches the limit. */
  | { counted: true; failures: number; lockedUntil: Date | null }
  /** Locked: refused without looking at the password. */
  | { counted: false; lockedUntil: Date };

// A lock-out that has run out starts a fresh count. SQLite evaluates every SET expression on the old
// row, so `locked_until` is decided from the same new count as `failed_logins`.
const NEXT = 'CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END';
const SET = `failed_logins = ${NEXT}, locked_until = CASE WHEN ${NEXT} >= @max THEN @lockEnd ELSE NULL END`;
const OPEN = '(locked_until IS NULL OR locked_until <= @now)';
const RETURNING = 'RETURNING failed_logins AS failures, locked_until AS lockedUntil';

/**
 * Counts an attempt as a failure *before* its password is checked, in one statement, so attempts that
 * arrive together (from any window, the browser host or a CLI run, each its own connection) cannot
 * all read the same count: of any number sent at once, MAX_FAILED_LOGINS get their password checked
 * and the rest are refused unchecked. A right password then clears the count (clearFailures).
 * Timestamps are ISO strings from toISOString, so they compare as text.
 */
export function countAttempt(db: Db, who: Guessed, now: Date): Attempt {
  const params = { max: MAX_FAILED_LOGINS, now: now.toISOString(), lockEnd: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() };
  const counted = (
    'userId' in who
      ? db.prepare(`UPDATE users SET ${SET} WHERE id = @id AND ${OPEN} ${RETURNING}`).get({ ...params, id: who.userId })
      : db
          .prepare(
            `INSERT INTO login_failures (login, failed_logins, locked_until) VALUES (@login, 1, NULL)
             ON CONFLICT (login) DO UPDATE SET ${SET} WHERE ${OPEN} ${RETURNING}`,
          )
          .get({ ...params, login: who.unknownLogin })
  ) as { failures: number; lockedUntil: string | null } | undefined;
  if (counted) return { counted: true, failures: counted.failures, lockedUntil: counted.lockedUntil ? new Date(counted.lockedUntil) : null };
  const locked = (
    'userId' in who
      ? db.prepare('SELECT locked_until AS lockedUntil FROM users WHERE id = ?').get(who.userId)
      : db.prepare('SELECT locked_until AS lockedUntil FROM login_failures WHERE login = ?').get(who.unknownLogin)
  ) as { lockedUntil: string | null } | undefined;
  return { counted: false, lockedUntil: locked?.lockedUntil ? new Date(locked.lockedUntil) : now };
}

/** After a right password: the next wrong one is the first again. */
export function clearFailures(db: Db, userId: number): void {
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(userId);
}
