import { chmod, rm, stat } from 'node:fs/promises';
import { officerAt, type Officer, type RecorderId } from '../devices';
import { probeMedia, type ProbeResult } from '../media';
import type { Statement } from 'better-sqlite3';
import type { Db, Store } from '../store';
import { copyOriginal, type CommitStep } from './commit';
import { hashFile } from './copy-hash';
import { toIngestError } from './errors';
import { planFile, type FilePlan } from './file-plan';
import { storedRelPath, toAbsolute } from './layout';
import { retentionUntil } from './retention';
import type { IngestItemOutcome } from './run';
import type { CandidateOriginal } from './scan';
import { insertIngestItem, type IngestAudit, type IngestSessionId } from './session-rows';

/** The lookups every file makes, prepared once per run. */
export interface FileLookups {
  byNameSize: Statement<[string, number], MediaMatch>;
  bySha: Statement<[string], MediaMatch>;
  inFolder: Statement<[string, string], { stored_path: string }>;
}

export function prepareLookups(db: Db): FileLookups {
  return {
    byNameSize: db.prepare('SELECT id, sha256, stored_path FROM media WHERE original_name = ? AND size = ?'),
    bySha: db.prepare('SELECT id, sha256, stored_path FROM media WHERE sha256 = ?'),
    inFolder: db.prepare('SELECT stored_path FROM media WHERE stored_path > ? AND stored_path < ?'),
  };
}

/** What one file needs to know about the run it belongs to. */
export interface FileContext {
  store: Store;
  lookups: FileLookups;
  sessionId: IngestSessionId;
  recorder: { id: RecorderId; serial: string } | null;
  /** The officer handing over; footage falls back to them. */
  officer: Officer | null;
  /** When the session started: the docking time a wrong recorder clock is filed under. */
  dockedAt: Date;
  timeZone: string;
  retentionMonths: number;
  /** Folder name for footage from a recorder nobody registered. */
  recorderLabel: string;
  audit: IngestAudit;
  now: () => Date;
  signal?: AbortSignal;
  probeTimeoutMs?: number;
  onBytes?: (copied: number) => void;
  onStep?: (step: CommitStep | 'registered', relPath: string) => void;
  afterRead?: (bytes: number) => Promise<void>;
}

/** One file's outcome; for a stored or found-again file, the office day whose manifest it changes. */
export interface FileDone {
  outcome: IngestItemOutcome;
  /** The day manifest to rewrite, if any. */
  day: string | null;
  /** The file's end on the recorder's clock, when that clock looks right (for the drift estimate). */
  recorderTime: Date | null;
}

interface MediaMatch {
  id: number;
  sha256: string;
  stored_path: string;
}

/**
 * Takes one source file into the archive by the commit protocol and registers it with its audit entry in one
 * transaction; a file the archive already holds becomes a duplicate entry. Throws what the caller records as a
 * failure (an AppError).
 */
export async function ingestFile(c: CandidateOriginal, ctx: FileContext): Promise<FileDone> {
  return (await startFile(c, ctx)).finish();
}

/**
 * A file taken as far as the end of its copy: nothing is placed or registered yet. Exactly one of `finish` (place
 * and register, or record the duplicate; throws what the caller records as a failure) and `discard` is called.
 */
export interface StartedFile {
  finish(): Promise<FileDone>;
  discard(): Promise<void>;
}

/**
 * Stored paths chosen by a file of this process that is not registered yet: the next file is chosen its place
 * while the one before it finishes (`run.ts`), so the registered rows alone no longer tell which names are taken.
 * Keys are the absolute path in lower case (see findPlace).
 */
const chosen = new Set<string>();

