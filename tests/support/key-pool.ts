// RSA-3072 key pairs made once per test run (in the vitest globalSetup) and handed out to the archives
// tests create, instead of generating three or more per archive (~1 s each on the build machines).
import { readFileSync, writeFileSync } from 'node:fs';
import { asPem, generateKeyPair, type KeyPair, type KeyPairSource } from '../../main/crypto';

/**
 * Setup's three keys plus five users, or eight users in a copied template office: what nearly every archive in the
 * suite needs. The few that need more generate the rest, which costs less than making every run generate them.
 */
export const KEY_POOL_SIZE = 8;

export async function writeKeyPool(file: string, count = KEY_POOL_SIZE): Promise<void> {
  const keys = await Promise.all(Array.from({ length: count }, () => generateKeyPair()));
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
}

export function readKeyPool(file: string): KeyPair[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { publicKeyPem: string; privateKeyPem: string }[];
  return raw.map((k) => ({ publicKeyPem: asPem(k.publicKeyPem), privateKeyPem: asPem(k.privateKeyPem) }));
}

/**
 * A key source for one archive: each pooled pair once, in order, then freshly generated ones, so no
 * two keys in one archive are ever the same (archives may share keys with each other).
 */
export function pooledKeyPairs(pool: readonly KeyPair[]): KeyPairSource {
  let next = 0;
  return async () => pool[next++] ?? generateKeyPair();
}
