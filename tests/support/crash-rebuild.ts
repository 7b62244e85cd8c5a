// Child process for tests/unit/backup/rebuild-crash.test.ts: rebuilds ARCHIVE (nothing set up there) from the files of
// BACKUP with LOGIN as the new admin, and SIGKILLs itself at STEP ('original' | 'staged' | 'registered' | 'signed'),
// as a power cut or a killed process would. Prints NOT_REACHED when the rebuild finished first.
//
//   node --import tsx tests/support/crash-rebuild.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN   (new password in EVIDENCE_PASSWORD)
import { rebuildArchive } from '../../main/api/handlers/backup';
import { crashArgs, crashServices, killAt, runCrashChild } from './crash-child';

runCrashChild(async () => {
  const a = crashArgs('crash-rebuild.ts ARCHIVE BACKUP STEP CLOCK_ISO LOGIN');
  const services = crashServices(a.archive, a.at);
  const sourceId = services.sources.addFolder(a.other).id;
  await rebuildArchive(services, { id: 'crash', sessionId: null }, { sourceId, admin: { login: a.login, displayName: '赵重建', password: a.password } }, a.at, killAt(a.step));
});
