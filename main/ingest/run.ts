import { chmod, rm, stat } from 'node:fs/promises';
import { statfs } from 'node:fs/promises';
import { AppError, formatBytes, localDay } from '../common';
import { officerAt, type Officer, type RecorderId } from '../devices';
import type { Logger } from '../log';
import { classifyKind, decideStartTime, mediaFlags, parseRecorderFileName, probeMedia, zonedToUtc, type MediaFlag, type ProbeResult } from '../media';
import type { AuditDetails, Db, Store } from '../store';
import { commitOriginal, type CommitStep } from './commit';
import { hashFile } from './copy-hash';
import { estimateDrift, type DriftEstimate } from './drift';
import { IngestError, toIngestError } from './errors';
import { storedRelPath, toAbsolute } from './layout';
import { writeDayManifest } from './manifest';
import { regroupRecordings } from './recordings';
import { retentionUntil } from './retention';
import type { CandidateOriginal, ScanResult } from './scan';

export type IngestSessionId = number & { readonly __brand: 'IngestSessionId' };

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
  audit: (db: Db, action: string, target: string | null, details: AuditDetails) => void;
  now: () => Date;
  log: Logger;
  onProgress?: (p: IngestProgress) => void;
  /** Called as soon as the session row exists, before any file is read. */
  onStarted?: (id: IngestSessionId) => void;
  signal?: AbortSignal;
  probeTimeoutMs?: number;
  /** Test seam: after each commit step and after the row is registered. */
  onStep?: (step: CommitStep | 'registered', relPath: string) => void;
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

function parseLocalText(timeZone: string) {
  return (text: string): Date | null => {
    const m = /(\d{4})\D?(\d{2})\D?(\d{2})\D*?(\d{2})\D?(\d{2})\D?(\d{2})/.exec(text);
    if (!m) return null;
    const [y, mo, d, hh, mm, ss] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    return zonedToUtc({ y, m: mo, d, hh, mm, ss }, timeZone);
  };
}

/**
 * Takes a scanned source into the archive: every file by the commit protocol, metadata and flags
 * from ffprobe, one media row and audit entry per stored file, recordings regrouped, day manifests
 * rewritten and signed. Re-running after an interruption skips what is already in.
 */
