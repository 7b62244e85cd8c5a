import { checkLogin, insertOffice, prepareOffice, writeCaFile, type Session } from '../../accounts';
import { auditAs, queryAudit, type AuditDetails, type AuditEntry } from '../../audit';
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  backfillCustody,
  backupAlerts,
  BackupAlarm,
  daysWithoutCustody,
  databaseBytes,
  discardRestore,
  drillRecord,
  drillRecordBytes,
  drillRecordName,
  freeBytes,
  neededBytes,
  placeRestore,
  runBackup,
  runDrill,
  stageRestore,
  summarizeGenerations,
  planRebuild,
  registerRebuilt,
  recordRebuiltManifest,
  neverInFiles,
  stageRebuild,
  stagingFor,
  type RebuildPlan,
  type RebuildStep,
  type RestoreStep,
} from '../../backup';
import { certificateInfo, signDetached, type Pem } from '../../crypto';
import { writeDayManifest, writeFileAtomic } from '../../ingest';
import { rm } from 'node:fs/promises';
import { AppError, CUSTODY_KEEPERS } from '../../common';
import { openStore, readOffice, type Db } from '../../store';
import type { ApiServices, Client } from '../context';
import type { MethodOutput, MethodParsedInput } from '../contract';
import type { BackupRunDto, BackupStatusDto, SessionInfo } from '../dto';
import type { HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { startSession } from './session';
import { listFolders, looksLikeRecorder } from '../../devices';
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
  const sign = signerFor(services, session);
  // Days from before custody records get theirs now, signed by the custodian, so the backup carries them.
  const backfilled = backfillCustody(store.paths.root, store.db, daysWithoutCustody(store.paths.root, store.db), sign);
  if (backfilled.length) tx(() => backfilled.forEach((b) => audit('manifest.custody', `day:${b.day}`, { files: b.files, sha256: b.sha256 })));
  try {
    const r = await runBackup({
      archiveRoot: store.paths.root,
      db: store.db,
      targetRoot: target.path,
      now,
      timeZone: office.timeZone,
      unitName: office.unitName,
      sign,
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

/** The newest of some audit entries, by chain position. */
function newest(entries: (AuditEntry | null)[]): AuditEntry | null {
  return entries.filter((e): e is AuditEntry => e !== null).sort((a, b) => b.seq - a.seq)[0] ?? null;
}

/** The pre-setup methods work only while no office is set up: afterwards the sources' own picker (custodians) is the way. */
function refuseOnceSetUp(services: ApiServices): void {
  if (services.archive.isSetUp()) throw new AppError('ALREADY_SET_UP', '本工作站已有档案库，不能再从备份恢复', 'pre-setup backup method called after setup');
}

/** Before setup: one folder under the allowed roots (never the archive), or the roots themselves. */
function listBeforeSetup(services: ApiServices, dir: string | null) {
  refuseOnceSetUp(services);
  return listFolders(services.sources.browseRoots(), dir, [services.archive.root]);
}

export const backupHandlers: Pick<HandlerTable, 'backup.run' | 'backup.restore' | 'backup.drill' | 'backup.status' | 'backup.browse' | 'backup.generations' | 'backup.rebuild'> = {
  'backup.rebuild': async ({ services, client, input, now }) => rebuildArchive(services, client, input, now),

  'backup.browse': ({ services, input }) => listBeforeSetup(services, input.path),

  'backup.generations': async ({ services, input, now }) => {
    const listing = listBeforeSetup(services, input.path);
    const dir = listing.path ?? input.path;
    const generations = await summarizeGenerations(dir, now);
    if (!generations.length) throw new AppError('BACKUP_NOT_FOUND', '所选文件夹中没有备份：请选择备份盘上含有 evidence-backup 的文件夹', `no generation in ${dir}`);
    return { sourceId: services.sources.addFolder(dir).id, generations };
  },

  /**
   * Restores the newest generation into a scratch folder, checks it end to end, deletes it. The result is a record
   * signed by the custodian (CMS, as record forms and weekly reports are), kept in the forms folder, and audited.
   */
  'backup.drill': async ({ services, session, input, now, tx, audit }) => {
    const target = services.sources.get(input.targetSourceId);
    if (!target) throw new AppError('SOURCE_NOT_FOUND', '未找到备份位置：移动硬盘可能已拔出');
    const r = await runDrill({ backupDir: target.path, at: now });
    if (!r.ok) services.log.error('backup drill failed', { generation: r.generation, problems: r.problems.slice(0, 20) });
    const office = services.archive.office();
    const record = drillRecordBytes(drillRecord(r, now, { login: session.login, name: session.displayName }, office.unitName));
    const signature = signerFor(services, session)(record);
    // Never keep a signature an outside checker would refuse.
    if (!officeVerifier(services)(record, signature).ok) throw new AppError('SIGN_FAILED', '签名失败：证书无法通过单位根证书验证，请联系管理员', 'drill record signature does not verify');
    const forms = services.archive.open().paths.forms;
    const recordFile = drillRecordName(now, office.timeZone);
    await writeFileAtomic(path.join(forms, recordFile), record);
    await writeFileAtomic(path.join(forms, `${recordFile}.p7s`), signature);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    tx(() =>
      audit('backup.drill', r.generation ? `backup:${r.generation}` : 'backup', {
        ok: r.ok,
        generation: r.generation,
        manifestSha256: r.manifestSha256,
        filesChecked: r.filesChecked,
        problems: r.problems.slice(0, 50),
        recordFile,
        recordSha256: sha(record),
        signatureSha256: sha(signature),
        certSerial: certificateInfo(session.certPem as Pem).serialHex,
      }),
    );
    return { ...r, recordFile, signedBy: session.displayName };
  },

  'backup.status': async ({ services, input, db, now }) => {
    const office = services.archive.office();
    const drill = lastEntry(db(), 'backup.drill');
    const goodDrill = lastEntry(db(), 'backup.drill', (e) => e.details.ok === true);
    const backup = newest([lastEntry(db(), 'backup.run'), lastEntry(db(), 'weekly.consolidate', (e) => typeof e.details.backupGeneration === 'string')]);
    const seen = newest([backup, lastEntry(db(), 'backup.drill', (e) => e.details.generation !== null)]);
    // A failed database check stands until a backup succeeds after it.
    const alarm = lastEntry(db(), 'backup.alarm');
    const databaseAlarm = alarm && (!backup || backup.seq < alarm.seq) ? { at: alarm.at, findings: Array.isArray(alarm.details.findings) ? alarm.details.findings.map(String) : [] } : null;
    const target = input.targetSourceId ? services.sources.get(input.targetSourceId) : undefined;
    const free = target ? await freeBytes(target.path) : null;
    const needed = neededBytes(await databaseBytes(services.archive.root));
    const facts = {
      lastGoodDrillAt: goodDrill ? new Date(goodDrill.at) : null,
      targetLastSeenAt: seen ? new Date(seen.at) : null,
      freeBytes: free,
      neededBytes: needed,
      databaseAlarm: databaseAlarm !== null,
    };
    return {
      lastGoodDrillAt: goodDrill?.at ?? null,
      lastDrill: drill ? { at: drill.at, ok: drill.details.ok === true, generation: typeof drill.details.generation === 'string' ? drill.details.generation : null } : null,
      targetLastSeenAt: seen?.at ?? null,
      lastGeneration: seen ? String(seen.details.generation ?? seen.details.backupGeneration ?? '') || null : null,
      freeBytes: free,
      neededBytes: needed,
      databaseAlarm,
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

/**
 * What restore and rebuild both start with: only onto a machine with no archive yet, from a backup place still
 * plugged in; the (empty) archive is closed so the staged one can take its place.
 */
function takeBackupSource(services: ApiServices, sourceId: string, verb: '恢复' | '重建'): { source: { path: string }; root: string } {
  if (services.archive.isSetUp()) throw new AppError('ALREADY_SET_UP', `本工作站已有档案库，不能再从备份${verb}`);
  const source = services.sources.get(sourceId);
  if (!source) throw new AppError('SOURCE_NOT_FOUND', '未找到备份所在位置：移动硬盘可能已拔出');
  services.archive.close();
  return { source, root: services.archive.root };
}

/**
 * Restore and rebuild: an archive made from a backup for `client`, who is logged in on it at the end. `onStep` is the
 * crash tests' seam: a SIGKILL at each step leaves no half archive and the backup as it was.
 */
type FromBackup<M extends 'backup.restore' | 'backup.rebuild', Step> = (
  services: ApiServices,
  client: Client,
  input: MethodParsedInput<M>,
  now: Date,
  onStep?: (step: Step) => void,
) => Promise<MethodOutput<M>>;

/**
 * The end of both: the staged archive (closed: a folder with an open database in it cannot be renamed on Windows)
 * moved into place, logged as `done`, opened, and the user logged in there.
 */
async function placeAndLogIn(
  services: ApiServices,
  client: Client,
  placed: { staging: string; root: string; done: [message: string, details: Record<string, unknown>] },
  login: { login: string; password: string },
  now: Date,
): Promise<SessionInfo> {
  await placeRestore(placed.staging, placed.root);
  services.log.info(...placed.done);
  const outcome = await checkLogin(services.archive.open().db, login.login, login.password, now, services.archive.office().timeZone, { costs: services.costs });
  if (!outcome.ok) throw outcome.error;
  return startSession(services, client, outcome, now);
}

/** `backup.restore`. */
export const restoreArchive: FromBackup<'backup.restore', RestoreStep> = async (services, client, input, now, onStep) => {
  const { source, root } = takeBackupSource(services, input.sourceId, '恢复');
  const { staging, report } = await stageRestore({
    backupDir: source.path,
    ...(input.generation ? { generation: input.generation } : {}),
    archiveRoot: root,
    at: now,
    ...(onStep ? { onStep } : {}),
    onLeftover: (dir) => services.log.warn('an interrupted restore left its staging folder; it is rebuilt from the backup', { staging: dir }),
    onProgress: (p) => services.host.emit?.(client, 'backup.restoreProgress', p),
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
  const done: [string, Record<string, unknown>] = ['archive restored from backup', { generation: report.generation, manifestSha256: report.manifestSha256 }];
  return { session: await placeAndLogIn(services, client, { staging, root, done }, input, now), report };
};

/**
 * `backup.rebuild`: no usable snapshot, so the archive is built from what the backup's files alone vouch for
 * (`planRebuild`: the office CA from a generation whose signature checks, each day manifest's signature, each
 * original's hash). Staged beside the archive like a restore. A new office CA and admin are made (the old keys lived
 * only in the database); the chain starts with the rebuild entry naming the generation, the old CA's fingerprint, each
 * day manifest's hash and the old chain's last sealed head; the day manifests are signed again by the new admin, and
 * the old CA, day-manifest signatures and seal files are kept as they were in `certs/previous/`.
 */
export const rebuildArchive: FromBackup<'backup.rebuild', RebuildStep> = async (services, client, input, now, onStep) => {
  const { source, root } = takeBackupSource(services, input.sourceId, '重建');
  const plan = await planRebuild(source.path, now);
  const staging = stagingFor(root);
  await rm(staging, { recursive: true, force: true });
  try {
    await stageRebuild(plan, source.path, staging, onStep);
    onStep?.('staged');

    const prepared = await prepareOffice(
      { officeName: plan.unitName, unitName: plan.unitName, timeZone: plan.timeZone, users: [{ ...input.admin, badgeNo: null, roles: ['admin', 'custodian'], mustChangePassword: false }] },
      now,
      services.keyPairs,
      services.costs,
    );
    const store = openStore(staging, services.clock);
    try {
      const adminId = store.db.transaction(() => {
        insertOffice(store.db, prepared, now);
        auditAs(store.db, null, now, 'backup.rebuild', 'office', {
          from: source.path,
          generation: plan.trustedGeneration,
          previousCaFingerprintSha256: plan.caFingerprintSha256,
          dayManifests: plan.days.map((d) => ({ day: d.day, sha256: d.manifestSha256, signedBy: d.signedBy, signedAt: d.signedAt })),
          lastSeal: plan.latestSeal,
          originals: plan.originals.length,
          unrecovered: plan.unrecovered.slice(0, 200).map((u) => `${u.kind}: ${u.path}`),
          neverInFiles: neverInFiles(plan),
          admin: input.admin.login,
        });
        return registerRebuilt(store.db, plan, input.admin.login, now);
      })();
      onStep?.('registered');
      writeCaFile(store.paths.certs, prepared.caCertPem);
      const outcome = await checkLogin(store.db, input.admin.login, input.admin.password, now, plan.timeZone, { costs: services.costs });
      if (!outcome.ok) throw outcome.error;
      const sign = (content: Buffer) => signDetached({ content, signer: { certPem: outcome.user.cert_pem as Pem, privateKeyPem: outcome.privateKeyPem }, chain: [prepared.caCertPem], signingTime: now });
      for (const d of plan.days.filter((x) => x.files > 0)) {
        const m = await writeDayManifest(staging, store.db, d.day, sign);
        store.db.transaction(() => {
          recordRebuiltManifest(store.db, m, adminId, now);
          auditAs(store.db, { userId: adminId, login: input.admin.login }, now, 'manifest.write', `day:${d.day}`, { files: m.files, sha256: m.sha256, rebuilt: true, previousSha256: d.manifestSha256 });
        })();
      }
    } finally {
      store.close();
    }
    onStep?.('signed');
  } catch (e) {
    await discardRestore(staging);
    throw e;
  }
  const done: [string, Record<string, unknown>] = ['archive rebuilt from backup files', { generation: plan.trustedGeneration, originals: plan.originals.length, unrecovered: plan.unrecovered.length }];
  const session = await placeAndLogIn(services, client, { staging, root, done }, input.admin, now);
  return { session, report: { ...withoutCa(plan), neverInFiles: neverInFiles(plan) } };
};

function withoutCa(plan: RebuildPlan): Omit<RebuildPlan, 'caCertPem'> {
  const { caCertPem: _ca, ...rest } = plan;
  return rest;
}
