// Child process for tests/unit/ingest/crash.test.ts: ingests a source folder into an archive the test
// set up, and SIGKILLs itself at the N-th occurrence of one step, as a power cut or a killed process would.
//
//   tsx tests/support/crash-ingest.ts ARCHIVE SOURCE STEP N CLOCK_ISO LOGIN RECORDER_SERIAL OFFICER_BADGE
//   (password in EVIDENCE_PASSWORD)
//
// STEP is a commit step ('copied' | 'verified' | 'synced' | 'placed'), 'registered' (the media row and its
// audit entry are committed), or 'manifest' (inside the day manifest write: the new manifest-sha256.txt is
// in place, its signature is being made and not yet written; the seam is the `sign` dependency).
// Exits 0 and prints NOT_REACHED when the ingest finished without meeting the N-th STEP.
//
// It builds the plan and deps like `startIngest` in main/api/handlers/ingest.ts (tests/support/ingest-run.ts), but
// calls runIngest itself so it can pass the onStep seam, which the API does not expose.
import { createServices } from '../../main/api';
import { runIngest } from '../../main/ingest';
import { silentLogger } from '../../main/log';
import { crashLogin } from './crash-child';
import { ingestRunFor } from './ingest-run';

export const CRASH_STEPS = ['copied', 'verified', 'synced', 'placed', 'registered', 'manifest'] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

async function main(): Promise<void> {
  const [archive, sourceDir, step, nText, clockIso, login, serial, badge] = process.argv.slice(2);
  if (!archive || !sourceDir || !step || !nText || !clockIso || !login || !serial || !badge || !(CRASH_STEPS as readonly string[]).includes(step)) {
    throw new Error('usage: crash-ingest.ts ARCHIVE SOURCE STEP N CLOCK_ISO LOGIN RECORDER_SERIAL OFFICER_BADGE');
  }
  const n = Number(nText);
  const at = new Date(clockIso);
  let seen = 0;
  let registered = 0;
  let due = false;
  const crash = (): void => {
    process.stdout.write(`CRASH at ${step} #${n}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  // runIngest copies a file while the one before it finishes. So that each case crashes in one known state, the
  // N-th file's step waits for every file before it to be registered (only 'copied' can come first), and the file
  // after it is not started (beforeFile below): the crash leaves the N-th file's window and nothing else open.
  const hit = (s: string): void => {
    if (s === 'registered') registered++;
    if (s === step && ++seen === n) due = true;
    if (due && (step === 'manifest' || registered >= n - 1)) crash();
  };
  let started = 0;
  const perFile = step !== 'manifest';
  const holdAfterNth = (): Promise<void> => (perFile && ++started > n ? new Promise<void>(() => undefined) : Promise.resolve());

  const services = createServices({ archiveRoot: archive, host: { kind: 'cli' }, log: silentLogger, clock: { now: () => new Date(at) } });
  const session = await crashLogin(services, login, process.env.EVIDENCE_PASSWORD ?? '');
  const { plan, deps } = await ingestRunFor(services, session, sourceDir, serial, badge);
  const result = await runIngest(plan, {
    ...deps,
    sign: (content) => {
      hit('manifest');
      return deps.sign(content);
    },
    onStep: (s) => hit(s),
    beforeFile: holdAfterNth,
  });
  process.stdout.write(`NOT_REACHED ${result.status}\n`);
  services.archive.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 3;
});
