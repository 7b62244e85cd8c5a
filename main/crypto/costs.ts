import { KEY_PBKDF2_ITERATIONS } from './keys';
import { PASSWORD_SCRYPT_N } from './passwords';

/**
 * The work that protects the secrets made from now on. The program always uses REAL_SECRET_COSTS; tests that
 * make many users and logins pass small ones, and the tests of the costs themselves the real ones. Both are
 * stored with what they protect, so a secret made at one cost is still read at another.
 */
export interface SecretCosts {
  /** PBKDF2 iterations for private keys (new users, password changes, re-wraps at login). */
  keyIterations: number;
  /** scrypt N for password hashes, and for the dummy hash a login nobody has is checked against. */
  passwordScryptN: number;
}

export const REAL_SECRET_COSTS: SecretCosts = { keyIterations: KEY_PBKDF2_ITERATIONS, passwordScryptN: PASSWORD_SCRYPT_N };
