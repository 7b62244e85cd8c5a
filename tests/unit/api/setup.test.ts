import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createPublicKey, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { templateKeyPairs } from '../../support/key-pool';
import { OFFICE_SETUP, makeTestApi, setUpOffice, tempDir, type TestApi } from '../../support/services';

/**
 * Columns that hold keys, certificates, salts or hashes (random per setup), and the migrations' applied_at (the
 * machine's time when the database was made, not the office clock's): only their presence is compared.
 */
const RANDOM = new Set(['ca_cert_pem', 'password_hash', 'private_key_enc', 'cert_pem', 'serial_hex', 'wrapped_key', 'prev_hash', 'hash', 'applied_at']);

/** Every row of every table, random columns blanked, plus the files of the archive. */
function archiveContents(t: TestApi): { tables: Record<string, unknown[]>; files: string[] } {
  const db = t.services.archive.open().db;
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const tables: Record<string, unknown[]> = {};
  for (const name of names) {
    tables[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, RANDOM.has(k) && typeof v === 'string' && v.length > 0 ? '<random>' : v])))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      const rel = `${path.relative(t.root, p)} ${(statSync(p).mode & 0o777).toString(8)}`;
      return e.isDirectory() ? [`${rel}/`, ...walk(p)] : [rel];
    });
  return { tables, files: walk(t.root).filter((f) => !/^evidence\.db-(wal|shm) /.test(f)).sort() };
}

/** What a set-up office must offer, whichever way it was made. */
async function checkOffice(t: TestApi, admin: Client): Promise<void> {
  expect(await t.call(admin, 'session.current')).toMatchObject({ login: 'admin', roles: ['admin', 'custodian'], officeName: OFFICE_SETUP.officeName });
  const chief = t.client('chief-check');
  expect(await t.call(chief, 'session.login', { login: 'chief', password: OFFICE_SETUP.chief.password })).toMatchObject({ roles: ['chief'] });
  expect(await t.call(chief, 'audit.verify')).toMatchObject({ ok: true, problems: [] });

  const caFile = path.join(t.root, 'certs', 'office-ca.pem');
  const db = t.services.archive.open().db;
  expect(readFileSync(caFile, 'utf8')).toBe((db.prepare('SELECT ca_cert_pem FROM office').get() as { ca_cert_pem: string }).ca_cert_pem);
  const work = tempDir('ew-setup-');
  for (const { login, cert_pem } of db.prepare('SELECT login, cert_pem FROM users').all() as { login: string; cert_pem: string }[]) {
    const certFile = path.join(work, `${login}.pem`);
    writeFileSync(certFile, cert_pem);
    expect(execFileSync('openssl', ['verify', '-attime', String(t.clock.now().getTime() / 1000), '-CAfile', caFile, certFile], { encoding: 'utf8' })).toContain('OK');
    expect(new X509Certificate(cert_pem).publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  }
  rmSync(work, { recursive: true, force: true });
}

describe('first-run setup', () => {
  let real: TestApi;
  let copied: TestApi;
  let realAdmin: Client;
  let copiedAdmin: Client;
  let realContents: ReturnType<typeof archiveContents>;
  let copiedContents: ReturnType<typeof archiveContents>;

  beforeAll(async () => {
    // The real thing, keys and all, as the program runs it.
    real = makeTestApi({ realKeys: true });
    realAdmin = await setUpOffice(real, { fresh: true });
    realContents = archiveContents(real);
    // What the other tests get: the run's template office, copied.
    copied = makeTestApi();
    copiedAdmin = await setUpOffice(copied);
    copiedContents = archiveContents(copied);
  }, 120_000);
  afterAll(() => {
    real?.cleanup();
    copied?.cleanup();
  });

  it('sets up an office whose accounts log in, whose audit chain verifies and whose CA signed every certificate', async () => {
    expect(realContents.tables.audit_log).toMatchObject([{ action: 'office.setup' }, { action: 'session.login', actor_login: 'admin' }]);
    await checkOffice(real, realAdmin);
  });

  it('gives tests a copy of the run\'s template with the same rows and files as a setup run in the test', async () => {
    // Made with the run's template keys, so it did come from a template and not from a setup run here.
    const caKey = new X509Certificate(readFileSync(path.join(copied.root, 'certs', 'office-ca.pem'), 'utf8')).publicKey;
    expect(caKey.equals(createPublicKey((await templateKeyPairs()()).publicKeyPem))).toBe(true);
    expect(copiedContents).toEqual(realContents);
    await checkOffice(copied, copiedAdmin);
  });
});
