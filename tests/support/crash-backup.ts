// Child process for tests/unit/backup/backup.test.ts: runs a backup of ARCHIVE to TARGET as LOGIN and SIGKILLs
// itself at STEP, as a power cut or a killed process would. Prints NOT_REACHED when the backup finished first.
//
//   node --import tsx tests/support/crash-backup.ts ARCHIVE TARGET STEP CLOCK_ISO LOGIN   (password in EVIDENCE_PASSWORD)
import { signerFor } from '../../main/api/signing';
import { runBackup } from '../../main/backup';
import { crashArgs, crashLogin, crashServices, killAt, runCrashChild } from './crash-child';

runCrashChild(async () => {
  const a = crashArgs('crash-backup.ts ARCHIVE TARGET STEP CLOCK_ISO LOGIN');
  const services = crashServices(a.archive, a.at);
  const session = await crashLogin(services, a.login, a.password);
  const store = services.archive.open();
  const office = services.archive.office();
  await runBackup({
    archiveRoot: store.paths.root,
    db: store.db,
    targetRoot: a.other,
    now: a.at,
    timeZone: office.timeZone,
    unitName: office.unitName,
    sign: signerFor(services, session),
    onStep: killAt(a.step),
  });
});
