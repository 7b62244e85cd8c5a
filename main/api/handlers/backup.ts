import { BackupAlarm, runBackup } from '../../backup';
import { AppError } from '../../common';
import type { Session } from '../../accounts';
import type { AuditDetails } from '../../audit';
import type { ApiServices } from '../context';
import type { BackupRunDto } from '../dto';
import type { HandlerTable } from '../handler';
import { signerFor } from '../signing';

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

export const backupHandlers: Pick<HandlerTable, 'backup.run'> = {
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
};
