import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost: N=2^15, r=8, p=1 (32 MiB, ~50–150 ms on an office PC); stored with each hash so it can be raised later.
 * The program always hashes with this N; tests that make many users and logins pass a small one (ApiServices.costs).
 */
export const PASSWORD_SCRYPT_N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from storage, so a tampered row cannot demand gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keyLength: number, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC so the same characters typed through different input methods give the same hash.
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$saltB64$hashB64`, with a fresh random salt. */
export async function hashPassword(password: string, n: number = PASSWORD_SCRYPT_N): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, n, R, P);
  return ['scrypt', n, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * Checked instead when a login names nobody, so that answer costs the same scrypt work as a wrong password.
 * Same parameters as hashPassword with the same N; the hash is random bytes, the hash of no password anyone knows.
 */
export function dummyPasswordHash(n: number = PASSWORD_SCRYPT_N): string {
  return ['scrypt', n, R, P, 'QLgDsWZ19JZgI5Oqx8zkbQ==', 'SoSowDjim2ko/3gc7+VJX7SYnnzJzIa2iqlCqx6j2Cc='].join('$');
}

/** Constant-time check of `password` against a hashPassword string. A malformed string gives false. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map((x) => (/^[0-9]{1,8}$/.test(x ?? '') ? Number(x) : NaN));
  if (n === undefined || r === undefined || p === undefined) return false;
  const powerOfTwo = Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
  if (!powerOfTwo || n > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || expected.length < 16 || expected.length > 64) return false;
  const actual = await derive(password, salt, expected.length, n, r, p);
  return timingSafeEqual(actual, expected);
}
