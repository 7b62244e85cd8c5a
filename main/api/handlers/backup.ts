import { checkLogin, type Session } from '../../accounts';
import { auditAs, queryAudit, type AuditDetails, type AuditEntry } from '../../audit';
import { backupAlerts, BackupAlarm, databaseBytes, discardRestore, freeBytes, neededBytes, placeRestore, runBackup, runDrill, stageRestore, type RestoreStep } from '../../backup';
import { AppError, CUSTODY_KEEPERS } from '../../common';
import { openStore, readOffice, type Db } from '../../store';
import type { ApiServices, Client } from '../context';
import type { MethodParsedInput } from '../contract';
import type { BackupRunDto, BackupStatusDto, RestoreDto } from '../dto';
import type { HandlerTable } from '../handler';
import { signerFor } from '../signing';
import { startSession } from './session';
import { looksLikeRecorder } from '../../devices';
import { refuseArchive } from '../../ingest';

type Audit = (action: string, target: string | null, details?: AuditDetails) => void;

/**
 * A complete backup generation to the source `targetSourceId`, signed as the custodian. A failed database check
 * is audited as an alarm (its own transaction: the backup stops) and refused.
 */
export async function backupTo(
  services: ApiServices,
  session: Session,
  targetSourceId: string,
  now: Date,
  audit: Audit,
  tx: <T>(fn: () => T) => T,
  onFile?: (done: number, total: number) => void,
): Promise<BackupRunDto> {
  const target = services.sources.get(targetSourceId);
  if (!target) throw new AppError('SOURCE_NOT_FOUND', '未找到备份位置：移动硬盘可能已拔出');
  refuseArchive(target.path, services.archive.open().paths.root, '备份位置');
  if (looksLikeRecorder(target.path)) {
    throw new AppError('BACKUP_ON_SOURCE', '所选备份位置是执法记录仪（导入来源），不能把备份写到记录仪上。请选择专用的备份移动硬盘。', `backup target looks like a recorder: ${target.path}`);
  }
  const store = services.archive.open();
  const office = services.archive.office();
  try {
    const r = await runBackup({
      archiveRoot: store.paths.root,
      db: store.db,
      targetRoot: target.path,
      now,
      timeZone: office.timeZone,
      unitName: office.unitName,
      sign: signerFor(services, session),
      ...(onFile ? { onFile } : {}),
    });
    return { target: `${target.label}（${target.path}）`, ...r };
  } catch (e) {
    if (e instanceof BackupAlarm) {
      services.log.error('database check failed, backup stopped', { findings: e.findings });
      tx(() => audit('backup.alarm', 'database', { findings: e.findings.slice(0, 20) }));
    }
    throw e;
  }
}

/** The newest audit entry of `action` whose details pass `where`, among the last 200 of it. */
function lastEntry(db: Db, action: string, where: (e: AuditEntry) => boolean = () => true): AuditEntry | null {
  return queryAudit(db, { action, limit: 200, offset: 0 }).entries.find((e) => e.action === action && where(e)) ?? null;
}

