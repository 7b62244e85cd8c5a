import type { Dir, Dirent } from 'node:fs';
import { lstat, opendir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { kindFromExtension, parseRecorderFileName } from '../media';
import type { MediaKind, RecorderFileName } from '../media';
import { errnoOf } from '../common';

export interface CandidateOriginal {
  path: string;
  /** Relative to the scanned root, with forward slashes. */
  relPath: string;
  name: string;
  size: number;
  mtime: Date;
  /** Guess by extension; the probe decides later. */
  kind: MediaKind;
  /** What the recorder naming says; {} when the name is not recorder-style. */
  nameInfo: RecorderFileName;
}

export type SkipReason = 'housekeeping' | 'hidden' | 'symlink' | 'special' | 'info_file';

export interface ScanResult {
  rootDir: string;
  /** The folder looks like a body-worn recorder's storage (see `volumeHints`). */
  recorderVolume: boolean;
  volumeHints: string[];
  recorder: {
    serial?: string;
    badge?: string;
    source: 'info_file' | 'file_names' | null;
    infoFile?: string;
    /** Other key/value pairs from the info file (model, firmware, …), upper-case keys. */
    info?: Record<string, string>;
    /** The info file's text, kept with the ingest session as a record of the docking. */
    infoText?: string;
  };
  originals: CandidateOriginal[];
  skipped: { relPath: string; reason: SkipReason }[];
  /** Entries that could not be read (permissions, vanished, I/O). Scanning goes on. */
  problems: { relPath: string; code: string; message: string }[];
  totalBytes: number;
}

// Files and folders operating systems and recorders create for themselves; never evidence.
export const HOUSEKEEPING_DIRS = new Set([
  'system volume information', '$recycle.bin', 'recycler', 'lost.dir', 'lost+found', 'found.000',
  '.trashes', '.trash', '.spotlight-v100', '.fseventsd', '.temporaryitems', '.documentrevisions-v100',
]);
export const HOUSEKEEPING_FILES = new Set([
  '.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', 'index.dat', 'autorun.inf', '.volumeicon.icns',
]);
export const HOUSEKEEPING_EXTS = new Set(['log', 'tmp', 'bak']);
// Recorders keep their identity in a small text file at the volume root or in DCIM (e.g. DCIM/ZFYINFO.TXT). These
// names are read first; any other small .txt/.ini near the root that names a serial or badge is one too.
export const INFO_FILE_NAMES = new Set(['device.txt', 'deviceinfo.txt', 'device.ini', 'info.txt', 'sn.txt', 'config.txt', 'zfyinfo.txt']);
const INFO_FILE_EXT = /\.(txt|ini|cfg)$/i;
const RECORDER_DIRS = new Set(['dcim', 'record', 'video', 'audio', 'photo', 'picture', 'zfjly', 'dsj', 'movie']);

const SERIAL_KEYS = new Set(['SN', 'SERIAL', 'SERIALNO', 'SERIAL_NUMBER', 'DEVICEID', 'DEVICE_ID', 'DEVID', 'DEVICENO', '设备编号', '设备号', '设备序列号', '序列号', '产品序号']);
const BADGE_KEYS = new Set(['ID', 'POLICEID', 'POLICE_ID', 'POLICENO', 'USERID', 'USER_ID', 'USERNO', 'BADGE', 'OFFICER', '警号', '警员编号', '警员号', '工号', '执法证号']);

function housekeeping(name: string, isDir: boolean): SkipReason | null {
  const lower = name.toLowerCase();
  if (isDir) {
    if (HOUSEKEEPING_DIRS.has(lower)) return 'housekeeping';
    return lower.startsWith('.') ? 'hidden' : null;
  }
  if (HOUSEKEEPING_FILES.has(lower) || lower.startsWith('._') || lower.startsWith('~$')) return 'housekeeping';
  const ext = /\.([^.]+)$/.exec(lower)?.[1];
  if (ext && HOUSEKEEPING_EXTS.has(ext)) return 'housekeeping';
  return lower.startsWith('.') ? 'hidden' : null;
}

/** Pure: `KEY=value` / `KEY: value` lines (INI sections and comments ignored) of a recorder info file. */
export function parseInfoFile(text: string): { serial?: string; badge?: string; info: Record<string, string> } {
  const info: Record<string, string> = {};
  const out: { serial?: string; badge?: string; info: Record<string, string> } = { info };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const m = /^([^=:：]+?)\s*[=:：]\s*(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    const key = m[1].trim().toUpperCase();
    const value = m[2].trim().replace(/^"(.*)"$/, '$1');
    if (!value) continue;
    info[key] = value;
    if (!out.serial && SERIAL_KEYS.has(key)) out.serial = value;
    else if (!out.badge && BADGE_KEYS.has(key)) out.badge = value;
  }
  return out;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN) [best, bestN] = [v, n];
  return best;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Folder depth limit, against loops through odd mounts. Default 32. */
  maxDepth?: number;
}

