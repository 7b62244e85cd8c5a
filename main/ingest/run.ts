import { statfs } from 'node:fs/promises';
import { AppError, formatBytes } from '../common';
import type { Officer, RecorderId } from '../devices';
import type { Logger } from '../log';
import type { MediaFlag } from '../media';
import type { Store } from '../store';
import type { CommitStep } from './commit';
import type { DriftEstimate } from './drift';
import { finishIngest, type FilesDone } from './finish';
import { inFolderTurn } from './folder-turns';
import { prepareLookups, startFile, type FileDone, type StartedFile } from './ingest-file';
import type { CandidateOriginal, ScanResult } from './scan';
import { insertIngestItem, openIngestSession, type IngestAudit, type IngestSessionId } from './session-rows';
import { claimSessionDir, releaseSessionDir, sessionDir } from './session-dir';
import { IngestTally } from './tally';
import { toIngestError } from './errors';

export type { IngestSessionId };

export interface IngestPlan {
  sourceLabel: string;
  scan: ScanResult;
  recorder: { id: RecorderId; serial: string } | null;
  /** The officer handing over, confirmed by the custodian; footage falls back to them. */
  officer: Officer | null;
  receivedBy: number;
  timeZone: string;
  retentionMonths: number;
  clearSource: boolean;
}

export interface IngestProgress {
  sessionId: IngestSessionId;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string | null;
  bytesPerSec: number;
  etaSec: number | null;
  stored: number;
  duplicates: number;
  failed: number;
}

export type IngestItemOutcome =
  | { relPath: string; outcome: 'stored'; mediaId: number; sha256: string; storedPath: string; flags: MediaFlag[]; durationSec: number | null; hasAudio: boolean }
  | { relPath: string; outcome: 'duplicate'; mediaId: number; sha256: string; storedPath: string }
  | { relPath: string; outcome: 'failed'; code: string; message: string };

export interface IngestResult {
  sessionId: IngestSessionId;
  status: 'completed' | 'cancelled' | 'failed' | 'interrupted';
  /** Chinese, for the UI, when the run stopped early. */
  message: string | null;
  items: IngestItemOutcome[];
  drift: DriftEstimate | null;
  days: string[];
  sourceCleared: boolean;
}

export interface IngestDeps {
  store: Store;
  /** CMS-signs a day manifest with the receiving custodian's key. */
  sign: (content: Buffer) => Buffer;
  /** Appends an audit entry as the receiving custodian; called inside the change's transaction. */
  audit: IngestAudit;
  now: () => Date;
  log: Logger;
  onProgress?: (p: IngestProgress) => void;
  /** Called as soon as the session row exists, before any file is read. */
  onStarted?: (id: IngestSessionId) => void;
  signal?: AbortSignal;
  probeTimeoutMs?: number;
  /** Test seam: after each commit step and after the row is registered. */
  onStep?: (step: CommitStep | 'registered', relPath: string) => void;
  /** Test seam: awaited before each file; the concurrency tests hold a session here while another goes on. */
  beforeFile?: (relPath: string) => Promise<void>;
  /** Test seam: awaited after each chunk read from the source (the e2e cancel test plays a slow recorder). */
  afterRead?: (bytes: number) => Promise<void>;
}

/** Refuses to start what cannot fit (with a margin for the database and manifests). */
export async function assertFits(archiveRoot: string, bytes: number): Promise<{ free: number }> {
  const fs = await statfs(archiveRoot);
  const free = fs.bavail * fs.bsize;
  const need = bytes + 64 * 1024 * 1024;
  if (need > free) {
    throw new AppError('DISK_FULL', `存档磁盘剩余空间不足：需要 ${formatBytes(need)}，可用 ${formatBytes(free)}`, `need ${need} bytes, free ${free}`);
  }
  return { free };
}

const CANCELLED = '导入已取消；已保存的文件保留在档案中，再次导入会自动跳过。';

/**
 * Takes a scanned source into the archive in three steps: the session opened (plan), every file by the commit
 * protocol with its media row and audit entry (ingestFile), then recordings, signed day manifests and the session
 * closed (finishIngest). Re-running after an interruption skips what is already in.
 */
