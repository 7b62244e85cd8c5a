import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../common';
import { commitOriginal, DAY_RECORD_NAMES, toAbsolute } from '../ingest';
import { ensureArchiveLayout } from '../store';
import { checkGeneration, describeProblem, listGenerations, pickGeneration, type GenerationCheck, type GenerationProblem } from './check';
import { copyTree, listFiles } from './files';
import { BACKUP_ROOT_FROM_GENERATION, backupPaths, DAY_MANIFESTS, SNAPSHOT_NAME } from './layout';

/** What a restore brought back, and plainly what the backup does not hold. */
export interface RestoreReport {
  generation: string;
  /** When the generation was taken (ISO). */
  takenAt: string;
  manifestSha256: string;
  /** The custodian whose signature covers the manifest. */
  signedBy: string | null;
  originals: number;
  files: number;
  notHeld: {
    /** Generations taken after this one (restoring an older one leaves out what they hold). */
    newerGenerations: string[];
    /** Originals on the backup drive that this generation does not register (ingested after it was taken). */
    originalsNotInGeneration: string[];
  };
}

export class BackupUntrusted extends AppError {
  constructor(readonly problems: GenerationProblem[]) {
    super(
      'BACKUP_UNTRUSTED',
      `备份校验未通过，未恢复任何内容：${problems.slice(0, 5).map(describeProblem).join('；')}${problems.length > 5 ? ` 等 ${problems.length} 项` : ''}`,
      `backup check failed: ${problems.map((p) => `${p.kind} ${p.path}`).join('; ')}`,
    );
  }
}

/** How far a restore is: files (and their bytes) of the generation checked against its manifest, then originals copied. */
export interface RestoreProgress {
  phase: 'check' | 'copy';
  done: number;
  total: number;
  /** Bytes of the files done so far in this phase. */
  bytes: number;
}

/** The points a restore passes; the crash test kills the process at each. */
export type RestoreStep = 'original' | 'staged' | 'audited';

/** Where a restore is built before it is renamed into place: beside the archive, on the same file system. */
export function stagingFor(archiveRoot: string): string {
  return `${path.resolve(archiveRoot)}.restoring`;
}

/**
 * Checks the generation (every hash, the signature) and, only if all is well, builds the archive folder from it in
 * a staging folder beside `archiveRoot`: the snapshot, forms, disc records, certificates, seal files, day manifests,
 * and every original by the commit protocol (read back, read-only). Nothing is placed yet: `placeRestore` does that.
 */
export async function stageRestore(a: {
  backupDir: string;
  generation?: string;
  archiveRoot: string;
  at: Date;
  /** The generation's check, when the caller has just made it (the drill): not hashed twice. */
  checked?: GenerationCheck;
  /** Called after each original is in the staging folder and once all is staged. */
  onStep?: (step: RestoreStep) => void;
  /** Told when a staging folder left by an interrupted restore is thrown away. */
  onLeftover?: (staging: string) => void;
  /** Told after each file checked and each original copied. */
  onProgress?: (p: RestoreProgress) => void;
}): Promise<{ staging: string; report: RestoreReport }> {
  const generation = a.checked?.generation ?? (await pickGeneration(a.backupDir, a.generation));
  let checkedBytes = 0;
  const onFile = a.onProgress && ((done: number, total: number, bytes: number) => a.onProgress?.({ phase: 'check', done, total, bytes: (checkedBytes += bytes) }));
  const check = a.checked ?? (await checkGeneration(a.backupDir, generation, { at: a.at, ...(onFile ? { onFile } : {}) }));
  if (!check.ok || !check.info || !check.manifestSha256) throw new BackupUntrusted(check.problems.length ? check.problems : [{ path: 'backup-info.json', kind: 'missing' }]);
  assertRestorable(a.archiveRoot);

  const staging = stagingFor(a.archiveRoot);
  // A leftover of an interrupted restore was never placed and is never trusted: it is rebuilt from the checked backup.
  if (existsSync(staging)) {
    a.onLeftover?.(staging);
    await rm(staging, { recursive: true, force: true });
  }
  const paths = ensureArchiveLayout(staging);
  const folder = check.folder;
  await copyFile(path.join(folder, SNAPSHOT_NAME), paths.db);
  let files = 1;
  for (const name of ['forms', 'discs', 'certs', 'seals']) {
    const c = await copyTree(path.join(folder, name), path.join(staging, name));
    if (c.problems.length) throw new AppError('RESTORE_FAILED', `恢复时复制文件出错：${c.problems[0]}`);
    files += c.files.length;
  }
  const dm = await copyTree(path.join(folder, DAY_MANIFESTS), staging);
  files += dm.files.length;
  const prefix = `${BACKUP_ROOT_FROM_GENERATION}/`;
  const originals = check.lines.filter((l) => l.relPath.startsWith(prefix));
  let copiedBytes = 0;
  for (const [i, o] of originals.entries()) {
    const stored = o.relPath.slice(prefix.length);
    const { sha256, size } = await commitOriginal({ sourcePath: path.resolve(folder, o.relPath), incomingDir: paths.incoming, finalPath: toAbsolute(staging, stored) });
    if (sha256 !== o.sha256) throw new AppError('RESTORE_FAILED', `恢复的原始文件与备份清单不符：${stored}`);
    a.onProgress?.({ phase: 'copy', done: i + 1, total: originals.length, bytes: (copiedBytes += size) });
    a.onStep?.('original');
  }
  a.onStep?.('staged');

  const bp = backupPaths(a.backupDir);
  const inGeneration = new Set(originals.map((o) => o.relPath.slice(prefix.length)));
  const pool = (await listFiles(bp.originals)).map((f) => `originals/${f}`).filter((f) => !DAY_RECORD_NAMES.includes(path.posix.basename(f)));
  const newer = (await listGenerations(a.backupDir)).filter((g) => g > generation).sort();
  return {
    staging,
    report: {
      generation,
      takenAt: check.info.takenAt,
      manifestSha256: check.manifestSha256,
      signedBy: check.signedBy,
      originals: originals.length,
      files,
      notHeld: { newerGenerations: newer, originalsNotInGeneration: pool.filter((f) => !inGeneration.has(f)) },
    },
  };
}

/** A restore goes only into a folder with no archive in it (at most the empty layout a first start made). */
function assertRestorable(archiveRoot: string): void {
  if (!existsSync(archiveRoot)) return;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const files = walk(archiveRoot).filter((f) => !/evidence\.db(-wal|-shm)?$/.test(f) && !f.includes(`${path.sep}logs${path.sep}`));
  if (files.length) throw new AppError('ARCHIVE_NOT_EMPTY', '所选档案库文件夹不是空的，不能恢复到这里', `archive folder not empty: ${files[0]}`);
}

/** Renames the staged archive into place (replacing an empty first-start layout). */
export async function placeRestore(staging: string, archiveRoot: string): Promise<void> {
  assertRestorable(archiveRoot);
  await rm(archiveRoot, { recursive: true, force: true });
  await mkdir(path.dirname(path.resolve(archiveRoot)), { recursive: true });
  await rename(staging, archiveRoot);
}

/** Throws away a staged restore (a wrong password, or a refused user). */
export async function discardRestore(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
