import { statfs } from 'node:fs/promises';
import { AppError } from '../../common';
import {
  findOfficerByBadge,
  findRecorderBySerial,
  insertOfficer,
  insertRecorder,
  officerAt,
  listFolders,
  looksLikeRecorder,
  type Source,
} from '../../devices';
import { requireTool } from '../../media';
import { alreadyInArchive, assertFits, isArchiveFolder, refuseArchive, kindsByContent, listIngestSessions, loadSessionDetail, runIngest, scanSource, selectForIngest, type IngestProgress, type IngestSessionId } from '../../ingest';
import { type CallContext, type HandlerTable } from '../handler';
import { auditAs } from '../../audit';
import type { ApiServices } from '../context';
import { signerFor } from '../signing';
import { claimSource } from './ingest-claims';
import { officeSetting } from '../../store';

type IngestMethods =
  | 'sources.list'
  | 'sources.pickFolder'
  | 'sources.browse'
  | 'sources.addFolder'
  | 'ingest.scan'
  | 'ingest.start'
  | 'ingest.cancel'
  | 'ingest.sessions'
  | 'ingest.session';

const NOTHING_TO_INGEST = '该来源中没有音视频或照片文件可导入（其他文件未选择保留）。请确认选择的是记录仪或存放录像的文件夹。';

function mustSource(services: ApiServices, id: string): Source {
  const s = services.sources.get(id);
  if (!s) throw new AppError('SOURCE_NOT_FOUND', '未找到该来源：设备可能已拔出，请刷新后重试', `source ${id} not found`);
  refuseArchive(s.path, archiveRoot(services), '导入来源');
  return s;
}

const archiveRoot = (services: ApiServices): string => services.archive.open().paths.root;

const sourceDto = (s: Source) => ({ id: s.id, label: s.label, kind: s.kind, path: s.path, recorder: looksLikeRecorder(s.path) });

/**
 * Throttles progress pushes to a few a second; the last one always goes out. Elapsed time on a
 * monotonic timer: this paces the UI and says nothing about what time it is.
 */
function throttle(fn: (p: IngestProgress) => void, ms = 250): (p: IngestProgress) => void {
  let last = -Infinity;
  return (p) => {
    const t = performance.now();
    if (t - last >= ms || p.currentFile === null) {
      last = t;
      fn(p);
    }
  };
}

/**
 * Starts one source's session; several run at once (one per source and recorder, see ingest-claims.ts). The claim
 * is taken before the first await, so two quick clicks on one source cannot both pass.
 */
async function startIngest(ctx: CallContext<'ingest.start'>): Promise<{ sessionId: number }> {
  const { services } = ctx;
  requireTool('ffprobe'); // a clear refusal up front rather than every file failing
  const source = mustSource(services, ctx.input.sourceId);
  const release = claimSource(services, source, ctx.input.recorderSerial);
  try {
    return await launchIngest(ctx, source, release);
  } catch (e) {
    release();
    throw e;
  }
}

/** Scans, registers what the custodian confirmed and runs the session; the claim is released as the run ends, before its finish is announced. */
async function launchIngest(ctx: CallContext<'ingest.start'>, source: Source, release: () => void): Promise<{ sessionId: number }> {
  const { services, session, input, now, db, tx } = ctx;
  const scan = selectForIngest(await kindsByContent(await scanSource(source.path)), input.keepOther);
  if (!scan.originals.length) throw new AppError('NOTHING_TO_INGEST', NOTHING_TO_INGEST);
  const store = services.archive.open();
  await assertFits(store.paths.root, scan.totalBytes);
  const office = services.archive.office();

  // Unknown recorders and officers are registered from what the custodian confirmed.
  const { recorder, officer } = tx(() => {
    let rec = input.recorderSerial ? findRecorderBySerial(db(), input.recorderSerial, now) : null;
    if (input.recorderSerial && !rec && !input.confirmNewRecorder) {
      // A typo in the serial must not silently register a recorder: the custodian confirms it first.
      throw new AppError('UNKNOWN_RECORDER', `记录仪编号 ${input.recorderSerial} 尚未登记。请核对编号；确认无误后再确认登记为新记录仪。`);
    }
    if (input.recorderSerial && !rec) {
      rec = insertRecorder(db(), { serial: input.recorderSerial }, now);
      ctx.audit('recorder.create', `recorder:${rec.id}`, { serial: rec.serial, registeredAtIngest: true });
    }
    let off = input.officerBadge ? findOfficerByBadge(db(), input.officerBadge) : null;
    if (input.officerBadge && !off) {
      off = insertOfficer(db(), { name: input.officerName ?? `警号${input.officerBadge}`, badgeNo: input.officerBadge }, now);
      ctx.audit('officer.create', `officer:${off.id}`, { name: off.name, badgeNo: off.badgeNo, registeredAtIngest: true });
    }
    return { recorder: rec, officer: off };
  });

  const controller = new AbortController();
  let started!: (id: IngestSessionId) => void;
  const idReady = new Promise<IngestSessionId>((resolve) => (started = resolve));
  const emit = (event: 'ingest.progress', p: IngestProgress) => services.host.emit?.('all', event, p);
  const done = runIngest(
    {
      sourceLabel: source.label,
      scan,
      recorder: recorder ? { id: recorder.id, serial: recorder.serial } : null,
      officer,
      receivedBy: session.userId,
      timeZone: office.timeZone,
      retentionMonths: Number(officeSetting(db(), 'retention_months')),
      clearSource: input.clearSource,
    },
    {
      store,
      sign: signerFor(services, session),
      audit: (d, action, target, details) => auditAs(d, session, services.clock.now(), action, target, details),
      now: () => services.clock.now(),
      log: services.log,
      onProgress: throttle((p) => emit('ingest.progress', p)),
      onStarted: started,
      signal: controller.signal,
      beforeFile: services.ingestBeforeFile && ((rel) => services.ingestBeforeFile!(source.label, rel)),
      afterRead: services.ingestAfterRead && ((bytes) => services.ingestAfterRead!(source.label, bytes)),
    },
  )
    .finally(release)
    .then((r) => {
      services.host.emit?.('all', 'ingest.finished', { sessionId: r.sessionId, status: r.status, message: r.message });
      return r;
    })
    .catch((e: unknown) => {
      services.log.error('ingest job failed', { error: e instanceof Error ? e.stack : String(e) });
      throw e;
    });
  const job = { controller, done };
  const sessionId = await Promise.race([idReady, done.then(() => idReady)]);
  services.jobs.set(`ingest:${sessionId}`, job);
  void done.catch(() => undefined).finally(() => services.jobs.delete(`ingest:${sessionId}`));
  return { sessionId };
}