export async function runIngest(plan: IngestPlan, deps: IngestDeps): Promise<IngestResult> {
  const startedAt = deps.now();
  const originals = plan.scan.originals;
  const { db, paths } = deps.store;
  // The row and the session's own folder under .incoming/ together: crash recovery in another process sees both or neither.
  const sessionId = db.transaction(() => {
    const id = openIngestSession(db, plan, startedAt, deps.audit);
    claimSessionDir(paths.incoming, id);
    return id;
  }).immediate();
  try {
    deps.onStarted?.(sessionId);
    const tally = new IngestTally(
      sessionId,
      originals.length,
      originals.reduce((s, o) => s + o.size, 0),
      deps.onProgress,
    );
    const incoming = sessionDir(paths.incoming, sessionId);
    const files = await ingestFiles(plan, deps, sessionId, startedAt, tally, incoming);
    return await finishIngest(plan, deps, sessionId, startedAt, tally, files, incoming);
  } finally {
    releaseSessionDir(paths.incoming, sessionId);
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settled = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

/**
 * The per-file loop: a failed file is recorded and the run goes on, except when going on cannot help. Each file
 * is copied while the one before it finishes (its read-back's tail, fsync, place and row): the two hash passes then
 * keep both cores busy across files instead of waiting for each other at every file's end (issue 14 item 5).
 * Files are still copied one at a time and registered one at a time, in order.
 */
async function ingestFiles(plan: IngestPlan, deps: IngestDeps, sessionId: IngestSessionId, startedAt: Date, tally: IngestTally, incoming: string): Promise<FilesDone> {
  const { db } = deps.store;
  const done: FilesDone = { status: 'completed', message: null, days: new Set(), newestRecorderTime: undefined };
  const recorderLabel = plan.recorder?.serial ?? `未识别设备_${plan.sourceLabel}`;
  // Stops the copy that runs beside a file whose failure ends the run.
  const stopCopy = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, stopCopy.signal]) : stopCopy.signal;
  const ctx = {
    // The same store, but partial copies go to the session's own folder.
    store: { ...deps.store, paths: { ...deps.store.paths, incoming } },
    lookups: prepareLookups(db),
    sessionId,
    recorder: plan.recorder,
    officer: plan.officer,
    dockedAt: startedAt,
    timeZone: plan.timeZone,
    retentionMonths: plan.retentionMonths,
    recorderLabel,
    audit: deps.audit,
    now: deps.now,
    signal,
    probeTimeoutMs: deps.probeTimeoutMs,
    onStep: deps.onStep,
    afterRead: deps.afterRead,
  };
  const cancelled = (): FilesDone => ({ ...done, status: 'cancelled', message: CANCELLED });
  /** Records one file's outcome; what the run ends with, when it cannot go on. */
  const settle = (c: CandidateOriginal, r: Settled<FileDone>): FilesDone | null => {
    if (r.ok) {
      tally.add(r.value.outcome, c.size);
      if (r.value.day) done.days.add(r.value.day);
      const t = r.value.recorderTime;
      if (t && (!done.newestRecorderTime || t > done.newestRecorderTime)) done.newestRecorderTime = t;
      return null;
    }
    const err = r.error instanceof AppError ? r.error : toIngestError(r.error, 'source', c.path);
    deps.log.warn('ingest item failed', { session: sessionId, file: c.relPath, code: err.code, error: err.message });
    if (err.code === 'ABORTED') return cancelled();
    const outcome = { relPath: c.relPath, outcome: 'failed', code: err.code, message: err.userMessage } as const;
    db.transaction(() => {
      insertIngestItem(db, sessionId, c, outcome);
      deps.audit(db, 'media.ingest_failed', `ingest:${sessionId}`, { source: c.relPath, code: err.code });
    })();
    tally.add(outcome, c.size);
    if (err.code === 'DISK_FULL') return { ...done, status: 'failed', message: err.userMessage };
    if (err.code === 'SOURCE_GONE') return { ...done, status: 'interrupted', message: err.userMessage };
    return null;
  };
  /** The file copied before, finishing; the file being started beside it. */
  let before: { c: CandidateOriginal; finishing: Promise<Settled<FileDone>> } | null = null;
  let starting: Promise<Settled<StartedFile>> | null = null;
  try {
    for (const c of plan.scan.originals) {
      if (deps.signal?.aborted) {
        const last = before;
        before = null;
        if (last) settle(last.c, await last.finishing);
        return cancelled();
      }
      await deps.beforeFile?.(c.relPath);
      tally.progress(c.relPath);
      starting = settled(inFolderTurn(`${deps.store.paths.root}\n${recorderLabel}`, () => startFile(c, { ...ctx, onBytes: (copied) => tally.progress(c.relPath, copied) })));
      if (before) {
        const last = before;
        before = null;
        const end = settle(last.c, await last.finishing);
        if (end) return end;
      }
      const s: Settled<StartedFile> = await starting;
      starting = null;
      if (s.ok) before = { c, finishing: settled(s.value.finish()) };
      else {
        const end = settle(c, s);
        if (end) return end;
      }
    }
    const last = before;
    before = null;
    return (last && settle(last.c, await last.finishing)) ?? done;
  } finally {
    // Ending early (a stop, or a throw): the copy beside is given up, and a file still finishing is not placed.
    if (starting || before) stopCopy.abort();
    const s = await starting;
    if (s?.ok) await s.value.discard();
    await before?.finishing;
  }
}
