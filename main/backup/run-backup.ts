import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashFile, manifestText } from '../ingest';
import { archivePaths, type Db } from '../store';
import { copyTree } from './files';
import { generationName, generationsToKeep, isGenerationName } from './generations';
import { BACKUP_INFO, BACKUP_MANIFEST, BACKUP_SIGNATURE, backupPaths, BACKUP_ROOT_FROM_GENERATION, SNAPSHOT_NAME } from './layout';
import { copyOriginals } from './originals';
import { takeSnapshot } from './snapshot';

export interface BackupResult {
  /** The generation folder. */
  folder: string;
  generation: string;
  filesCopied: number;
  filesAlreadyThere: number;
  bytesCopied: number;
  /** Audit day seal files (`.json` and `.p7s`) in the generation. */
  sealFilesCopied: number;
  /** Every copy was read back and matched. */
  verified: boolean;
  problems: string[];
  /** SHA-256 of the generation's signed backup-manifest-sha256.txt. */
  manifestSha256: string;
  /** Older generations removed by the keeping rule. */
  removed: string[];
}

/** What backup-info.json says about a generation. */
export interface BackupInfo {
  format: 'evidence-backup/1';
  generation: string;
  takenAt: string;
  timeZone: string;
  unitName: string;
  schemaVersion: number;
  originals: number;
  auditHead: { seq: number; hash: string } | null;
}

export interface BackupArgs {
  archiveRoot: string;
  db: Db;
  /** The backup target (a second drive or folder); evidence-backup/ is made in it. */
  targetRoot: string;
  now: Date;
  timeZone: string;
  unitName: string;
  /** Detached CMS signature as the custodian, for backup-manifest-sha256.txt. */
  sign: (content: Buffer) => Buffer;
  signal?: AbortSignal;
  onFile?: (done: number, total: number) => void;
  /** Called after each step; the crash test kills the process here. */
  onStep?: (step: 'snapshot' | 'originals' | 'files' | 'signed' | 'placed') => void;
}

/** Staged disc images are rebuilt from the originals; the disc's records (bag files, form, logs) are kept. */
function isDiscRecord(rel: string): boolean {
  return !rel.toLowerCase().endsWith('.iso') && !rel.includes('/data/originals/');
}

/**
 * One complete backup generation: a checked snapshot of the database, the originals it registers not yet on the
 * target (copied once into the shared pool, read back), the day manifests, forms, disc records, certificates and
 * seal files, and a signed manifest over all of it. Written under `.incoming/` and renamed into `generations/` at
 * the end, so an interrupted run leaves the previous generations as they were. Then old generations are pruned.
 */
export async function runBackup(a: BackupArgs): Promise<BackupResult> {
  const bp = backupPaths(a.targetRoot);
  const archive = archivePaths(a.archiveRoot);
  // What an interrupted run left is never a generation: start clean.
  await rm(bp.incoming, { recursive: true, force: true });
  await mkdir(bp.incoming, { recursive: true });
  await mkdir(bp.generations, { recursive: true });

  const existing = (await readdir(bp.generations)).filter(isGenerationName);
  let generation = generationName(a.now, a.timeZone);
  for (let n = 2; existing.includes(generation); n++) generation = `${generationName(a.now, a.timeZone)}-${n}`;
  const staging = path.join(bp.incoming, `${generation}.partial`);
  await mkdir(staging, { recursive: true });

  const snap = await takeSnapshot(a.db, path.join(staging, SNAPSHOT_NAME));
  a.onStep?.('snapshot');
  const originals = await copyOriginals(a.archiveRoot, snap.originals, bp.root, staging, path.join(bp.incoming, 'originals'), {
    ...(a.signal ? { signal: a.signal } : {}),
    ...(a.onFile ? { onFile: a.onFile } : {}),
  });
  a.onStep?.('originals');

  const problems = [...originals.problems];
  const files: { relPath: string; sha256: string }[] = [...originals.dayFiles];
  const trees: [string, string, ((rel: string) => boolean)?][] = [
    [archive.forms, 'forms'],
    [archive.discs, 'discs', isDiscRecord],
    [archive.certs, 'certs'],
    [archive.seals, 'seals'],
  ];
  let sealFilesCopied = 0;
  for (const [from, name, keep] of trees) {
    const copied = await copyTree(from, path.join(staging, name), keep);
    files.push(...copied.files.map((f) => ({ relPath: `${name}/${f.relPath}`, sha256: f.sha256 })));
    problems.push(...copied.problems.map((p) => `${name}/: ${p}`));
    if (name === 'seals') sealFilesCopied = copied.files.length;
  }
  const info: BackupInfo = {
    format: 'evidence-backup/1',
    generation,
    takenAt: a.now.toISOString(),
    timeZone: a.timeZone,
    unitName: a.unitName,
    schemaVersion: snap.schemaVersion,
    originals: snap.originals.length,
    auditHead: snap.head,
  };
  const infoText = `${JSON.stringify(info, null, 2)}\n`;
  await writeFile(path.join(staging, BACKUP_INFO), infoText);
  a.onStep?.('files');

  const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  const snapshotHash = await hashFile(path.join(staging, SNAPSHOT_NAME));
  const manifest = manifestText([
    { sha256: snapshotHash, relToDay: SNAPSHOT_NAME },
    { sha256: sha(infoText), relToDay: BACKUP_INFO },
    ...files.map((f) => ({ sha256: f.sha256, relToDay: f.relPath })),
    ...snap.originals.map((o) => ({ sha256: o.sha256, relToDay: `${BACKUP_ROOT_FROM_GENERATION}/${o.storedPath}` })),
  ]);
  const manifestBytes = Buffer.from(manifest, 'utf8');
  await writeFile(path.join(staging, BACKUP_MANIFEST), manifestBytes);
  await writeFile(path.join(staging, BACKUP_SIGNATURE), a.sign(manifestBytes));
  a.onStep?.('signed');

  const folder = path.join(bp.generations, generation);
  await rename(staging, folder);
  a.onStep?.('placed');

  const removed = await pruneGenerations(bp.generations, bp.incoming);
  return {
    folder,
    generation,
    filesCopied: originals.filesCopied,
    filesAlreadyThere: originals.filesAlreadyThere,
    bytesCopied: originals.bytesCopied,
    sealFilesCopied,
    verified: originals.verified && problems.length === 0,
    problems,
    manifestSha256: sha(manifestBytes),
    removed,
  };
}

/** Removes the generations the keeping rule drops: first moved out of generations/, so none is ever seen half gone. */
async function pruneGenerations(generations: string, incoming: string): Promise<string[]> {
  const names = (await readdir(generations)).filter(isGenerationName);
  const keep = generationsToKeep(names);
  const removed = names.filter((g) => !keep.has(g)).sort();
  for (const g of removed) {
    const trash = path.join(incoming, `${g}.removing`);
    await rename(path.join(generations, g), trash);
    await rm(trash, { recursive: true, force: true });
  }
  return removed;
}
