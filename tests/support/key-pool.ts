// RSA-3072 key pairs made once per test run and handed out to the archives and certificates tests create, instead of
// generating them each time (about a second of CPU each on the build machines).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asPem, generateKeyPair, type KeyPair, type KeyPairSource } from '../../main/crypto';
import { sharedFixture } from './shared-fixtures';

/** Setup's three: the office CA, the admin and the chief of every template office (see services.ts). */
const TEMPLATE_KEYS = 3;
/**
 * Drawn by each archive or test file for its own keys. Each costs a second of CPU once per run; the few tests that
 * need more generate the rest themselves.
 */
const DRAWN_KEYS = 5;

export interface KeyPool {
  templates: KeyPair[];
  drawn: KeyPair[];
}

let pool: Promise<KeyPool | null> | null = null;

/** The run's pool, made by the first test that needs a key; null outside vitest. */
export function runKeyPool(): Promise<KeyPool | null> {
  pool ??= (async () => {
    const dir = await sharedFixture('key-pool', async (d) => {
      const keys = await Promise.all(Array.from({ length: TEMPLATE_KEYS + DRAWN_KEYS }, () => generateKeyPair()));
      mkdirSync(d);
      writeFileSync(path.join(d, 'keys.json'), JSON.stringify(keys), { mode: 0o600 });
    });
    if (!dir) return null;
    const raw = JSON.parse(readFileSync(path.join(dir, 'keys.json'), 'utf8')) as { publicKeyPem: string; privateKeyPem: string }[];
    const keys = raw.map((k) => ({ publicKeyPem: asPem(k.publicKeyPem), privateKeyPem: asPem(k.privateKeyPem) }));
    return { templates: keys.slice(0, TEMPLATE_KEYS), drawn: keys.slice(TEMPLATE_KEYS) };
  })();
  return pool;
}

/**
 * A key source handing out each of `keys` once, in order, then freshly generated ones, so no two keys it gives are
 * ever the same (different sources may give the same keys).
 */
export function pooledKeyPairs(keys: readonly KeyPair[]): KeyPairSource {
  let next = 0;
  return async () => keys[next++] ?? generateKeyPair();
}

/**
 * Key pairs for one archive or one test file's certificates (pass to createServices as `keyPairs`): the run's pool
 * where there is one, else freshly generated.
 */
export function testKeyPairs(): KeyPairSource {
  let source: Promise<KeyPairSource> | null = null;
  const make = async (): Promise<KeyPairSource> => {
    const p = await runKeyPool();
    return p ? pooledKeyPairs(p.drawn) : generateKeyPair;
  };
  return async () => (await (source ??= make()))();
}
