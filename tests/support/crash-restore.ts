// Child process for tests/unit/backup/restore.test.ts: restores BACKUP into ARCHIVE (nothing set up there) as
// LOGIN and SIGKILLs itself at STEP ('original' | 'staged' | 'audited'), as a power cut or a killed process would.
// Prints NOT_REACHED when the restore finished first.
//
//   node --import tsx tests/support/crash-restore.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN   (password in EVIDENCE_PASSWORD)
import { createServices, type Client } from '../../main/api';
import { restoreArchive } from '../../main/api/handlers/backup';
import { silentLogger } from '../../main/log';
import { TEST_COSTS } from './services';
import { testKeyPairs } from './key-pool';

async function main(): Promise<void> {
  const [archive, backup, step, clockIso, login] = process.argv.slice(2);
  if (!archive || !backup || !step || !clockIso || !login) throw new Error('usage: crash-restore.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN');
  const at = new Date(clockIso);
  const services = createServices({ archiveRoot: archive, host: { kind: 'cli' }, log: silentLogger, clock: { now: () => new Date(at) }, keyPairs: testKeyPairs(), costs: TEST_COSTS });
  const client: Client = { id: 'crash', sessionId: null };
  const sourceId = services.sources.addFolder(backup).id;
  await restoreArchive(services, client, { sourceId, login, password: process.env.EVIDENCE_PASSWORD ?? '' }, at, (s) => {
    if (s === step) {
      process.stdout.write(`CRASH at ${s}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  });
  process.stdout.write('NOT_REACHED\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
