import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IntegrityProblemKind } from '../common';
import type { Db } from '../store';
import { readAndHash } from './copy-hash';
import { isIngestError } from './errors';
import { dayRelDir, toAbsolute } from './layout';
import { DAY_RECORD_NAMES, dayManifestEntries, manifestText, MANIFEST_NAME, SIGNATURE_NAME } from './manifest';

export interface IntegrityScope {
  /** Inclusive YYYY-MM-DD bounds; both absent = everything. */
  fromDay?: string;
  toDay?: string;
}

export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  path: string;
  mediaId?: number;
  expected?: string;
  actual?: string;
  /** English, for logs and the CLI. */
  message: string;
}

/** An original disposed of by an executed disposal (art. 11(3)): not missing, and named with its signed record. */
export interface DisposedOriginal {
  mediaId: number;
  path: string;
  sha256: string;
  disposalId: number;
  disposedAt: string;
  /** The signed disposal record in forms/ (DOCX, with `.p7s` beside it). */
  recordFile: string;
  /** The bytes are still on disk: the disposal was committed but its removal did not finish. */
  bytesPresent: boolean;
}

export interface IntegrityReport {
  scope: IntegrityScope;
  checked: number;
  bytes: number;
  missing: number;
  changed: number;
  extra: number;
  manifestProblems: number;
  /** Disposed originals, each with its record; never counted as missing. */
  disposed: DisposedOriginal[];
  /** Stopped on request before the end: only `checked` originals were re-hashed, and nothing else was looked at. */
  cancelled: boolean;
  ok: boolean;
  problems: IntegrityProblem[];
}


function inScope(day: string, s: IntegrityScope): boolean {
  return (!s.fromDay || day >= s.fromDay) && (!s.toDay || day <= s.toDay);
}

async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkFiles(p)));
    else out.push(p);
  }
  return out;
}

/** A disposal record's file and signature as stored; each record is checked once however many files it lists. */
async function disposalRecordProblems(
  formsDir: string,
  recordFile: string,
  recordSha256: string,
  signatureFile: string,
  verifySignature: ((content: Buffer, signature: Buffer) => { ok: boolean; reason?: string }) | undefined,
  checked: Set<string>,
): Promise<IntegrityProblem[]> {
  if (checked.has(recordFile)) return [];
  checked.add(recordFile);
  const rel = `forms/${recordFile}`;
  const content = await readFile(path.join(formsDir, recordFile)).catch(() => null);
  if (!content) return [{ kind: 'disposal_record', path: rel, message: `销毁记录缺失：${rel}` }];
  if (createHash('sha256').update(content).digest('hex') !== recordSha256) {
    return [{ kind: 'disposal_record', path: rel, expected: recordSha256, message: `销毁记录已被改动：${rel}` }];
  }
  if (!verifySignature) return [];
  const sig = await readFile(path.join(formsDir, signatureFile)).catch(() => null);
  const check = sig ? verifySignature(content, sig) : { ok: false, reason: 'signature file missing' };
  return check.ok ? [] : [{ kind: 'disposal_record', path: `forms/${signatureFile}`, message: `销毁记录签名无效：${check.reason ?? '原因不明'}` }];
}

/**
 * Re-hashes every original in scope against the store and looks for files nobody registered.
 * Also checks each day's manifest against the store and its signature.
 */