export const backupHandlers: Pick<HandlerTable, 'backup.run' | 'backup.restore' | 'backup.drill' | 'backup.status'> = {
  /** Restores the newest generation into a scratch folder, checks it end to end, deletes it; audited either way. */
  'backup.drill': async ({ services, input, now, tx, audit }) => {
    const target = services.sources.get(input.targetSourceId);
    if (!target) throw new AppError('SOURCE_NOT_FOUND', '未找到备份位置：移动硬盘可能已拔出');
    const r = await runDrill({ backupDir: target.path, at: now });
    if (!r.ok) services.log.error('backup drill failed', { generation: r.generation, problems: r.problems.slice(0, 20) });
    tx(() => audit('backup.drill', r.generation ? `backup:${r.generation}` : 'backup', { ok: r.ok, generation: r.generation, manifestSha256: r.manifestSha256, filesChecked: r.filesChecked, problems: r.problems.slice(0, 50) }));
    return r;
  },

  'backup.status': async ({ services, input, db, now }) => {
    const office = services.archive.office();
    const drill = lastEntry(db(), 'backup.drill');
    const goodDrill = lastEntry(db(), 'backup.drill', (e) => e.details.ok === true);
    const seen = [
      lastEntry(db(), 'backup.run'),
      lastEntry(db(), 'weekly.consolidate', (e) => typeof e.details.backupGeneration === 'string'),
      lastEntry(db(), 'backup.drill', (e) => e.details.generation !== null),
    ]
      .filter((e): e is AuditEntry => e !== null)
      .sort((a, b) => b.seq - a.seq)[0];
    const target = input.targetSourceId ? services.sources.get(input.targetSourceId) : undefined;
    const free = target ? await freeBytes(target.path) : null;
    const needed = neededBytes(await databaseBytes(services.archive.root));
    const facts = {
      lastGoodDrillAt: goodDrill ? new Date(goodDrill.at) : null,
      targetLastSeenAt: seen ? new Date(seen.at) : null,
      freeBytes: free,
      neededBytes: needed,
    };
    return {
      lastGoodDrillAt: goodDrill?.at ?? null,
      lastDrill: drill ? { at: drill.at, ok: drill.details.ok === true, generation: typeof drill.details.generation === 'string' ? drill.details.generation : null } : null,
      targetLastSeenAt: seen?.at ?? null,
      lastGeneration: seen ? String(seen.details.generation ?? seen.details.backupGeneration ?? '') || null : null,
      freeBytes: free,
      neededBytes: needed,
      alerts: backupAlerts(facts, now, office.timeZone),
    } satisfies BackupStatusDto;
  },

  'backup.run': async ({ services, session, input, now, tx, audit }) => {
    const r = await backupTo(services, session, input.targetSourceId, now, audit, tx);
    tx(() =>
      audit('backup.run', `backup:${r.generation}`, {
        generation: r.generation,
        manifestSha256: r.manifestSha256,
        verified: r.verified,
        filesCopied: r.filesCopied,
        filesAlreadyThere: r.filesAlreadyThere,
        problems: r.problems.slice(0, 20),
        removed: r.removed,
      }),
    );
    return r;
  },

  /**
   * Onto a new machine (nothing set up yet): check the generation, build the archive beside its place, let a
   * custodian or admin of the backed-up office log in there with his own password, append the restore entry to the
   * chain, and only then move the archive into place and open his session.
   */
  'backup.restore': async ({ services, client, input, now }) => restoreArchive(services, client, input, now),
};

/** `backup.restore`; `onStep` is the crash test's seam (a SIGKILL at each step leaves no half archive). */
export async function restoreArchive(
  services: ApiServices,
  client: Client,
  input: MethodParsedInput<'backup.restore'>,
  now: Date,
  onStep?: (step: RestoreStep) => void,
): Promise<RestoreDto> {
  if (services.archive.isSetUp()) throw new AppError('ALREADY_SET_UP', '本工作站已有档案库，不能再从备份恢复');
  const source = services.sources.get(input.sourceId);
  if (!source) throw new AppError('SOURCE_NOT_FOUND', '未找到备份所在位置：移动硬盘可能已拔出');
  services.archive.close();
  const root = services.archive.root;
  const { staging, report } = await stageRestore({
    backupDir: source.path,
    ...(input.generation ? { generation: input.generation } : {}),
    archiveRoot: root,
    at: now,
    ...(onStep ? { onStep } : {}),
    onLeftover: (dir) => services.log.warn('an interrupted restore left its staging folder; it is rebuilt from the backup', { staging: dir }),
  });
  try {
    const store = openStore(staging, services.clock);
    try {
      const office = readOffice(store.db);
      if (!office) throw new AppError('RESTORE_FAILED', '备份中的数据库没有单位信息，不能恢复');
      const outcome = await checkLogin(store.db, input.login, input.password, now, office.timeZone, { costs: services.costs });
      if (!outcome.ok) throw outcome.error;
      if (!outcome.roles.some((r) => CUSTODY_KEEPERS.includes(r))) throw new AppError('FORBIDDEN', '只有保管员或管理员可以从备份恢复');
      store.db.transaction(() =>
        auditAs(store.db, { userId: outcome.user.id, login: outcome.user.login }, now, 'backup.restore', `backup:${report.generation}`, {
          generation: report.generation,
          manifestSha256: report.manifestSha256,
          takenAt: report.takenAt,
          signedBy: report.signedBy,
          originals: report.originals,
          newerGenerations: report.notHeld.newerGenerations,
          originalsNotInGeneration: report.notHeld.originalsNotInGeneration.length,
        }),
      )();
    } finally {
      store.close();
    }
  } catch (e) {
    await discardRestore(staging);
    throw e;
  }
  onStep?.('audited');
  await placeRestore(staging, root);
  services.log.info('archive restored from backup', { generation: report.generation, manifestSha256: report.manifestSha256 });
  const outcome = await checkLogin(services.archive.open().db, input.login, input.password, now, services.archive.office().timeZone, { costs: services.costs });
  if (!outcome.ok) throw outcome.error;
  return { session: startSession(services, client, outcome, now), report };
}