export async function runIngest(plan: IngestPlan, deps: IngestDeps): Promise<IngestResult> {
  const { store, log } = deps;
  const { db, paths } = store;
  const startedAt = deps.now();
  const originals = plan.scan.originals;
  const bytesTotal = originals.reduce((s, o) => s + o.size, 0);

  const sessionId = db.transaction(() => {
    const id = db
      .prepare(
        `INSERT INTO ingest_sessions (started_at, status, received_by, handed_over_by, recorder_id, source_label, source_kind, files_total, bytes_total)
         VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        startedAt.toISOString(),
        plan.receivedBy,
        plan.officer?.id ?? null,
        plan.recorder?.id ?? null,
        plan.sourceLabel,
        plan.scan.recorderVolume ? 'recorder' : 'folder',
        originals.length,
        bytesTotal,
      ).lastInsertRowid as number;
    deps.audit(db, 'ingest.start', `ingest:${id}`, {
      source: plan.sourceLabel,
      recorder: plan.recorder?.serial ?? null,
      officer: plan.officer ? `${plan.officer.name}(${plan.officer.badgeNo})` : null,
      files: originals.length,
      bytes: bytesTotal,
    });
    return id as IngestSessionId;
  })();
  deps.onStarted?.(sessionId);

  const items: IngestItemOutcome[] = [];
  const days = new Set<string>();
  let bytesDone = 0;
  let status: IngestResult['status'] = 'completed';
  let message: string | null = null;
  let newest: Date | undefined;
  const counts = { stored: 0, duplicates: 0, failed: 0 };
  // Throughput is elapsed time on a monotonic timer, not a reading of the (injectable) clock.
  const t0 = performance.now();

  const progress = (current: string | null, extra = 0) => {
    const elapsed = (performance.now() - t0) / 1000;
    const done = bytesDone + extra;
    const rate = elapsed > 0.2 ? done / elapsed : 0;
    deps.onProgress?.({
      sessionId,
      filesDone: items.length,
      filesTotal: originals.length,
      bytesDone: done,
      bytesTotal,
      currentFile: current,
      bytesPerSec: Math.round(rate),
      etaSec: rate > 0 ? Math.round((bytesTotal - done) / rate) : null,
      ...counts,
    });
  };

  const recordItem = (c: CandidateOriginal, outcome: IngestItemOutcome, sha256: string | null, mediaId: number | null, msg: string | null) => {
    db.prepare('INSERT INTO ingest_items (session_id, rel_path, size, sha256, outcome, media_id, message) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      sessionId,
      c.relPath,
      c.size,
      sha256,
      outcome.outcome,
      mediaId,
      msg,
    );
    items.push(outcome);
    if (outcome.outcome === 'stored') counts.stored++;
    else if (outcome.outcome === 'duplicate') counts.duplicates++;
    else counts.failed++;
  };

  const markDuplicate = (c: CandidateOriginal, existing: { id: number; sha256: string; stored_path: string }) => {
    // A crash after registering but before the manifest: the rerun sees a duplicate and still refreshes the day.
    const d = db.prepare('SELECT day FROM media WHERE id = ?').get(existing.id) as { day: string };
    const m = db.prepare('SELECT files FROM day_manifests WHERE day = ?').get(d.day) as { files: number } | undefined;
    const n = db.prepare('SELECT COUNT(*) AS n FROM media WHERE day = ?').get(d.day) as { n: number };
    if (!m || m.files !== n.n) days.add(d.day);
    db.transaction(() => {
      recordItem(c, { relPath: c.relPath, outcome: 'duplicate', mediaId: existing.id, sha256: existing.sha256, storedPath: existing.stored_path }, existing.sha256, existing.id, null);
      deps.audit(db, 'media.duplicate', `media:${existing.id}`, { session: sessionId, source: c.relPath, sha256: existing.sha256 });
    })();
  };

  const bySha = db.prepare('SELECT id, sha256, stored_path FROM media WHERE sha256 = ?');
  const byNameSize = db.prepare('SELECT id, sha256, stored_path FROM media WHERE original_name = ? AND size = ?');
  const inFolder = db.prepare('SELECT stored_path FROM media WHERE stored_path > ? AND stored_path < ?');
  /**
   * A stored file already has this path, in any case: two names differing only in case would hide one
   * another on Windows and macOS and on an exFAT backup drive (and there `stat` finds the other file, which
   * must never be taken for a crash's leftover).
   */
  const registeredIgnoringCase = (rel: string): boolean => {
    const dir = rel.slice(0, rel.lastIndexOf('/'));
    const key = rel.toLowerCase();
    return (inFolder.all(`${dir}/`, `${dir}0`) as { stored_path: string }[]).some((r) => r.stored_path.toLowerCase() === key);
  };

  for (const c of originals) {
    if (deps.signal?.aborted) {
      status = 'cancelled';
      message = '导入已取消；已保存的文件保留在档案中，再次导入会自动跳过。';
      break;
    }
    progress(c.relPath);
    try {
      // A file seen before under the same name and size: prove it by hashing the source, no copy.
      const seen = byNameSize.all(c.name, c.size) as { id: number; sha256: string; stored_path: string }[];
      if (seen.length) {
        const sha = await hashFile(c.path, deps.signal).catch((e: unknown) => {
          throw toIngestError(e, 'source', c.path);
        });
        const match = seen.find((s) => s.sha256 === sha);
        if (match) {
          markDuplicate(c, match);
          bytesDone += c.size;
          continue;
        }
      }

      const probe: ProbeResult = c.size === 0 ? { readable: false, hasAudio: false, hasVideo: false } : await probeMedia(c.path, { timeoutMs: deps.probeTimeoutMs ?? 15_000 });
      const kind = classifyKind(c.name, probe);
      const dockedAt = startedAt;
      const decision = decideStartTime({
        creationTime: probe.creationTime,
        fromName: c.nameInfo.startLocal ?? parseRecorderFileName(c.name).startLocal,
        mtime: c.mtime,
        dockedAt,
        timeZone: plan.timeZone,
      });
      const flags: MediaFlag[] = [...mediaFlags(probe, c.size, kind)];
      if (decision.clockSuspect) flags.push('clock_suspect');
      const duration = probe.durationSec && Number.isFinite(probe.durationSec) ? probe.durationSec : null;
      const start = decision.start;
      const end = duration !== null ? new Date(start.getTime() + duration * 1000) : null;
      if (!decision.clockSuspect) {
        const last = end ?? start;
        if (!newest || last > newest) newest = last;
      }
      const day = localDay(decision.clockSuspect ? dockedAt : start, plan.timeZone);
      const recorderLabel = plan.recorder?.serial ?? `未识别设备_${plan.sourceLabel}`;

      // Find a free stored path; adopt a file a crash left placed but unregistered.
      let rel = storedRelPath(day, recorderLabel, c.name);
      let adopted: string | null = null;
      for (let n = 2; ; n++) {
        const abs = toAbsolute(paths.root, rel);
        const onDisk = await stat(abs).catch(() => null);
        const registered = registeredIgnoringCase(rel);
        if (!onDisk && !registered) break;
        if (onDisk && !registered && onDisk.size === c.size) {
          const [a, b] = await Promise.all([hashFile(abs, deps.signal), hashFile(c.path, deps.signal)]);
          if (a === b) {
            adopted = a;
            await chmod(abs, 0o444);
            break;
          }
        }
        rel = storedRelPath(day, recorderLabel, c.name, n);
      }

      const abs = toAbsolute(paths.root, rel);
      let sha256: string;
      if (adopted) {
        sha256 = adopted;
      } else {
        const r = await commitOriginal({
          sourcePath: c.path,
          incomingDir: paths.incoming,
          finalPath: abs,
          signal: deps.signal,
          onBytes: (copied) => progress(c.relPath, copied),
          onStep: (step) => deps.onStep?.(step, c.relPath),
        });
        sha256 = r.sha256;
      }

      const dup = bySha.get(sha256) as { id: number; sha256: string; stored_path: string } | undefined;
      if (dup) {
        // The same bytes under another name: keep one copy only.
        await chmod(abs, 0o644).catch(() => undefined);
        await rm(abs, { force: true });
        markDuplicate(c, dup);
        bytesDone += c.size;
        continue;
      }

      const officer = (plan.recorder && !decision.clockSuspect ? officerAt(db, plan.recorder.id, start) : null) ?? plan.officer;
      const now = deps.now();
      const mediaId = db.transaction(() => {
        const id = db
          .prepare(
            `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, recorder_id, officer_id, ingest_session_id,
               start_at, end_at, start_source, day, duration_sec, container, video_codec, audio_codec, width, height, has_audio, flags,
               retention_until, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            sha256,
            c.size,
            rel,
            c.name,
            c.relPath,
            kind,
            plan.recorder?.id ?? null,
            officer?.id ?? null,
            sessionId,
            start.toISOString(),
            end?.toISOString() ?? null,
            decision.source,
            day,
            duration,
            probe.container ?? null,
            probe.videoCodec ?? null,
            probe.audioCodec ?? null,
            probe.width ?? null,
            probe.height ?? null,
            probe.hasAudio ? 1 : 0,
            JSON.stringify(flags),
            retentionUntil(start > now ? now : start, plan.retentionMonths).toISOString(),
            now.toISOString(),
          ).lastInsertRowid as number;
        recordItem(
          c,
          { relPath: c.relPath, outcome: 'stored', mediaId: id, sha256, storedPath: rel, flags, durationSec: duration, hasAudio: probe.hasAudio },
          sha256,
          id,
          null,
        );
        db.prepare('UPDATE ingest_sessions SET files_stored = files_stored + 1, bytes_stored = bytes_stored + ? WHERE id = ?').run(c.size, sessionId);
        deps.audit(db, 'media.ingest', `media:${id}`, {
          session: sessionId,
          sha256,
          size: c.size,
          storedPath: rel,
          source: c.relPath,
          start: start.toISOString(),
          startSource: decision.source,
          flags,
          officer: officer?.badgeNo ?? null,
        });
        return id;
      })();
      deps.onStep?.('registered', c.relPath);
      void mediaId;
      days.add(day);
      bytesDone += c.size;
    } catch (e) {
      const err = e instanceof IngestError || e instanceof AppError ? e : toIngestError(e, 'source', c.path);
      const code = err.code;
      log.warn('ingest item failed', { session: sessionId, file: c.relPath, code, error: err.message });
      if (code === 'ABORTED') {
        status = 'cancelled';
        message = '导入已取消；已保存的文件保留在档案中，再次导入会自动跳过。';
        break;
      }
      db.transaction(() => {
        recordItem(c, { relPath: c.relPath, outcome: 'failed', code, message: err.userMessage }, null, null, err.userMessage);
        deps.audit(db, 'media.ingest_failed', `ingest:${sessionId}`, { source: c.relPath, code });
      })();
      bytesDone += c.size;
      if (code === 'DISK_FULL') {
        status = 'failed';
        message = err.userMessage;
        break;
      }
      if (code === 'SOURCE_GONE') {
        status = 'interrupted';
        message = err.userMessage;
        break;
      }
    }
  }

  // Recordings for everything this run touched; a rerun after a crash also groups what the crashed
  // run stored but did not get to group.
  const touched = items.flatMap((i) => (i.outcome === 'failed' ? [] : [i.mediaId]));
  if (touched.length) {
    const groups = db
      .prepare(
        `SELECT recorder_id, MIN(ingest_session_id) AS session_id, MIN(start_at) AS a, MAX(COALESCE(end_at, start_at)) AS b,
                SUM(recording_id IS NULL AND end_at IS NOT NULL AND kind IN ('video', 'audio')) AS ungrouped
         FROM media WHERE id IN (${touched.map(() => '?').join(',')})
         GROUP BY recorder_id, CASE WHEN recorder_id IS NULL THEN ingest_session_id END`,
      )
      .all(...touched) as { recorder_id: number | null; session_id: number; a: string; b: string; ungrouped: number }[];
    db.transaction(() => {
      for (const g of groups) {
        if (counts.stored === 0 && g.ungrouped === 0) continue;
        regroupRecordings(db, { recorderId: g.recorder_id, sessionId: g.session_id }, new Date(g.a), new Date(g.b));
      }
    })();
  }
  for (const day of [...days].sort()) {
    try {
      const m = await writeDayManifest(paths.root, db, day, deps.sign);
      db.transaction(() => {
        db.prepare(
          `INSERT INTO day_manifests (day, files, sha256, signer_id, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(day) DO UPDATE SET files = excluded.files, sha256 = excluded.sha256, signer_id = excluded.signer_id, updated_at = excluded.updated_at`,
        ).run(day, m.files, m.sha256, plan.receivedBy, deps.now().toISOString());
        deps.audit(db, 'manifest.write', `day:${day}`, { files: m.files, sha256: m.sha256 });
      })();
    } catch (e) {
      log.error('day manifest write failed', { day, error: String(e) });
      status = status === 'completed' ? 'failed' : status;
      message ??= `第 ${day} 天的清单写入失败，请检查磁盘后运行完整性校验`;
    }
  }

  const drift = estimateDrift({ dockedAt: startedAt, info: plan.scan.recorder.info, parseLocal: parseLocalText(plan.timeZone), newestRecorderTime: newest });

  let sourceCleared = false;
  if (plan.clearSource && status === 'completed' && counts.failed === 0) {
    sourceCleared = await clearSource(store, sessionId, plan.scan, deps);
  }

  db.transaction(() => {
    db.prepare(
      `UPDATE ingest_sessions SET finished_at = ?, status = ?, files_duplicate = ?, files_failed = ?, clock_drift_sec = ?, clock_drift_basis = ?, source_cleared = ?, error = ? WHERE id = ?`,
    ).run(deps.now().toISOString(), status, counts.duplicates, counts.failed, drift?.seconds ?? null, drift?.basis ?? null, sourceCleared ? 1 : 0, message, sessionId);
    deps.audit(db, 'ingest.finish', `ingest:${sessionId}`, { status, ...counts, drift: drift?.seconds ?? null, sourceCleared });
  })();
  progress(null);
  return { sessionId, status, message, items, drift, days: [...days].sort(), sourceCleared };
}

