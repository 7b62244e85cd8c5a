// Child process for tests/unit/backup/restore.test.ts: restores BACKUP into ARCHIVE (nothing set up there) as
// LOGIN and SIGKILLs itself at STEP ('original' | 'staged' | 'audited'), as a power cut or a killed process would.
// Prints NOT_REACHED when the restore finished first.
//
//   node --import tsx tests/support/crash-restore.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN   (password in EVIDENCE_PASSWORD)
import { restoreArchive } from '../../main/api/handlers/backup';
import { crashArgs, crashServices, killAt, runCrashChild } from './crash-child';

runCrashChild(async () => {
  const a = crashArgs('crash-restore.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN');
  const services = crashServices(a.archive, a.at);
  const sourceId = services.sources.addFolder(a.other).id;
  await restoreArchive(services, { id: 'crash', sessionId: null }, { sourceId, login: a.login, password: a.password }, a.at, killAt(a.step));
});