/** Lists the candidate originals under rootDir. Symlinks are not followed; unreadable entries are reported. */
export async function scanSource(rootDir: string, options: ScanOptions = {}): Promise<ScanResult> {
  const root = path.resolve(rootDir);
  const maxDepth = options.maxDepth ?? 32;
  const result: ScanResult = {
    rootDir: root, recorderVolume: false, volumeHints: [], recorder: { source: null },
    originals: [], skipped: [], problems: [], totalBytes: 0,
  };
  const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  const problem = (p: string, e: unknown): void => {
    result.problems.push({ relPath: rel(p) || '.', code: errnoOf(e) ?? 'ERROR', message: e instanceof Error ? e.message : String(e) });
  };
  const infoCandidates: string[] = [];

  const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (stack.length) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    const { dir, depth } = stack.pop() as { dir: string; depth: number };
    let entries: Dirent[] = [];
    let handle: Dir | undefined;
    try {
      handle = await opendir(dir);
      for await (const d of handle) entries.push(d);
    } catch (e) {
      problem(dir, e);
      if (dir === root) throw e; // nothing to scan at all: the caller must hear it
      continue;
    }
    entries = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const d of entries) {
      const full = path.join(dir, d.name);
      if (d.isSymbolicLink()) {
        result.skipped.push({ relPath: rel(full), reason: 'symlink' });
        continue;
      }
      if (d.isDirectory()) {
        const skip = housekeeping(d.name, true);
        if (skip) result.skipped.push({ relPath: rel(full), reason: skip });
        else if (depth + 1 <= maxDepth) subdirs.push(full);
        if (depth === 0 && RECORDER_DIRS.has(d.name.toLowerCase())) result.volumeHints.push(`folder ${d.name}`);
        continue;
      }
      if (!d.isFile()) {
        result.skipped.push({ relPath: rel(full), reason: 'special' });
        continue;
      }
      const skip = housekeeping(d.name, false);
      if (skip) {
        result.skipped.push({ relPath: rel(full), reason: skip });
        continue;
      }
      let st;
      try {
        st = await lstat(full);
      } catch (e) {
        problem(full, e);
        continue;
      }
      if (depth <= 1 && INFO_FILE_EXT.test(d.name) && st.size < 64 * 1024) infoCandidates.push(full);
      result.originals.push({
        path: full, relPath: rel(full), name: d.name, size: st.size, mtime: st.mtime,
        kind: kindFromExtension(d.name), nameInfo: parseRecorderFileName(d.name),
      });
    }
    // Reverse so that popping visits folders in name order.
    for (const s of subdirs.reverse()) stack.push({ dir: s, depth: depth + 1 });
  }

  const known = (f: string): number => (INFO_FILE_NAMES.has(path.basename(f).toLowerCase()) ? 0 : 1);
  infoCandidates.sort((a, b) => known(a) - known(b));
  for (const file of infoCandidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      problem(file, e);
      continue;
    }
    const parsed = parseInfoFile(text);
    if (!parsed.serial && !parsed.badge) continue; // an ordinary text file; it stays a candidate
    result.recorder = { source: 'info_file', infoFile: rel(file), info: parsed.info, infoText: text };
    if (parsed.serial) result.recorder.serial = parsed.serial;
    if (parsed.badge) result.recorder.badge = parsed.badge;
    result.volumeHints.push(`info file ${rel(file)}`);
    result.originals = result.originals.filter((o) => o.path !== file);
    result.skipped.push({ relPath: rel(file), reason: 'info_file' });
    break;
  }

  const named = result.originals.filter((o) => o.nameInfo.startLocal);
  if (named.length > 0 && named.length * 2 >= result.originals.length) result.volumeHints.push('recorder file names');
  if (result.recorder.source === null && named.length > 0) {
    const serial = mostCommon(named.map((o) => o.nameInfo.serial));
    const badge = mostCommon(named.map((o) => o.nameInfo.badge));
    if (serial || badge) {
      result.recorder = { source: 'file_names' };
      if (serial) result.recorder.serial = serial;
      if (badge) result.recorder.badge = badge;
    }
  }
  // Folders named VIDEO or PHOTO alone are common on any disk; they only support the stronger signs.
  result.recorderVolume = result.volumeHints.some((h) => h.startsWith('info file') || h === 'recorder file names' || /^folder dcim$/i.test(h));
  result.originals.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  result.totalBytes = result.originals.reduce((n, o) => n + o.size, 0);
  return result;
}