/**
 * Deletes the session's files from the recorder, only after every stored copy (and every copy a
 * duplicate points to) is re-read and matches its registered hash (rules: nothing lost).
 */
async function clearSource(store: Store, sessionId: IngestSessionId, scan: ScanResult, deps: IngestDeps): Promise<boolean> {
  const rows = store.db
    .prepare(`SELECT i.rel_path, m.sha256, m.stored_path FROM ingest_items i JOIN media m ON m.id = i.media_id WHERE i.session_id = ? AND i.outcome IN ('stored', 'duplicate')`)
    .all(sessionId) as { rel_path: string; sha256: string; stored_path: string }[];
  for (const r of rows) {
    const actual = await hashFile(toAbsolute(store.paths.root, r.stored_path), deps.signal);
    if (actual !== r.sha256) {
      deps.log.error('clear source refused: stored copy does not verify', { stored: r.stored_path });
      return false;
    }
  }
  const byRel = new Map(scan.originals.map((o) => [o.relPath, o.path]));
  for (const r of rows) {
    const p = byRel.get(r.rel_path);
    if (p) await rm(p, { force: true });
  }
  store.db.transaction(() => deps.audit(store.db, 'ingest.clear_source', `ingest:${sessionId}`, { files: rows.length }))();
  return true;
}

/** After a crash, a session still marked running was interrupted; its stored files stay registered. */
export function markInterruptedSessions(db: Db): number {
  return db
    .prepare("UPDATE ingest_sessions SET status = 'interrupted', error = COALESCE(error, '程序意外退出，导入中断；再次导入会跳过已保存的文件') WHERE status = 'running'")
    .run().changes;
}
