import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { archivePaths, type Db } from '../store';
import { sealFileDays, sealFileNames } from '../audit';
import { commitOriginal } from './commit';
import { hashFile } from './copy-hash';
import { dayRelDir, toAbsolute } from './layout';
import { MANIFEST_NAME, SIGNATURE_NAME } from './manifest';

export interface BackupResult {
  /** Folder the week was copied into. */
  folder: string;
  filesCopied: number;
  filesAlreadyThere: number;
  bytesCopied: number;
  /** Audit day seal files (`.json` and `.p7s`) copied into `seals/` this time. */
  sealFilesCopied: number;
  /** Every copy was read back and matched its registered hash. */
  verified: boolean;
  problems: string[];
}

/**
 * Copies a week's originals, their signed day manifests, every audit day seal and the office CA to
 * a second folder or drive, laid out like the archive so `sha256sum -c` and `openssl cms -verify`
 * work there too, and reads every copy back. A rerun skips copies that already verify.
 */
export async function backupDays(
  archiveRoot: string,
  db: Db,
  days: string[],
  targetRoot: string,
  label: string,
  opts: { signal?: AbortSignal; onFile?: (done: number, total: number) => void } = {},
): Promise<BackupResult> {
  const folder = path.join(targetRoot, 'evidence-backup', label);
  const incoming = path.join(targetRoot, 'evidence-backup', '.incoming');
  await mkdir(incoming, { recursive: true });
  const rows = db
    .prepare(`SELECT sha256, size, stored_path FROM media WHERE day IN (${days.map(() => '?').join(',')}) ORDER BY stored_path`)
    .all(...days) as { sha256: string; size: number; stored_path: string }[];
  const result: BackupResult = { folder, filesCopied: 0, filesAlreadyThere: 0, bytesCopied: 0, sealFilesCopied: 0, verified: true, problems: [] };
  let done = 0;
  for (const r of rows) {
    const target = toAbsolute(folder, r.stored_path);
    const existing = await stat(target).catch(() => null);
    if (existing) {
      if ((await hashFile(target, opts.signal)) === r.sha256) result.filesAlreadyThere++;
      else {
        result.verified = false;
        result.problems.push(`backup copy differs and was left untouched: ${r.stored_path}`);
      }
    } else {
      const { sha256 } = await commitOriginal({ sourcePath: toAbsolute(archiveRoot, r.stored_path), incomingDir: incoming, finalPath: target, signal: opts.signal });
      if (sha256 !== r.sha256) {
        result.verified = false;
        result.problems.push(`archive original does not match its registered hash: ${r.stored_path}`);
      }
      result.filesCopied++;
      result.bytesCopied += r.size;
    }
    opts.onFile?.(++done, rows.length);
  }
  for (const day of days) {
    const from = toAbsolute(archiveRoot, dayRelDir(day));
    const names = await readdir(from).catch(() => [] as string[]);
    for (const name of [MANIFEST_NAME, SIGNATURE_NAME].filter((n) => names.includes(n))) {
      const to = toAbsolute(folder, `${dayRelDir(day)}/${name}`);
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(path.join(from, name), to);
      if ((await hashFile(to)) !== (await hashFile(path.join(from, name)))) {
        result.verified = false;
        result.problems.push(`manifest copy differs: ${dayRelDir(day)}/${name}`);
      }
    }
  }
  await backupSealFiles(archivePaths(archiveRoot).seals, path.join(folder, 'seals'), incoming, result);
  await mkdir(path.join(folder, 'certs'), { recursive: true });
  await copyFile(path.join(archiveRoot, 'certs', 'office-ca.pem'), path.join(folder, 'certs', 'office-ca.pem'));
  return result;
}

/**
 * Every seal so far, not just the week's: one backup then holds the whole seal chain up to its
 * day, and a seal file rewritten in the archive later differs from its copy here. A copy that is
 * already there and differs is never replaced.
 */
async function backupSealFiles(from: string, to: string, incoming: string, result: BackupResult): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const day of sealFileDays(from)) {
    const n = sealFileNames(day);
    for (const name of [n.json, n.p7s]) {
      const source = path.join(from, name);
      const target = path.join(to, name);
      const sourceHash = await hashFile(source).catch(() => null);
      if (sourceHash === null) continue;
      if (await stat(target).catch(() => null)) {
        if ((await hashFile(target)) !== sourceHash) {
          result.verified = false;
          result.problems.push(`backup seal file differs from the archive's and was left untouched: seals/${name}`);
        }
        continue;
      }
      // Through a temporary name: an interrupted copy never leaves a half file to be taken as a differing one.
      const tmp = path.join(incoming, `${name}.${process.pid}.tmp`);
      await copyFile(source, tmp);
      await rename(tmp, target);
      result.sealFilesCopied++;
      if ((await hashFile(target)) !== sourceHash) {
        result.verified = false;
        result.problems.push(`seal file copy differs: seals/${name}`);
      }
    }
  }
}