export async function checkIntegrity(
  root: string,
  db: Db,
  scope: IntegrityScope,
  opts: {
    verifySignature?: (content: Buffer, signature: Buffer) => { ok: boolean; reason?: string };
    /** The archive's forms/ folder, where disposal records are kept (default `<root>/forms`). */
    formsDir?: string;
    /** Originals done of all in scope and bytes re-hashed of all theirs: after each original and each chunk hashed. */
    onProgress?: (done: number, total: number, bytes: number, totalBytes: number) => void;
    /** Cancels the check: it stops at once and reports what it had checked (`cancelled`). */
    signal?: AbortSignal;
  } = {},
): Promise<IntegrityReport> {
  const rows = (db
    .prepare(
      `SELECT m.id, m.sha256, m.size, m.stored_path, m.day, d.id AS disposal_id, m.disposed_at, d.record_file, d.record_sha256, d.signature_file
       FROM media m LEFT JOIN disposals d ON d.id = m.disposal_id AND d.state = 'executed' ORDER BY m.day, m.stored_path`,
    )
    .all() as {
    id: number;
    sha256: string;
    size: number;
    stored_path: string;
    day: string;
    disposal_id: number | null;
    disposed_at: string | null;
    record_file: string | null;
    record_sha256: string | null;
    signature_file: string | null;
  }[]).filter((r) => inScope(r.day, scope));
  const problems: IntegrityProblem[] = [];
  const checkedRecords = new Set<string>();
  const disposed: DisposedOriginal[] = [];
  const formsDir = opts.formsDir ?? path.join(root, 'forms');
  let bytes = 0;
  let done = 0;
  let cancelled = false;
  const totalBytes = rows.reduce((n, r) => n + (r.disposal_id === null ? r.size : 0), 0);
  const progress = (fileBytes: number) => opts.onProgress?.(done, rows.length, bytes + fileBytes, totalBytes);
  for (const r of rows) {
    if (opts.signal?.aborted) {
      cancelled = true;
      break;
    }
    const abs = toAbsolute(root, r.stored_path);
    const st = await stat(abs).catch(() => null);
    if (r.disposal_id !== null && r.record_file && r.record_sha256 && r.signature_file && r.disposed_at) {
      disposed.push({ mediaId: r.id, path: r.stored_path, sha256: r.sha256, disposalId: r.disposal_id, disposedAt: r.disposed_at, recordFile: r.record_file, bytesPresent: !!st });
      problems.push(...(await disposalRecordProblems(formsDir, r.record_file, r.record_sha256, r.signature_file, opts.verifySignature, checkedRecords)));
    } else if (!st) {
      problems.push({ kind: 'missing', path: r.stored_path, mediaId: r.id, expected: r.sha256, message: `原始文件缺失（档案中找不到）：${r.stored_path}` });
    } else {
      let actual: string;
      try {
        actual = (await readAndHash(abs, 'source', { ...(opts.signal ? { signal: opts.signal } : {}), onBytes: progress })).sha256;
      } catch (e) {
        if (opts.signal?.aborted && isIngestError(e) && e.code === 'ABORTED') {
          cancelled = true;
          break;
        }
        throw e;
      }
      bytes += st.size;
      if (actual !== r.sha256 || st.size !== r.size) {
        problems.push({ kind: 'changed', path: r.stored_path, mediaId: r.id, expected: r.sha256, actual, message: `原始文件已被改动（SHA-256 与入库时不同）：${r.stored_path}` });
      }
    }
    done++;
    progress(0);
  }
  if (cancelled) return report(scope, done - disposed.length, bytes, disposed, problems, true);

  // Days present on disk or in the store within scope.
  const registered = new Set((db.prepare('SELECT stored_path FROM media').all() as { stored_path: string }[]).map((r) => r.stored_path));
  const dayDirs = new Set<string>(rows.map((r) => r.day));
  for (const y of await readdir(path.join(root, 'originals')).catch(() => [] as string[])) {
    for (const m of await readdir(path.join(root, 'originals', y)).catch(() => [] as string[])) {
      for (const d of await readdir(path.join(root, 'originals', y, m)).catch(() => [] as string[])) {
        const day = `${y}-${m}-${d}`;
        if (/^\d{4}-\d{2}-\d{2}$/.test(day) && inScope(day, scope)) dayDirs.add(day);
      }
    }
  }
  for (const day of [...dayDirs].sort()) {
    const dir = toAbsolute(root, dayRelDir(day));
    for (const file of await walkFiles(dir)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const base = path.basename(file);
      if (path.dirname(file) === dir && DAY_RECORD_NAMES.includes(base)) continue;
      if (!registered.has(rel)) problems.push({ kind: 'extra', path: rel, message: `档案中有未登记的文件：${rel}` });
    }
    const entries = dayManifestEntries(db, day);
    if (!entries.length) continue;
    const manifestPath = path.join(dir, MANIFEST_NAME);
    const onDisk = await readFile(manifestPath).catch(() => null);
    const expected = Buffer.from(manifestText(entries), 'utf8');
    const rel = `${dayRelDir(day)}/${MANIFEST_NAME}`;
    if (!onDisk) problems.push({ kind: 'manifest', path: rel, message: `日清单缺失：${rel}` });
    else if (!onDisk.equals(expected)) problems.push({ kind: 'manifest', path: rel, message: `日清单与数据库记录不一致：${rel}` });
    else if (opts.verifySignature) {
      const sig = await readFile(path.join(dir, SIGNATURE_NAME)).catch(() => null);
      const check = sig ? opts.verifySignature(onDisk, sig) : { ok: false, reason: 'signature file missing' };
      if (!check.ok) problems.push({ kind: 'manifest', path: `${rel}.p7s`, message: `日清单签名无效：${check.reason ?? '原因不明'}` });
    }
  }

  return report(scope, rows.length - disposed.length, bytes, disposed, problems, false);
}

function report(scope: IntegrityScope, checked: number, bytes: number, disposed: DisposedOriginal[], problems: IntegrityProblem[], cancelled: boolean): IntegrityReport {
  const count = (k: IntegrityProblem['kind']) => problems.filter((p) => p.kind === k).length;
  return {
    scope,
    // Re-hashed originals; disposed ones are listed apart.
    checked,
    bytes,
    missing: count('missing'),
    changed: count('changed'),
    extra: count('extra'),
    manifestProblems: count('manifest'),
    disposed,
    cancelled,
    ok: !cancelled && problems.length === 0,
    problems,
  };
}

/** Keeps a finished check (rules art. 15); returns its id. */
export function recordIntegrityCheck(db: Db, c: { startedAt: Date; finishedAt: Date; scope: string; report: IntegrityReport; userId: number }): number {
  const r = c.report;
  return db
    .prepare('INSERT INTO integrity_checks (started_at, finished_at, scope, checked, missing, changed, extra, report, run_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.startedAt.toISOString(), c.finishedAt.toISOString(), c.scope, r.checked, r.missing, r.changed, r.extra, JSON.stringify(r), c.userId).lastInsertRowid as number;
}
