import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Session } from '../../accounts';
import { auditAs } from '../../audit';
import { AppError, formatInstant, isAppError, localDay, type CopyOperations } from '../../common';
import { asPem, certificateFingerprint } from '../../crypto';
import { overlaps } from '../../devices';
import { publicCopyProvenance } from '../../forms';
import { hashFile, toAbsolute } from '../../ingest';
import { requireTool } from '../../media';
import {
  approvalFacts,
  approvalNumber,
  approvalPeople,
  checkOperations,
  copyFileNames,
  copyLabel,
  copyNumber,
  findCopy,
  findLabelFont,
  frameOf,
  insertCopy,
  insertHandOut,
  listCopies,
  makeCopy,
  nextCopyId,
  publicSources,
  requirePublicSource,
  type CopyProgressDto,
  type DiscHandOut,
  type PublicCopyDto,
} from '../../public-copy';
import type { ApiServices } from '../context';
import type { CallContext, HandlerTable } from '../handler';
import { officeVerifier, signerFor } from '../signing';
import { saveForm } from './forms';

type PublicCopyMethods = 'publicCopies.sources' | 'publicCopies.render' | 'publicCopies.cancel' | 'publicCopies.list' | 'publicCopies.handOut' | 'publicCopies.provenanceDocx';

const JOB = 'public-copy:';
/** The chief and the township leader see every copy; others those of the approvals that name them. */
const SEES_ALL = ['chief', 'township_leader'] as const;

export const maker = (s: Session) => ({ userId: s.userId, roles: s.roles });

function visible(services: ApiServices, s: Session, c: Pick<PublicCopyDto, 'requestId'>): boolean {
  return s.roles.some((r) => (SEES_ALL as readonly string[]).includes(r)) || approvalPeople(services.archive.open().db, c.requestId).includes(s.userId);
}

function copyFor(services: ApiServices, s: Session, id: number): PublicCopyDto & { madeById: number } {
  const c = findCopy(services.archive.open().db, id);
  if (!c || !visible(services, s, c)) throw new AppError('NOT_FOUND', '公开使用副本不存在');
  return c;
}

/** At most four progress events a second. */
function throttled(emit: (p: Omit<CopyProgressDto, 'jobId'>) => void): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    const t = Date.now();
    if (t - last < 250) return;
    last = t;
    emit({ fraction, done: false, error: null, copyId: null });
  };
}

/** Signs as the maker and checks the signature at once against the office CA (a revoked certificate signs nothing). */
function signer(services: ApiServices, session: Session): (content: Buffer) => Buffer {
  const sign = signerFor(services, session);
  const verify = officeVerifier(services);
  return (content) => {
    const signature = sign(content);
    const check = verify(content, signature);
    if (!check.ok) throw new AppError('SIGN_FAILED', '签名失败：证书无法通过单位根证书验证，请联系管理员', `public copy provenance signature does not verify: ${check.reason ?? ''}`);
    return signature;
  };
}

