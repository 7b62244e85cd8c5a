import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLogin, recordLoginOutcome } from '../../main/accounts';
import { createServices, dispatch, type ApiServices, type Client, type HostCapabilities, type MethodName, type MethodOutput } from '../../main/api';
import { openSession } from '../../main/api/handlers/session';
import type { Clock } from '../../main/common';
import type { SecretCosts } from '../../main/crypto';
import { silentLogger } from '../../main/log';
import { archiveHasDatabase } from '../../main/store';
import { templateKeyPairs, testKeyPairs } from './key-pool';
import { sharedFixture } from './shared-fixtures';

export { testKeyPairs };

/** A clock tests can move forward. */
export class TestClock implements Clock {
  constructor(public current = new Date('2026-11-20T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * PBKDF2 iterations for the private keys of test archives: the real count (KEY_PBKDF2_ITERATIONS, 600 000)
 * costs about half a second per key on the build machines, at every user made and every login. Above the
 * 2048 keys had before issue 10, so those are still re-wrapped in tests; the real count has its own tests.
 */
export const TEST_KEY_ITERATIONS = 4096;

/**
 * scrypt N for the password hashes of test archives: the real N (2^15) costs about 150 ms per hash or check on the
 * build machines, at every user made, login, password change and refused guess. The real N has its own tests
 * (passwords, dummy-verify, key-protection).
 */
export const TEST_PASSWORD_SCRYPT_N = 2 ** 10;

/** What test archives are made with, unless a test asks for REAL_SECRET_COSTS. */
export const TEST_COSTS: SecretCosts = { keyIterations: TEST_KEY_ITERATIONS, passwordScryptN: TEST_PASSWORD_SCRYPT_N };

export function tempDir(prefix = 'ew-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface TestApi {
  services: ApiServices;
  clock: TestClock;
  root: string;
  client(id?: string): Client;
  call<M extends MethodName>(client: Client, method: M, input?: unknown): Promise<MethodOutput<M>>;
  raw(client: Client, method: unknown, input?: unknown): ReturnType<typeof dispatch>;
  cleanup(): void;
}

/** A fixture office with its set-up admin, the chief and a township leader logged in. */
export interface OfficeWithLeaders {
  t: TestApi;
  admin: Client;
  chief: Client;
  leader: Client;
}

/**
 * `realKeys`: generate every key pair as the program does, for tests of setup and key handling themselves;
 * `costs`: the tests of key and password protection themselves pass the real ones (REAL_SECRET_COSTS).
 */
export function makeTestApi(opts: { realKeys?: boolean; costs?: SecretCosts } = {}): TestApi {
  const root = tempDir();
  const api = testApiAt(root, { realKeys: opts.realKeys ?? false, costs: opts.costs ?? TEST_COSTS });
  return {
    ...api,
    cleanup() {
      api.cleanup();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The API on an archive root that may already exist (makeTestApi makes a fresh one); cleanup closes it and
 * leaves its files. Without `costs`, the program's own.
 */
export function testApiAt(
  root: string,
  opts: { clock?: TestClock; host?: HostCapabilities; realKeys?: boolean; costs?: SecretCosts } = {},
): TestApi {
  const clock = opts.clock ?? new TestClock();
  const keyPairs = opts.realKeys ? undefined : testKeyPairs();
  const services = createServices({
    archiveRoot: root,
    host: opts.host ?? { kind: 'cli' },
    log: silentLogger,
    clock,
    keyPairs,
    ...(opts.costs ? { costs: opts.costs } : {}),
  });
  return {
    services,
    clock,
    root,
    client: (id = 'c1') => ({ id, sessionId: null }),
    async call(client, method, input = {}) {
      const r = await dispatch(services, client, method, input);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value as never;
    },
    raw: (client, method, input = {}) => dispatch(services, client, method, input),
    cleanup: () => services.archive.close(),
  };
}

export const OFFICE_SETUP = {
  officeName: '某某镇综合行政执法大队',
  unitName: '某某镇综合行政执法大队',
  timeZone: 'Asia/Shanghai',
  admin: { login: 'admin', displayName: '王管理', password: 'admin-pass-1' },
  chief: { login: 'chief', displayName: '李队长', password: 'chief-pass-1' },
};

/**
 * A set-up office with the admin logged in on client 'admin'. Under vitest this is a copy of the run's template
 * office for the test's clock time (made by the first test that asks for that time), with the admin's session opened
 * as setup.initialize leaves it: the template already holds that login's audit entry. Outside vitest, with `fresh`,
 * or once the archive was opened, setup.initialize runs in the test.
 */
export async function setUpOffice(t: TestApi, opts: { fresh?: boolean } = {}): Promise<Client> {
  const admin = t.client('admin');
  const template = opts.fresh || archiveHasDatabase(t.root) ? null : await officeTemplate(t.clock.now());
  if (!template) {
    await t.call(admin, 'setup.initialize', OFFICE_SETUP);
    return admin;
  }
  cpSync(template, t.root, { recursive: true });
  const outcome = await checkLogin(t.services.archive.open().db, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password, t.clock.now(), OFFICE_SETUP.timeZone, {
    costs: t.services.costs,
  });
  if (!outcome.ok) throw outcome.error;
  // checkLogin counts the attempt before it checks; a login clears the count, as the real one does.
  recordLoginOutcome(t.services.archive.open().db, outcome);
  openSession(t.services, admin, outcome);
  return admin;
}

/** The usual start of an API test: a fresh archive (its clock at `at` when given) with the office set up. */
export async function makeOfficeApi(at?: Date): Promise<{ t: TestApi; admin: Client }> {
  const t = makeTestApi();
  if (at) t.clock.current = at;
  return { t, admin: await setUpOffice(t) };
}

/** The run's archive with OFFICE_SETUP done at `at` and closed, or null outside vitest. */
async function officeTemplate(at: Date): Promise<string | null> {
  return sharedFixture(`office-${at.getTime()}`, async (root) => {
    // Keys of their own, which no archive draws for its users.
    const services = createServices({ archiveRoot: root, host: { kind: 'cli' }, log: silentLogger, clock: new TestClock(at), keyPairs: templateKeyPairs(), costs: TEST_COSTS });
    const r = await dispatch(services, { id: 'admin', sessionId: null }, 'setup.initialize', OFFICE_SETUP);
    services.archive.close();
    if (!r.ok) throw new Error(`template setup failed: ${r.error.code} ${r.error.message}`);
  });
}
