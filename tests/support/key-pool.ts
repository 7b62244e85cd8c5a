// RSA-3072 key pairs made once per test run (in the vitest globalSetup) and handed out to the archives
// tests create, instead of generating three or more per archive (~1 s each on the build machines).
import { readFileSync, writeFileSync } from 'node:fs';
import { asPem, generateKeyPair, type KeyPair, type KeyPairSource } from '../../main/crypto';

/** Setup's three: the office CA, the admin and the chief of every template office (archives may share keys). */
const TEMPLATE_KEYS = 3;
/**
 * Drawn by each archive for its users. Each pooled key costs about a second of CPU in every run of the office tests,
 * so the few archives that create more users generate the rest themselves.
 */
const ARCHIVE_KEYS = 5;

export interface KeyPool {
  templates: KeyPair[];
  archives: KeyPair[];
}

export async function writeKeyPool(file: string): Promise<void> {
  const keys = await Promise.all(Array.from({ length: TEMPLATE_KEYS + ARCHIVE_KEYS }, () => generateKeyPair()));
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
}

export function readKeyPool(file: string): KeyPool {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { publicKeyPem: string; privateKeyPem: string }[];
  const keys = raw.map((k) => ({ publicKeyPem: asPem(k.publicKeyPem), privateKeyPem: asPem(k.privateKeyPem) }));
  return { templates: keys.slice(0, TEMPLATE_KEYS), archives: keys.slice(TEMPLATE_KEYS) };
}

/**
 * A key source for one archive: each pooled pair once, in order, then freshly generated ones, so no
 * two keys in one archive are ever the same (archives may share keys with each other).
 */
export function pooledKeyPairs(pool: readonly KeyPair[]): KeyPairSource {
  let next = 0;
  return async () => pool[next++] ?? generateKeyPair();
}
