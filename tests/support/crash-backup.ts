// Child process for tests/unit/backup/backup.test.ts: runs a backup of ARCHIVE to TARGET as LOGIN and SIGKILLs
// itself at STEP, as a power cut or a killed process would. Prints NOT_REACHED when the backup finished first.
//
//   node --import tsx tests/support/crash-backup.ts ARCHIVE TARGET STEP CLOCK_ISO LOGIN   (password in EVIDENCE_PASSWORD)
import { createServices, dispatch, type Client } from '../../main/api';
import { signerFor } from '../../main/api/signing';
import { runBackup } from '../../main/backup';
import { silentLogger } from '../../main/log';
import { testKeyPairs } from './key-pool';

async function main(): Promise<void> {
  const [archive, target, step, clockIso, login] = process.argv.slice(2);
  if (!archive || !target || !step || !clockIso || !login) throw new Error('usage: crash-backup.ts ARCHIVE TARGET STEP CLOCK_ISO LOGIN');
  const at = new Date(clockIso);
  const services = createServices({ archiveRoot: archive, host: { kind: 'cli' }, log: silentLogger, clock: { now: () => new Date(at) }, keyPairs: testKeyPairs() });
  const client: Client = { id: 'crash', sessionId: null };
  const r = await dispatch(services, client, 'session.login', { login, password: process.env.EVIDENCE_PASSWORD ?? '' });
  if (!r.ok) throw new Error(`login failed: ${r.error.code}`);
  const lookup = services.sessions.touch(client.sessionId);
  if (lookup.state !== 'active') throw new Error('no session after login');
  const store = services.archive.open();
  const office = services.archive.office();
  await runBackup({
    archiveRoot: store.paths.root,
    db: store.db,
    targetRoot: target,
    now: at,
    timeZone: office.timeZone,
    unitName: office.unitName,
    sign: signerFor(services, lookup.session),
    onStep: (s) => {
      if (s === step) {
        process.stdout.write(`CRASH at ${s}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
    },
  });
  process.stdout.write('NOT_REACHED\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
