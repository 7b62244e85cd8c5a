import { readFile, readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../common';
import { verifyDetached, type Pem } from '../crypto';
import { hashFile } from '../ingest';
import { sortGenerations } from './generations';
import { BACKUP_INFO, BACKUP_MANIFEST, BACKUP_ROOT_FROM_GENERATION, BACKUP_SIGNATURE, backupPaths } from './layout';
import type { BackupInfo } from './run-backup';

export interface ManifestLine {
  sha256: string;
  /** Relative to the generation folder (originals: `../../originals/…`). */
  relPath: string;
}

export interface GenerationProblem {
  path: string;
  kind: 'missing' | 'changed' | 'signature' | 'manifest' | 'outside';
}

export interface GenerationCheck {
  ok: boolean;
  generation: string;
  folder: string;
  manifestSha256: string | null;
  signedBy: string | null;
  info: BackupInfo | null;
  lines: ManifestLine[];
  problems: GenerationProblem[];
}

/** The generations a backup holds, newest first. */
export async function listGenerations(backupDir: string): Promise<string[]> {
  return sortGenerations(await readdir(backupPaths(backupDir).generations).catch(() => [] as string[]));
}

/** `generation`, or the newest; refused when the backup holds none or not that one. */
export async function pickGeneration(backupDir: string, generation?: string): Promise<string> {
  const all = await listGenerations(backupDir);
  if (!all.length) throw new AppError('BACKUP_NOT_FOUND', '所选位置没有可用的备份', `no generation in ${backupDir}`);
  if (generation === undefined) return all[0]!;
  if (!all.includes(generation)) throw new AppError('BACKUP_NOT_FOUND', `备份中没有“${generation}”这一代`, `no generation ${generation}`);
  return generation;
}

export function parseBackupManifest(text: string): ManifestLine[] | null {
  const lines: ManifestLine[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) return null;
    lines.push({ sha256: m[1]!, relPath: m[2]! });
  }
  return lines;
}

/**
 * Checks a generation before anything in it is trusted: the manifest's signature against the office CA the
 * generation carries, then every listed file's hash (originals in the shared pool included). A path that would
 * leave the backup folder is a problem, never read.
 */
export async function checkGeneration(
  backupDir: string,
  generation: string,
  /** `presentOnly`: originals are only looked for, not hashed (listing generations; a restore hashes every one). */
  opts: { at?: Date; signal?: AbortSignal; originals?: 'hashed' | 'presentOnly'; onFile?: (done: number, total: number, bytes: number) => void } = {},
): Promise<GenerationCheck> {
  const bp = backupPaths(backupDir);
  const folder = path.join(bp.generations, generation);
  const result: GenerationCheck = { ok: false, generation, folder, manifestSha256: null, signedBy: null, info: null, lines: [], problems: [] };
  const manifest = await readFile(path.join(folder, BACKUP_MANIFEST)).catch(() => null);
  const signature = await readFile(path.join(folder, BACKUP_SIGNATURE)).catch(() => null);
  const ca = await readFile(path.join(folder, 'certs', 'office-ca.pem'), 'utf8').catch(() => null);
  if (!manifest) {
    result.problems.push({ path: BACKUP_MANIFEST, kind: 'missing' });
    return result;
  }
  result.manifestSha256 = createHash('sha256').update(manifest).digest('hex');
  if (!signature || !ca) result.problems.push({ path: signature ? 'certs/office-ca.pem' : BACKUP_SIGNATURE, kind: 'missing' });
  else {
    const v = verifyDetached({ content: manifest, signatureDer: signature, caCertPem: ca as Pem, ...(opts.at ? { at: opts.at } : {}) });
    if (v.ok) result.signedBy = v.signer?.commonName ?? null;
    else result.problems.push({ path: BACKUP_SIGNATURE, kind: 'signature' });
  }
  const lines = parseBackupManifest(manifest.toString('utf8'));
  if (!lines) {
    result.problems.push({ path: BACKUP_MANIFEST, kind: 'manifest' });
    return result;
  }
  result.lines = lines;
  let done = 0;
  for (const l of lines) {
    const abs = path.resolve(folder, l.relPath);
    if (!abs.startsWith(bp.root + path.sep)) {
      result.problems.push({ path: l.relPath, kind: 'outside' });
      opts.onFile?.(++done, lines.length, 0);
      continue;
    }
    const quick = opts.originals === 'presentOnly' && l.relPath.startsWith(`${BACKUP_ROOT_FROM_GENERATION}/`);
    const h = quick
      ? await stat(abs).then(() => l.sha256, () => null)
      : await hashFile(abs, opts.signal).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
    if (h === null) result.problems.push({ path: l.relPath, kind: 'missing' });
    else if (h !== l.sha256) result.problems.push({ path: l.relPath, kind: 'changed' });
    if (opts.onFile) opts.onFile(++done, lines.length, h === null ? 0 : (await stat(abs)).size);
  }
  if (lines.some((l) => l.relPath === BACKUP_INFO) && !result.problems.some((p) => p.path === BACKUP_INFO)) {
    result.info = JSON.parse(await readFile(path.join(folder, BACKUP_INFO), 'utf8')) as BackupInfo;
  }
  result.ok = result.problems.length === 0 && result.info !== null;
  return result;
}

const PROBLEM_LABELS: Record<GenerationProblem['kind'], string> = { missing: '缺失', changed: '内容不符', signature: '签名无效', manifest: '清单格式错误', outside: '路径越界' };

/** A problem as the restore screens name it: `evidence.db（内容不符）`. */
export function describeProblem(p: GenerationProblem): string {
  return `${p.path}（${PROBLEM_LABELS[p.kind]}）`;
}

/** One generation as the restore wizard lists it. */
export interface GenerationSummary {
  generation: string;
  takenAt: string | null;
  unitName: string | null;
  originals: number | null;
  signedBy: string | null;
  /** Signature valid and every file present (originals are hashed only by the restore itself). */
  ok: boolean;
  /** In Chinese, e.g. `evidence.db（内容不符）`; at most 5. */
  problems: string[];
}

/** Every generation a backup holds, newest first, with a quick check of each. */
export async function summarizeGenerations(backupDir: string, at: Date): Promise<GenerationSummary[]> {
  const out: GenerationSummary[] = [];
  for (const g of await listGenerations(backupDir)) {
    const c = await checkGeneration(backupDir, g, { at, originals: 'presentOnly' });
    out.push({
      generation: g,
      takenAt: c.info?.takenAt ?? null,
      unitName: c.info?.unitName ?? null,
      originals: c.info?.originals ?? null,
      signedBy: c.signedBy,
      ok: c.ok,
      problems: [...c.problems.slice(0, 5).map(describeProblem), ...(c.ok || c.problems.length ? [] : ['backup-info.json（缺失）'])],
    });
  }
  return out;
}