/** Renders, signs and registers one copy in the background; what the job does after render's checks passed. */
function startRender(services: ApiServices, session: Session, input: { requestId: number; mediaId: number; operations: CopyOperations }, now: Date): string {
  const db = services.archive.open().db;
  const { grant, media } = requirePublicSource(db, input.requestId, input.mediaId, maker(session), now);
  const frame = frameOf(db, media.id);
  if (!frame || !media.durationSec) throw new AppError('PUBLIC_COPY_NOT_VIDEO', '该视频的画面尺寸或时长未知，不能制作副本');
  checkOperations(input.operations, media.durationSec, frame);
  const fontFile = findLabelFont();
  const ffmpeg = requireTool('ffmpeg');
  const office = services.archive.office();
  const paths = services.archive.open().paths;
  const id = nextCopyId(db);
  const names = copyFileNames(id);
  const label = copyLabel(grant.id, localDay(now, office.timeZone));
  const jobId = randomBytes(8).toString('hex');
  const controller = new AbortController();
  const emit = (p: Omit<CopyProgressDto, 'jobId'>) => services.host.emit?.('all', 'publicCopies.progress', { jobId, ...p });
  const facts = approvalFacts(db, grant.id);
  // The start is on the record before any byte is read: a render that never ends (power cut) still shows who began it.
  db.transaction(() =>
    auditAs(db, session, now, 'public_copy.start', `media:${media.id}`, {
      jobId,
      requestId: grant.id,
      sourceSha256: media.sha256,
      durationSec: input.operations.range.to - input.operations.range.from,
      regions: input.operations.regions.length,
      muteRanges: input.operations.mute.length,
    }),
  )();
  const done = (async () => {
    const made = await makeCopy(
      {
        dir: paths.publicCopies,
        names,
        number: copyNumber(id),
        source: { mediaId: media.id, originalName: media.originalName, storedPath: media.storedPath, file: toAbsolute(paths.root, media.storedPath), sha256: media.sha256, durationSec: media.durationSec!, hasAudio: media.hasAudio, frame },
        approval: { requestId: grant.id, number: approvalNumber(grant.id), type: 'public', ...facts },
        ops: input.operations,
        label,
        fontFile,
        madeBy: { userId: session.userId, login: session.login, name: session.displayName },
        madeAt: now,
        madeAtLocal: formatInstant(now, office.timeZone, 'YYYY-MM-DD HH:mm:ss'),
        ffmpeg,
      },
      { sign: signer(services, session), onProgress: throttled(emit), signal: controller.signal },
    );
    const docx = await publicCopyProvenance({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      documentId: copyNumber(id),
      record: made.record,
      recordSha256: made.provenanceSha256,
      recordFile: names.provenance,
      caFingerprint: certificateFingerprint(asPem(office.caCertPem)),
    });
    const saved = await saveForm(services, names.docx, docx);
    db.transaction(() => {
      insertCopy(db, {
        id,
        mediaId: media.id,
        requestId: grant.id,
        fileName: names.video,
        sha256: made.record.copy.sha256,
        bytes: made.bytes,
        sourceSha256: media.sha256,
        operations: input.operations,
        label,
        ffmpegVersion: made.record.ffmpeg.version,
        command: made.record.ffmpeg.command,
        provenanceFile: names.provenance,
        provenanceSha256: made.provenanceSha256,
        docxFile: saved.fileName,
        madeBy: session.userId,
        madeAt: now,
      });
      auditAs(db, session, services.clock.now(), 'public_copy.make', `public_copy:${id}`, {
        mediaId: media.id,
        requestId: grant.id,
        sourceSha256: media.sha256,
        sha256: made.record.copy.sha256,
        provenanceSha256: made.provenanceSha256,
        regions: input.operations.regions.length,
        muteRanges: input.operations.mute.length,
      });
    })();
    emit({ fraction: 1, done: true, error: null, copyId: id });
    return id;
  })()
    .catch((e: unknown) => {
      const cancelled = controller.signal.aborted;
      services.log.error('public copy render failed', { jobId, mediaId: media.id, cancelled, error: e instanceof Error ? e.message : String(e) });
      db.transaction(() => auditAs(db, session, services.clock.now(), cancelled ? 'public_copy.cancel' : 'public_copy.fail', `media:${media.id}`, { requestId: grant.id }))();
      emit({ fraction: 0, done: true, error: cancelled ? '已取消' : isAppError(e) ? e.userMessage : '副本制作失败，请查看日志', copyId: null });
      throw e;
    })
    .finally(() => services.jobs.delete(JOB + jobId));
  services.jobs.set(JOB + jobId, { controller, done });
  void done.catch(() => undefined);
  return jobId;
}

type HandOutContext = CallContext<'publicCopies.handOut' | 'publicCopies.handOutDisc'>;

/** The copy a hand-out is of: visible to the caller, its approval still in force and naming the caller, its file intact. */
export async function handOutSource(ctx: HandOutContext): Promise<PublicCopyDto> {
  const { services, session, input, db, now } = ctx;
  const c = copyFor(services, session, input.id);
  // Handing out is the approval's use: it must still be in force and name the caller, and the item still not classified.
  requirePublicSource(db(), c.requestId, c.mediaId, maker(session), now);
  const actual = await hashFile(path.join(services.archive.open().paths.publicCopies, c.fileName)).catch(() => null);
  if (actual !== c.sha256) throw new AppError('PUBLIC_COPY_INTEGRITY', `副本${actual === null ? '缺失' : '与来源记录的哈希值不一致'}，不能交付`);
  return c;
}

