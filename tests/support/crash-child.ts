// What the crash children (crash-backup.ts, crash-restore.ts, crash-rebuild.ts) and their tests share: the child's
// arguments, its services, the SIGKILL at a named step, and, on the test's side, running a child, reading how it
// ended and looking at what it left.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServices, dispatch, type ApiServices, type Client } from '../../main/api';
import type { Session } from '../../main/accounts';
import { silentLogger } from '../../main/log';
import { testKeyPairs } from './key-pool';
import { TEST_COSTS } from './services';

/** The child's five arguments: ARCHIVE OTHER STEP CLOCK_ISO LOGIN (OTHER: the backup target or the backup). */
export function crashArgs(usage: string): { archive: string; other: string; step: string; at: Date; login: string; password: string } {
  const [archive, other, step, clockIso, login] = process.argv.slice(2);
  if (!archive || !other || !step || !clockIso || !login) throw new Error(`usage: ${usage}`);
  return { archive, other, step, at: new Date(clockIso), login, password: process.env.EVIDENCE_PASSWORD ?? '' };
}

/** The API on `archive` with the clock stopped at `at`. */
export function crashServices(archive: string, at: Date): ApiServices {
  return createServices({ archiveRoot: archive, host: { kind: 'cli' }, log: silentLogger, clock: { now: () => new Date(at) }, keyPairs: testKeyPairs(), costs: TEST_COSTS });
}

/** Logs `login` in and returns his session. */
export async function crashLogin(services: ApiServices, login: string, password: string): Promise<Session> {
  const client: Client = { id: 'crash', sessionId: null };
  const r = await dispatch(services, client, 'session.login', { login, password });
  if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
  const lookup = services.sessions.touch(client.sessionId);
  if (lookup.state !== 'active') throw new Error('no session after login');
  return lookup.session;
}

/** An onStep seam that kills the process, as a power cut would, when it reaches `step`. */
export function killAt(step: string): (s: string) => void {
  return (s) => {
    if (s === step) {
      process.stdout.write(`CRASH at ${s}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  };
}

/** Runs the child's body; prints NOT_REACHED when it finished before its step, exits 2 on an error. */
export function runCrashChild(body: () => Promise<void>): void {
  body().then(
    () => process.stdout.write('NOT_REACHED\n'),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(2);
    },
  );
}

export interface ChildEnd {
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { VITEST: _vitest, ...rest } = env;
  return rest;
}

/** The test's side: runs a crash child to its end (a kill is not an error here) with the password in its environment. */
export async function spawnCrashChild(script: string, args: { archive: string; other: string; step: string; at: Date; login: string; password: string }): Promise<ChildEnd> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', script, args.archive, args.other, args.step, args.at.toISOString(), args.login], {
    // Not a vitest process: it cannot reach the run's shared fixtures (a rebuild makes its keys itself).
    env: { ...withoutVitest(process.env), EVIDENCE_PASSWORD: args.password },
  }).then(
    (x) => ({ signal: null, stdout: x.stdout, stderr: x.stderr }),
    (e: ChildEnd) => ({ signal: e.signal, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** Files in an archive folder beyond the empty layout a first start makes (its database and logs). */
export function archiveFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !/^evidence\.db(-wal|-shm)?$/.test(f) && !f.startsWith(`logs${path.sep}`));
}

/** Every file under `dir` with its SHA-256, sorted by path: to show a folder is as it was. */
export function treeHashes(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${path.relative(dir, f)}`)
    .sort();
}
