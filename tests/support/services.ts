import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLogin } from '../../main/access';
import { createServices, dispatch, type ApiServices, type Client, type MethodName, type MethodOutput } from '../../main/api';
import { openSession } from '../../main/api/handlers/session';
import type { Clock } from '../../main/common';
import { generateKeyPair, type KeyPairSource } from '../../main/crypto';
import { silentLogger } from '../../main/log';
import { archiveHasDatabase } from '../../main/store';
import { pooledKeyPairs, readKeyPool, type KeyPool } from './key-pool';

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

/** What the vitest globalSetup (global-setup.ts) made for this run. */
export interface TestFixtures {
  keyPoolFile: string;
  /** Where the run's template offices are kept (one per setup time, made on first use). */
  scratchDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testFixtures: TestFixtures;
  }
}

/**
 * What the run's globalSetup made; null outside vitest (npm run bench, the Playwright specs, which never load vitest)
 * and outside the office project: there keys are generated and offices set up for real.
 */
async function fixtures(): Promise<TestFixtures | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  return inject('testFixtures') ?? null;
}

let keyPool: KeyPool | null = null;

function runKeyPool(f: TestFixtures): KeyPool {
  keyPool ??= readKeyPool(f.keyPoolFile);
  return keyPool;
}

/** Key pairs for one new archive (pass to createServices as `keyPairs`): from the run's pool where there is one. */
export function testKeyPairs(): KeyPairSource {
  let source: Promise<KeyPairSource> | null = null;
  const pooled = async (): Promise<KeyPairSource> => {
    const f = await fixtures();
    return f ? pooledKeyPairs(runKeyPool(f).archives) : generateKeyPair;
  };
  return async () => (await (source ??= pooled()))();
}

/** `realKeys`: generate every key pair as the program does, for tests of setup and key handling themselves. */
export function makeTestApi(opts: { realKeys?: boolean } = {}): TestApi {
  const root = tempDir();
  const clock = new TestClock();
  const keyPairs = opts.realKeys ? undefined : testKeyPairs();
  const services = createServices({ archiveRoot: root, host: { kind: 'cli' }, log: silentLogger, clock, keyPairs });
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
    cleanup() {
      services.archive.close();
      rmSync(root, { recursive: true, force: true });
    },
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
 * A set-up office with the admin logged in on client 'admin'. In the office tests this is a copy of the run's
 * template office for the test's clock time (made by the first test that asks for that time), with the admin's
 * session opened as setup.initialize leaves it: the template already holds that login's audit entry. Elsewhere,
 * with `fresh`, or once the archive was opened, setup.initialize runs in the test.
 */
export async function setUpOffice(t: TestApi, opts: { fresh?: boolean } = {}): Promise<Client> {
  const admin = t.client('admin');
  const f = await fixtures();
  if (opts.fresh || !f || archiveHasDatabase(t.root)) {
    await t.call(admin, 'setup.initialize', OFFICE_SETUP);
    return admin;
  }
  cpSync(await officeTemplate(f, t.clock.now()), t.root, { recursive: true });
  const outcome = await checkLogin(t.services.archive.open().db, OFFICE_SETUP.admin.login, OFFICE_SETUP.admin.password, t.clock.now());
  if (!outcome.ok) throw outcome.error;
  openSession(t.services, admin, outcome);
  return admin;
}

/** The run's archive with OFFICE_SETUP done at `at` and closed. */
async function officeTemplate(f: TestFixtures, at: Date): Promise<string> {
  return madeOnce(f, `office-${at.getTime()}`, async (root) => {
    // The template's own three keys, which no archive draws for its users.
    const keyPairs = pooledKeyPairs(runKeyPool(f).templates);
    const services = createServices({ archiveRoot: root, host: { kind: 'cli' }, log: silentLogger, clock: new TestClock(at), keyPairs });
    const r = await dispatch(services, { id: 'admin', sessionId: null }, 'setup.initialize', OFFICE_SETUP);
    services.archive.close();
    if (!r.ok) throw new Error(`template setup failed: ${r.error.code} ${r.error.message}`);
  });
}

/**
 * A folder made once per run by the first test that asks for it, and shared by the run's test processes; null
 * outside the office tests. Each builder fills a folder of its own and renames it into place: when two race, the
 * first rename wins and the other's folder is dropped.
 */
export async function sharedFixture(name: string, build: (dir: string) => Promise<void>): Promise<string | null> {
  const f = await fixtures();
  return f ? madeOnce(f, name, build) : null;
}

async function madeOnce(f: TestFixtures, name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(f.scratchDir, name);
  if (existsSync(dir)) return dir;
  const building = mkdtempSync(path.join(f.scratchDir, 'building-'));
  try {
    await build(path.join(building, name));
    renameSync(path.join(building, name), dir);
  } catch (e) {
    if (!existsSync(dir)) throw e;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}
