import path from 'node:path';
import { AppError } from '../../common';
import { readBack } from '../../disc';
import { createBurner } from '../../../native/burn';
import {
  assertFormReady,
  assertItemsApprovedForDisc,
  availableDrives,
  buildOneDisc,
  discIdFor,
  driveFor,
  findDisc,
  listDiscs,
  loadDisc,
  planCase,
  planDto,
  readBackTarget,
  type BuiltDisc,
  discExists,
  insertDisc,
  lockForm,
  recordBurn,
  recordReadback,
} from '../../disc';
import { ingestedHash } from '../../library';
import type { DiscDto, DiscFileDto, DiscReadbackDto } from '../dto';
import type { HandlerTable } from '../handler';
import { percentOf, progressTo } from './progress';

type DiscMethods = 'discs.plan' | 'discs.build' | 'discs.drives' | 'discs.burn' | 'discs.verifyBurn' | 'discs.list' | 'discs.get';

/** Evidence discs: every step is audited, and each ends with a row in the disc register. */
export const discHandlers: Pick<HandlerTable, DiscMethods> = {
  'discs.plan': ({ input, db }) => planDto(planCase(db(), input.caseId, input.mediaType)),

  'discs.build': async (ctx) => {
    const { input, db, tx, audit, session, services, now } = ctx;
    const form = assertFormReady(db(), services.archive.office(), input.caseId, input.recordFormId);
    const plan = planCase(db(), input.caseId, input.mediaType);
    const approvals = assertItemsApprovedForDisc(
      db(),
      input.caseId,
      plan.discs.flatMap((d) => d.items.map((i) => i.mediaId)),
      now,
    );
    const indexes = input.discIndex !== undefined ? [input.discIndex] : plan.discs.map((d) => d.index);
    const progress = progressTo(ctx, 'discs.progress');
    const built: DiscDto[] = [];
    for (const discIndex of indexes) {
      const discId = plan.discs[discIndex - 1] ? discIdFor(form.disc_no, discIndex, plan.discs.length) : null;
      if (discId && discExists(db(), discId)) throw new AppError('DISC_EXISTS', `光盘 ${discId} 已制作过，可直接刻录`);
      const d: BuiltDisc = await buildOneDisc({
        office: services.archive.office(),
        paths: services.archive.open().paths,
        db: db(),
        session,
        form,
        plan,
        discIndex,
        now,
        approvals,
        onProgress: (percent, current, step) => progress({ caseId: input.caseId, discId, step, percent, current }),
      });
      tx(() => {
        insertDisc(db(), {
          id: d.discId,
          caseId: input.caseId,
          recordFormId: form.id,
          label: d.label,
          mediaType: input.mediaType,
          files: d.files,
          imageFile: d.imageFile,
          imageBytes: d.imageBytes,
          manifestSha256: d.manifestSha256,
          userId: session.userId,
          now,
        });
        // The form is filed with its first disc: from now on nothing about it may change.
        if (lockForm(db(), form.id, now)) {
          audit('record_form.lock', `record_form:${form.id}`, { discId: d.discId, contentSha256: form.content_sha256 });
        }
        audit('disc.build', `disc:${d.discId}`, {
          caseId: input.caseId,
          recordFormId: form.id,
          disc: `${d.label.discIndex}/${d.label.discCount}`,
          mediaType: input.mediaType,
          mediaIds: d.mediaIds,
          approvals: Object.fromEntries(d.mediaIds.map((m) => [m, approvals.get(m) ?? null])),
          files: d.files.length,
          imageBytes: d.imageBytes,
          manifestSha256: d.manifestSha256,
        });
      });
      built.push(loadDisc(db(), d.discId));
    }
    return built;
  },

  'discs.drives': async () => (await availableDrives()).map((d) => d.dto),

  'discs.burn': async (ctx) => {
    const { input, db, tx, audit, session, services, now } = ctx;
    const disc = findDisc(db(), input.discId);
    const burner = createBurner();
    const drive = await driveFor(input.driveId, burner);
    const image = path.join(services.archive.open().paths.root, ...disc.image_file.split('/'));
    const progress = progressTo(ctx, 'discs.progress');
    try {
      await burner.burn(image, drive, { onProgress: (p) => progress({ caseId: disc.case_id, discId: disc.id, step: 'burn', percent: Math.round(p.percent), current: null }) });
    } catch (e) {
      tx(() => audit('disc.burn_failed', `disc:${disc.id}`, { drive: drive.id, code: (e as { code?: string }).code ?? 'UNKNOWN' }));
      throw e;
    }
    tx(() => {
      recordBurn(db(), disc.id, session.userId, services.clock.now().toISOString(), drive.id);
      audit('disc.burn', `disc:${disc.id}`, { drive: drive.id, imageBytes: disc.image_bytes, startedAt: now.toISOString() });
    });
    return loadDisc(db(), disc.id);
  },

  'discs.verifyBurn': async (ctx) => {
    const { input, db, tx, audit, session, services } = ctx;
    const disc = findDisc(db(), input.discId);
    if (!disc.drive) throw new AppError('DISC_NOT_BURNED', '光盘尚未刻录，不能回读核验');
    // Expected hashes: originals from the media table (as recorded at ingest), generated files from the register.
    const files = JSON.parse(disc.contents) as DiscFileDto[];
    const expected = files.map((f) => {
      if (f.mediaId === null) return { path: f.path, sha256: f.sha256, size: f.size };
      const m = ingestedHash(db(), f.mediaId)!;
      return { path: f.path, sha256: m.sha256, size: m.size };
    });
    const progress = progressTo(ctx, 'discs.progress');
    const r = await readBack(readBackTarget(disc.drive), expected, {
      onProgress: (p) => progress({ caseId: disc.case_id, discId: disc.id, step: 'readback', percent: percentOf(p.doneBytes, p.totalBytes), current: p.current }),
    });
    const at = services.clock.now().toISOString();
    const result: DiscReadbackDto = {
      ok: r.ok,
      checked: r.checked,
      bytes: r.bytes,
      at,
      by: session.displayName,
      files: r.files.map((f) => ({ path: f.path, status: f.status, expected: f.expected ?? null, actual: f.actual ?? null, message: f.message ?? null })),
    };
    tx(() => {
      recordReadback(db(), disc.id, session.userId, result);
      audit('disc.readback', `disc:${disc.id}`, {
        ok: r.ok,
        checked: r.checked,
        bytes: r.bytes,
        drive: disc.drive,
        problems: r.problems.map((p) => ({ path: p.path, status: p.status })),
      });
    });
    return loadDisc(db(), disc.id);
  },

  'discs.list': ({ input, db }) => listDiscs(db(), input.caseId),
  'discs.get': ({ input, db }) => loadDisc(db(), input.id),
};
