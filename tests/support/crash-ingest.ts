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
// It builds the plan and deps like `startIngest` in main/api/handlers/ingest.ts, but calls runIngest itself
// so it can pass the onStep seam, which the API does not expose.
import { createServices, dispatch, type Client } from '../../main/api';
import { auditAs } from '../../main/audit';
import { officeSetting } from '../../main/store';
import { signerFor } from '../../main/api/signing';
import { findOfficerByBadge, findRecorderBySerial, insertOfficer, insertRecorder } from '../../main/devices';
import { kindsByContent, runIngest, scanSource, selectForIngest } from '../../main/ingest';
import { silentLogger } from '../../main/log';
import type { AuditDetails } from '../../main/audit';

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
  const hit = (s: string): void => {
    if (s === step && ++seen === n) {
      process.stdout.write(`CRASH at ${step} #${n}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  };

  const services = createServices({ archiveRoot: archive, host: { kind: 'cli' }, log: silentLogger, clock: { now: () => new Date(at) } });
  const client: Client = { id: 'crash', sessionId: null };
  const r = await dispatch(services, client, 'session.login', { login, password: process.env.EVIDENCE_PASSWORD ?? '' });
  if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
  const lookup = services.sessions.touch(client.sessionId);
  if (lookup.state !== 'active') throw new Error('no session after login');
  const session = lookup.session;

  const store = services.archive.open();
  const db = store.db;
  const office = services.archive.office();
  const now = services.clock.now();
  const audit = (action: string, target: string | null, details: AuditDetails) => auditAs(db, session, now, action, target, details);
  const { recorder, officer } = db.transaction(() => {
    let rec = findRecorderBySerial(db, serial, now);
    if (!rec) {
      rec = insertRecorder(db, { serial }, now);
      audit('recorder.create', `recorder:${rec.id}`, { serial, registeredAtIngest: true });
    }
    let off = findOfficerByBadge(db, badge);
    if (!off) {
      off = insertOfficer(db, { name: `警号${badge}`, badgeNo: badge }, now);
      audit('officer.create', `officer:${off.id}`, { name: off.name, badgeNo: badge, registeredAtIngest: true });
    }
    return { recorder: rec, officer: off };
  })();

  const source = services.sources.addFolder(sourceDir);
  // Every 其他 file is kept, as if the custodian ticked them all (ingest.start's keepOther).
  const found = await kindsByContent(await scanSource(source.path));
  const scan = selectForIngest(found, found.originals.filter((o) => o.kind === 'other').map((o) => o.relPath));
  const sign = signerFor(services, session);
  const result = await runIngest(
    {
      sourceLabel: source.label,
      scan,
      recorder: { id: recorder.id, serial: recorder.serial },
      officer,
      receivedBy: session.userId,
      timeZone: office.timeZone,
      retentionMonths: Number(officeSetting(db, 'retention_months')),
      clearSource: false,
    },
    {
      store,
      sign: (content) => {
        hit('manifest');
        return sign(content);
      },
      audit: (d, action, target, details) => auditAs(d, session, services.clock.now(), action, target, details),
      now: () => services.clock.now(),
      log: silentLogger,
      onStep: (s) => hit(s),
    },
  );
  process.stdout.write(`NOT_REACHED ${result.status}\n`);
  services.archive.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 3;
});