/** The first half of ingestFile: the checks, the probe, the place and the copy (`copyOriginal`). */
export async function startFile(c: CandidateOriginal, ctx: FileContext): Promise<StartedFile> {
  // A file seen before under the same name and size: prove it by hashing the source, no copy.
  const seen = ctx.lookups.byNameSize.all(c.name, c.size);
  if (seen.length) {
    const sha = await hashFile(c.path, ctx.signal).catch((e: unknown) => {
      throw toIngestError(e, 'source', c.path);
    });
    const match = seen.find((s) => s.sha256 === sha);
    if (match) return { finish: () => Promise.resolve(markDuplicate(c, match, ctx)), discard: () => Promise.resolve() };
  }

  const probe: ProbeResult = c.size === 0 ? { readable: false, hasAudio: false, hasVideo: false } : await probeMedia(c.path, { timeoutMs: ctx.probeTimeoutMs ?? 15_000 });
  const plan = planFile(c, probe, { dockedAt: ctx.dockedAt, timeZone: ctx.timeZone });
  const place = await findPlace(c, plan.day, ctx);
  const abs = toAbsolute(ctx.store.paths.root, place.rel);
  const release = (): boolean => chosen.delete(abs.toLowerCase());
  const register = async (sha256: string): Promise<FileDone> => {
    const dup = ctx.lookups.bySha.get(sha256);
    if (dup) {
      // The same bytes under another name: keep one copy only.
      await chmod(abs, 0o644).catch(() => undefined);
      await rm(abs, { force: true });
      return markDuplicate(c, dup, ctx);
    }
    const outcome = registerMedia(c, plan, place.rel, sha256, probe, ctx);
    ctx.onStep?.('registered', c.relPath);
    return { outcome, day: plan.day, recorderTime: plan.clockSuspect ? null : (plan.end ?? plan.start) };
  };
  const adopted = place.adoptedSha256;
  if (adopted) return { finish: () => register(adopted).finally(release), discard: () => Promise.resolve(void release()) };
  try {
    const copied = await copyOriginal({
      sourcePath: c.path,
      incomingDir: ctx.store.paths.incoming,
      finalPath: abs,
      signal: ctx.signal,
      onBytes: ctx.onBytes,
      onStep: (step) => ctx.onStep?.(step, c.relPath),
      afterRead: ctx.afterRead,
    });
    return {
      finish: async () => register((await copied.finish()).sha256).finally(release),
      discard: () => copied.discard().finally(release),
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A free stored path for the file, in any case: two names differing only in case would hide one another on
 * Windows, macOS and an exFAT backup drive. A file a crash left placed but unregistered, with the same bytes, is
 * adopted instead of copied again. The path returned is in `chosen` until the file is registered or given up.
 */
async function findPlace(c: CandidateOriginal, day: string, ctx: FileContext): Promise<{ rel: string; adoptedSha256: string | null }> {
  const registeredIgnoringCase = (rel: string): boolean => {
    const dir = rel.slice(0, rel.lastIndexOf('/'));
    const key = rel.toLowerCase();
    return ctx.lookups.inFolder.all(`${dir}/`, `${dir}0`).some((r) => r.stored_path.toLowerCase() === key);
  };
  for (let n = 1; ; n++) {
    const rel = storedRelPath(day, ctx.recorderLabel, c.name, n);
    const abs = toAbsolute(ctx.store.paths.root, rel);
    const onDisk = await stat(abs).catch(() => null);
    // Checked and taken with no await between: another file of this process cannot take it meanwhile.
    const key = abs.toLowerCase();
    if (chosen.has(key) || registeredIgnoringCase(rel)) continue;
    chosen.add(key);
    if (!onDisk) return { rel, adoptedSha256: null };
    try {
      if (onDisk.size === c.size) {
        const [a, b] = await Promise.all([hashFile(abs, ctx.signal), hashFile(c.path, ctx.signal)]);
        if (a === b) {
          await chmod(abs, 0o444);
          return { rel, adoptedSha256: a };
        }
      }
    } catch (e) {
      chosen.delete(key);
      throw e;
    }
    chosen.delete(key);
  }
}

/** A crash after registering but before the manifest: the rerun sees a duplicate and still refreshes the day. */
function markDuplicate(c: CandidateOriginal, existing: MediaMatch, ctx: FileContext): FileDone {
  const { db } = ctx.store;
  const d = db.prepare('SELECT day FROM media WHERE id = ?').get(existing.id) as { day: string };
  const m = db.prepare('SELECT files FROM day_manifests WHERE day = ?').get(d.day) as { files: number } | undefined;
  const n = db.prepare('SELECT COUNT(*) AS n FROM media WHERE day = ?').get(d.day) as { n: number };
  const outcome: IngestItemOutcome = { relPath: c.relPath, outcome: 'duplicate', mediaId: existing.id, sha256: existing.sha256, storedPath: existing.stored_path };
  db.transaction(() => {
    insertIngestItem(db, ctx.sessionId, c, outcome);
    ctx.audit(db, 'media.duplicate', `media:${existing.id}`, { session: ctx.sessionId, source: c.relPath, sha256: existing.sha256 });
  })();
  return { outcome, day: !m || m.files !== n.n ? d.day : null, recorderTime: null };
}

/** The media row, the item row, the session's counters and the audit entry: one transaction. */
function registerMedia(c: CandidateOriginal, plan: FilePlan, rel: string, sha256: string, probe: ProbeResult, ctx: FileContext): IngestItemOutcome {
  const db: Db = ctx.store.db;
  const officer = (ctx.recorder && !plan.clockSuspect ? officerAt(db, ctx.recorder.id, plan.start) : null) ?? ctx.officer;
  const now = ctx.now();
  return db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, recorder_id, officer_id, ingest_session_id,
           start_at, end_at, start_source, day, duration_sec, container, video_codec, audio_codec, width, height, has_audio, flags,
           retention_until, created_at, start_rule)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sha256,
        c.size,
        rel,
        c.name,
        c.relPath,
        plan.kind,
        ctx.recorder?.id ?? null,
        officer?.id ?? null,
        ctx.sessionId,
        plan.start.toISOString(),
        plan.end?.toISOString() ?? null,
        plan.startSource,
        plan.day,
        plan.durationSec,
        probe.container ?? null,
        probe.videoCodec ?? null,
        probe.audioCodec ?? null,
        probe.width ?? null,
        probe.height ?? null,
        probe.hasAudio ? 1 : 0,
        JSON.stringify(plan.flags),
        retentionUntil(plan.start > now ? now : plan.start, ctx.retentionMonths).toISOString(),
        now.toISOString(),
        plan.startRule,
      ).lastInsertRowid as number;
    const outcome: IngestItemOutcome = {
      relPath: c.relPath,
      outcome: 'stored',
      mediaId: id,
      sha256,
      storedPath: rel,
      flags: plan.flags,
      durationSec: plan.durationSec,
      hasAudio: probe.hasAudio,
    };
    insertIngestItem(db, ctx.sessionId, c, outcome);
    db.prepare('UPDATE ingest_sessions SET files_stored = files_stored + 1, bytes_stored = bytes_stored + ? WHERE id = ?').run(c.size, ctx.sessionId);
    ctx.audit(db, 'media.ingest', `media:${id}`, {
      session: ctx.sessionId,
      sha256,
      size: c.size,
      storedPath: rel,
      source: c.relPath,
      start: plan.start.toISOString(),
      startSource: plan.startSource,
      startRule: plan.startRule,
      flags: plan.flags,
      officer: officer?.badgeNo ?? null,
    });
    return outcome;
  })();
}