export const ingestHandlers: Pick<HandlerTable, IngestMethods> = {
  'sources.list': ({ services }) => services.sources.list().filter((s) => !isArchiveFolder(s.path, archiveRoot(services))).map(sourceDto),

  'sources.browse': ({ services, input }) => listFolders(services.sources.browseRoots(), input.path, [archiveRoot(services)]),

  'sources.addFolder': ({ services, input }) => {
    refuseArchive(input.path, archiveRoot(services), '导入来源');
    // Listing checks the folder is under an allowed root.
    const listing = listFolders(services.sources.browseRoots(), input.path, [archiveRoot(services)]);
    return sourceDto(services.sources.addFolder(listing.path ?? input.path));
  },

  'sources.pickFolder': async ({ services }) => {
    if (!services.host.pickFolder) throw new AppError('NOT_AVAILABLE', '浏览器模式下不能选择文件夹，请在桌面程序中操作');
    const dir = await services.host.pickFolder('选择要导入的文件夹');
    if (dir) refuseArchive(dir, archiveRoot(services), '导入来源');
    return dir ? sourceDto(services.sources.addFolder(dir)) : null;
  },

  'ingest.scan': async ({ services, input, now, db }) => {
    const source = mustSource(services, input.sourceId);
    const scan = await kindsByContent(await scanSource(source.path));
    const recorder = scan.recorder.serial ? findRecorderBySerial(db(), scan.recorder.serial, now) : null;
    const suggestedOfficer = (recorder ? officerAt(db(), recorder.id, now) : null) ?? (scan.recorder.badge ? findOfficerByBadge(db(), scan.recorder.badge) : null);
    const seen = alreadyInArchive(db());
    const fs = await statfs(archiveRoot(services));
    const freeBytes = fs.bavail * fs.bsize;
    return {
      sourceId: source.id,
      sourceLabel: source.label,
      recorderVolume: scan.recorderVolume,
      recorderSerial: scan.recorder.serial ?? null,
      badgeNo: scan.recorder.badge ?? null,
      recorder,
      suggestedOfficer,
      files: scan.originals.map((o) => ({
        relPath: o.relPath,
        size: o.size,
        kind: o.kind,
        mtime: o.mtime.toISOString(),
        alreadyIn: seen(o.name, o.size),
      })),
      infoFile: scan.recorder.infoFile ?? null,
      skipped: scan.skipped.length,
      problems: scan.problems.map((p) => ({ relPath: p.relPath, message: p.message })),
      totalBytes: scan.totalBytes,
      freeBytes,
      fits: scan.totalBytes + 64 * 1024 * 1024 <= freeBytes,
    };
  },

  'ingest.start': (ctx) => startIngest(ctx),

  'ingest.cancel': ({ services, input, session, now, db }) => {
    const job = services.jobs.get(`ingest:${input.sessionId}`);
    if (!job) throw new AppError('NOT_RUNNING', '该导入已结束，无需取消');
    job.controller.abort();
    db().transaction(() => auditAs(db(), session, now, 'ingest.cancel', `ingest:${input.sessionId}`))();
    return null;
  },

  'ingest.sessions': ({ input, db }) => listIngestSessions(db(), input.limit, input.offset),

  'ingest.session': ({ input, db }) => loadSessionDetail(db(), input.id),
};