/** Registers a hand-out and audits it in one transaction; the copy as it is now listed. */
export function recordHandOut(ctx: HandOutContext, c: PublicCopyDto, destination: string, disc?: DiscHandOut): PublicCopyDto {
  const { services, session, input, db, tx, audit, now } = ctx;
  tx(() => {
    const handOutId = insertHandOut(db(), { copyId: c.id, recipient: input.recipient, reason: input.reason, destination, sha256: c.sha256, by: session.userId, at: now, disc });
    const details = { handOutId, recipient: input.recipient, reason: input.reason, destination, sha256: c.sha256 };
    if (disc) audit('public_copy.hand_out_disc', `public_copy:${c.id}`, { ...details, volumeId: disc.volumeId, imageSha256: disc.imageSha256, readBack: disc.readBack === 'ok' });
    else audit('public_copy.hand_out', `public_copy:${c.id}`, details);
  });
  const { madeById: _m, ...dto } = copyFor(services, session, c.id);
  return dto;
}

/** The files a hand-out writes: the copy with its provenance and signature, so the receiver can check it. */
async function handOutFiles(services: ApiServices, c: PublicCopyDto, folder: string): Promise<string> {
  const root = services.archive.open().paths;
  if (!path.isAbsolute(folder)) throw new AppError('HANDOUT_FOLDER', '请填写目标文件夹的完整路径');
  if (overlaps(folder, root.root)) throw new AppError('HANDOUT_FOLDER', '不能交付到档案库内的文件夹');
  const st = await stat(folder).catch(() => null);
  if (!st?.isDirectory()) throw new AppError('HANDOUT_FOLDER', '目标文件夹不存在');
  const dest = path.join(folder, c.number);
  await mkdir(dest);
  for (const f of [c.fileName, c.provenanceFile, `${c.provenanceFile}.p7s`]) await copyFile(path.join(root.publicCopies, f), path.join(dest, f), constants.COPYFILE_EXCL);
  if ((await hashFile(path.join(dest, c.fileName))) !== c.sha256) throw new AppError('PUBLIC_COPY_INTEGRITY', '交付的副本与原副本不一致，请重试');
  return dest;
}

export const publicCopyHandlers: Pick<HandlerTable, PublicCopyMethods> = {
  'publicCopies.sources': ({ db, session, now }) => publicSources(db(), maker(session), now),

  'publicCopies.render': ({ services, session, input, now }) => {
    if ([...services.jobs.keys()].some((k) => k.startsWith(JOB))) throw new AppError('PUBLIC_COPY_BUSY', '正在制作另一份公开使用副本，请待其完成或取消后再试');
    return { jobId: startRender(services, session, input, now) };
  },

  'publicCopies.cancel': ({ services, input }) => {
    const job = services.jobs.get(JOB + input.jobId);
    if (!job) throw new AppError('NOT_FOUND', '该副本制作任务已结束');
    job.controller.abort();
    return null;
  },

  'publicCopies.list': ({ services, db, session }) => listCopies(db()).filter((c) => visible(services, session, c)),

  'publicCopies.handOut': async (ctx) => {
    const c = await handOutSource(ctx);
    return recordHandOut(ctx, c, await handOutFiles(ctx.services, c, ctx.input.folder));
  },

  'publicCopies.provenanceDocx': async ({ services, session, input, tx, audit }) => {
    const c = copyFor(services, session, input.id);
    const sha256 = await hashFile(path.join(services.archive.open().paths.forms, c.docxFile)).catch(() => null);
    if (!sha256) throw new AppError('NOT_FOUND', '来源记录文件缺失');
    const file = { fileName: c.docxFile, sha256 };
    tx(() => audit('form.public_copy_provenance', `public_copy:${c.id}`, file));
    return file;
  },
};
