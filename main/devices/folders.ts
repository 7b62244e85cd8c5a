import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AppError } from '../common';

/** One folder in the browser host's folder picker. */
export interface FolderEntry {
  name: string;
  path: string;
}

/** What the folder picker shows: the allowed roots, or one folder under them with its subfolders. */
export interface FolderListing {
  roots: FolderEntry[];
  /** null: the list of roots itself. */
  path: string | null;
  /** null at a root (go back to the list of roots). */
  parent: string | null;
  folders: FolderEntry[];
}

/** Where removable media is mounted on each system, besides the configured folders and the user's home. */
export function removableMediaBases(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'linux') return ['/media', '/run/media', '/mnt'];
  if (platform === 'darwin') return ['/Volumes'];
  if (platform === 'win32') return 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`);
  return [];
}

/** The roots the folder picker may show: configured folders, removable-media mount points and the user's home. */
export function defaultBrowseRoots(configured: readonly string[]): string[] {
  return [...configured, ...removableMediaBases(), homedir()];
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** `child` is `parent` or somewhere below it (both resolved through symlinks). */
export function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(real(parent), real(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Either folder holds the other: copying between them would read or write the archive itself. */
export function overlaps(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

const entry = (p: string): FolderEntry => ({ name: path.basename(p) || p, path: p });

function subfolders(dir: string, hidden: readonly string[]): FolderEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.') && !n.startsWith('$'))
    .map((n) => path.join(dir, n))
    .filter((p) => {
      try {
        return statSync(p).isDirectory() && !hidden.some((h) => isWithin(p, h));
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(entry);
}

/**
 * The folder picker's server side: only folders under the allowed roots are listed, never the `hidden` ones (the
 * archive). A path outside the roots is refused.
 */
export function listFolders(roots: readonly string[], dir: string | null, hidden: readonly string[]): FolderListing {
  const existing = [...new Set(roots.map((r) => path.resolve(r)))].filter((r) => existsSync(r) && !hidden.some((h) => isWithin(r, h)));
  const rootEntries = existing.map(entry);
  if (dir === null) return { roots: rootEntries, path: null, parent: null, folders: rootEntries };
  const target = path.resolve(dir);
  const root = existing.find((r) => isWithin(target, r));
  if (!root || hidden.some((h) => isWithin(target, h)) || !statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('FOLDER_NOT_ALLOWED', '只能在允许的位置（移动存储、配置的文件夹、用户目录）中选择文件夹', `not under an allowed root: ${target}`);
  }
  const parent = real(target) === real(root) ? null : path.dirname(target);
  return { roots: rootEntries, path: target, parent, folders: subfolders(target, hidden) };
}

/** A recorder's storage, by the cheap signs (a DCIM folder or a recorder info file at its root). */
export function looksLikeRecorder(dir: string): boolean {
  try {
    return readdirSync(dir).some((n) => /^(dcim|device\.txt|deviceinfo\.txt|zfyinfo\.txt)$/i.test(n));
  } catch {
    return false;
  }
}
