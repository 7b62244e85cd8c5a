/**
 * Handing a public-use copy out on a disc (公开使用副本光盘): the image written by main/disc's ISO writer (in a
 * work folder under derived/public/, never discs/ where the evidence discs are), burned with the evidence discs'
 * burners, read back where the system can, and only then registered and audited as a hand-out. The disc is never an
 * evidence disc: it is not in the disc register and carries no original.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createBurner } from '../../../native/burn';
import { AppError, formatInstant, isAppError } from '../../common';
import { asPem, certificateFingerprint } from '../../crypto';
import { availableDrives, driveFor, readBack, readBackTarget } from '../../disc';
import { writeCopyDisc, type CopyDiscFile, type CopyDiscProgressDto, type DiscHandOut } from '../../public-copy';
import type { CallContext, HandlerTable } from '../handler';
import { percentOf, progressTo } from './progress';
import { handOutSource, recordHandOut } from './public-copies';

/** Reads the burned disc back and compares every file with the hash it went into the image with. */
async function readBackDisc(driveId: string, files: readonly CopyDiscFile[], onProgress: (p: { doneBytes: number; totalBytes: number; current: string }) => void): Promise<DiscHandOut['readBack']> {
  let target: string;
  try {
    target = readBackTarget(driveId);
  } catch (e) {
    // Windows and macOS cannot read a disc back here; the receiver checks it with SHA256SUMS.txt on it.
    if (isAppError(e) && e.code === 'NOT_AVAILABLE') return 'unavailable';
    throw e;
  }
  const result = await readBack(target, files, { payloadPrefix: '', onProgress });
  if (!result.ok) {
    const first = result.problems[0]!;
    throw new AppError('PUBLIC_COPY_DISC_READBACK', `光盘回读核验未通过（${first.path}：${first.message ?? first.status}），请换一张光盘重新交付`, `public copy disc read-back failed: ${JSON.stringify(result.problems)}`);
  }
  return 'ok';
}

async function handOutDisc(ctx: CallContext<'publicCopies.handOutDisc'>) {
  const { services, input, tx, audit, now } = ctx;
  const c = await handOutSource(ctx);
  const burner = createBurner();
  const drive = await driveFor(input.driveId, burner);
  const paths = services.archive.open().paths;
  const office = services.archive.office();
  await mkdir(path.join(paths.publicCopies, 'discs'), { recursive: true });
  const work = await mkdtemp(path.join(paths.publicCopies, 'discs', `${c.number}-`));
  const failed = (e: unknown) => {
    tx(() => audit('public_copy.disc_failed', `public_copy:${c.id}`, { drive: drive.id, code: isAppError(e) ? e.code : 'UNKNOWN' }));
    return e;
  };
  const emit = progressTo(ctx, 'publicCopies.discProgress');
  const progress = (step: CopyDiscProgressDto['step'], percent: number, current: string | null = null) => emit({ copyId: c.id, step, percent, current });
  try {
    const image = path.join(work, `${c.number}.iso`);
    progress('image', 0);
    const disc = await writeCopyDisc(
      {
        stagingDir: path.join(work, 'staging'),
        copy: { number: c.number, dir: paths.publicCopies, fileName: c.fileName, provenanceFile: c.provenanceFile, sha256: c.sha256, label: c.label, approvalNumber: c.approvalNumber, originalName: c.originalName },
        caCertPem: office.caCertPem,
        caFingerprint: certificateFingerprint(asPem(office.caCertPem)),
        unitName: office.unitName,
        recipient: input.recipient,
        madeAt: now,
        madeAtLocal: formatInstant(now, office.timeZone, 'YYYY-MM-DD HH:mm:ss'),
      },
      image,
      { onProgress: (p) => progress('image', percentOf(p.bytesWritten, p.totalBytes), p.currentFile ?? null) },
    ).catch((e: unknown) => Promise.reject(failed(e)));
    progress('burn', 0);
    await burner.burn(image, drive, { onProgress: (p) => progress('burn', Math.round(p.percent)) }).catch((e: unknown) => Promise.reject(failed(e)));
    const checked = await readBackDisc(drive.id, disc.files, (p) => progress('readback', percentOf(p.doneBytes, p.totalBytes), p.current)).catch((e: unknown) => Promise.reject(failed(e)));
    const destination = `光盘“${disc.jolietVolumeId}”（${`${drive.vendor} ${drive.product}`.trim()}，${drive.id}）`;
    return recordHandOut(ctx, c, destination, { volumeId: disc.volumeId, imageSha256: disc.imageSha256, readBack: checked });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const publicCopyDiscHandlers: Pick<HandlerTable, 'publicCopies.drives' | 'publicCopies.handOutDisc'> = {
  'publicCopies.drives': async () => (await availableDrives()).map((d) => d.dto),
  'publicCopies.handOutDisc': handOutDisc,
};
