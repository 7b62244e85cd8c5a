import { closeSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The day seals as files in `seals/`: `<day>.json` is the signed content byte for byte and
 * `<day>.json.p7s` its detached CMS signature, so OpenSSL checks one without the program. Written
 * synchronously because sealing runs inside the login's database transaction.
 */

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json(\.p7s)?$/;

export function sealFileNames(day: string): { json: string; p7s: string } {
  return { json: `${day}.json`, p7s: `${day}.json.p7s` };
}

export interface SealFile {
  day: string;
  /** Null when that half of the pair is missing. */
  content: Buffer | null;
  signature: Buffer | null;
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function readSealFile(dir: string, day: string): SealFile | null {
  const n = sealFileNames(day);
  const content = readOrNull(path.join(dir, n.json));
  const signature = readOrNull(path.join(dir, n.p7s));
  return content || signature ? { day, content, signature } : null;
}

/** Days that have a seal file or half of one; other names in the folder are not ours and ignored. */
export function sealFileDays(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const days = new Set<string>();
  for (const n of names) {
    const m = DAY_FILE.exec(n);
    if (m?.[1]) days.add(m[1]);
  }
  return [...days].sort();
}

function writeTemp(tmpDir: string, name: string, data: Buffer): string {
  const tmp = path.join(tmpDir, `.${name}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not possible on every OS (Windows); the rename and link are atomic anyway.
  }
}

/**
 * Writes a day's seal pair unless its `.json` already exists: a seal file is never replaced, so a
 * forged database cannot overwrite the true seal of a day. The signature goes first and the content
 * last (by hard link, which fails on an existing name), so a reader never sees content without
 * its signature. Returns false when the day already had a file.
 */
export function writeSealFileOnce(dir: string, tmpDir: string, day: string, content: Buffer, signature: Buffer): boolean {
  const n = sealFileNames(day);
  const json = path.join(dir, n.json);
  if (readOrNull(json)) return false;
  renameSync(writeTemp(tmpDir, n.p7s, signature), path.join(dir, n.p7s));
  const tmp = writeTemp(tmpDir, n.json, content);
  try {
    linkSync(tmp, json);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  syncDir(dir);
  return true;
}
