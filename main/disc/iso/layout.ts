/**
 * Pure planning of an image: the directory tree, names in both trees, path tables, sector addresses and sizes.
 * Sector map: 0–15 system area, 16 primary descriptor, 17 Joliet descriptor, 18 terminator, then path tables
 * (primary L, M, Joliet L, M), primary directories, Joliet directories, and file data in write order.
 */
import { assignIsoNames, assignJolietNames, compareCodeUnits, compareIsoIds, type NamedEntry } from './names';
import {
  directoryRecordLength,
  MAX_EXTENT,
  MAX_RECORD_SIZE,
  pathTableRecordLength,
  SECTOR,
  ucs2,
} from './records';
import type { IsoExtent, IsoPlan, IsoPlannedFile, IsoSource } from './types';
import { isoError } from '../../common';

export interface SizedSource extends IsoSource {
  size: number;
}

/** Where a directory sits in one of the two trees. */
export interface TreeSlot {
  /** Identifier bytes in the parent directory; the root has 0x00. */
  id: Buffer;
  /** 1-based position in this tree's path table. */
  number: number;
  lba: number;
  size: number;
  /** Children in this tree's identifier order. */
  children: LayoutEntry[];
}

export interface LayoutDir {
  kind: 'dir';
  name: string;
  imagePath: string;
  parent: LayoutDir | null;
  subdirs: LayoutDir[];
  files: LayoutFile[];
  primary: TreeSlot;
  joliet: TreeSlot;
}

export interface LayoutFile extends IsoPlannedFile {
  kind: 'file';
  name: string;
  primaryId: Buffer;
  jolietId: Buffer;
}

export type LayoutEntry = LayoutDir | LayoutFile;

export interface PathTablePlacement {
  size: number;
  lLba: number;
  mLba: number;
  /** Directories in path table order. */
  dirs: LayoutDir[];
}

export interface IsoLayout extends IsoPlan {
  files: LayoutFile[];
  root: LayoutDir;
  primary: PathTablePlacement;
  joliet: PathTablePlacement;
  /** Sectors before the first file's data (descriptors, path tables, directories). */
  metadataSectors: number;
}

export type TreeKind = 'primary' | 'joliet';

const FIRST_PATH_TABLE_LBA = 19;
const MAX_DIRECTORIES = 0xffff; // parent numbers in path tables are 16-bit

function sectors(bytes: number): number {
  return Math.ceil(bytes / SECTOR);
}

function emptySlot(): TreeSlot {
  return { id: Buffer.alloc(0), number: 0, lba: 0, size: 0, children: [] };
}

function newDir(name: string, imagePath: string, parent: LayoutDir | null): LayoutDir {
  return { kind: 'dir', name, imagePath, parent, subdirs: [], files: [], primary: emptySlot(), joliet: emptySlot() };
}

/** Splits an image path into its names; a leading '/' is allowed, empty, '.' and '..' parts are not. */
export function splitImagePath(imagePath: string): string[] {
  const trimmed = imagePath.startsWith('/') ? imagePath.slice(1) : imagePath;
  const parts = trimmed.split('/');
  if (trimmed === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
    throw isoError('ISO_BAD_PATH', `invalid image path: ${JSON.stringify(imagePath)}`);
  }
  return parts;
}

function buildTree(sources: readonly SizedSource[]): { root: LayoutDir; files: LayoutFile[] } {
  const root = newDir('', '', null);
  const dirs = new Map<string, LayoutDir>([['', root]]);
  const files = new Map<string, LayoutFile>();
  for (const s of sources) {
    const parts = splitImagePath(s.imagePath);
    let dir = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join('/');
      if (files.has(path)) throw isoError('ISO_PATH_CONFLICT', `${path} is both a file and a folder`);
      let sub = dirs.get(path);
      if (!sub) {
        sub = newDir(parts[i]!, path, dir);
        dirs.set(path, sub);
        dir.subdirs.push(sub);
      }
      dir = sub;
    }
    const path = parts.join('/');
    if (files.has(path)) throw isoError('ISO_DUPLICATE_PATH', `${path} is listed twice`);
    if (dirs.has(path)) throw isoError('ISO_PATH_CONFLICT', `${path} is both a file and a folder`);
    const file: LayoutFile = {
      kind: 'file',
      name: parts[parts.length - 1]!,
      imagePath: path,
      diskPath: s.diskPath,
      size: s.size,
      isoPath: '',
      jolietPath: '',
      extents: [],
      primaryId: Buffer.alloc(0),
      jolietId: Buffer.alloc(0),
    };
    files.set(path, file);
    dir.files.push(file);
  }
  return { root, files: [...files.values()] };
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareCodeUnits(a.name, b.name);
}

/** Names in both trees for the entries of each directory, children sorted per tree. */
function nameTree(dir: LayoutDir, isoDir: string, jolietDir: string): void {
  dir.subdirs.sort(byName);
  dir.files.sort(byName);
  const entries: LayoutEntry[] = [...dir.subdirs, ...dir.files];
  entries.sort(byName);
  const named: NamedEntry[] = entries.map((e) => ({ name: e.name, isDir: e.kind === 'dir' }));
  const isoNames = assignIsoNames(named);
  const jolietNames = assignJolietNames(named);
  const isoKey = new Map<LayoutEntry, string>();
  const jolietKey = new Map<LayoutEntry, string>();
  entries.forEach((e, i) => {
    const version = e.kind === 'file' ? ';1' : '';
    const isoName = isoNames[i]!;
    const jolietName = jolietNames[i]! + version;
    isoKey.set(e, isoName);
    jolietKey.set(e, jolietName);
    const isoId = Buffer.from(isoName + version, 'latin1');
    const jolietId = ucs2(jolietName);
    if (e.kind === 'dir') {
      e.primary.id = isoId;
      e.joliet.id = jolietId;
    } else {
      e.primaryId = isoId;
      e.jolietId = jolietId;
      e.isoPath = `${isoDir}/${isoName}${version}`;
      e.jolietPath = `${jolietDir}/${jolietName}`;
    }
  });
  dir.primary.children = [...entries].sort((a, b) => compareIsoIds(isoKey.get(a)!, isoKey.get(b)!));
  dir.joliet.children = [...entries].sort((a, b) => compareCodeUnits(jolietKey.get(a)!, jolietKey.get(b)!));
  for (const sub of dir.subdirs) nameTree(sub, `${isoDir}/${isoKey.get(sub)!}`, `${jolietDir}/${jolietKey.get(sub)!}`);
}

function slotOf(dir: LayoutDir, tree: TreeKind): TreeSlot {
  return tree === 'primary' ? dir.primary : dir.joliet;
}

export function fileIdOf(file: LayoutFile, tree: TreeKind): Buffer {
  return tree === 'primary' ? file.primaryId : file.jolietId;
}

/** Level order with children in identifier order: the path table order of ECMA-119 6.9.1. */
function pathTableOrder(root: LayoutDir, tree: TreeKind): LayoutDir[] {
  const order: LayoutDir[] = [root];
  for (let i = 0; i < order.length; i++) {
    const dir = order[i]!;
    slotOf(dir, tree).number = i + 1;
    for (const child of slotOf(dir, tree).children) if (child.kind === 'dir') order.push(child);
  }
  if (order.length > MAX_DIRECTORIES) {
    throw isoError('ISO_TOO_LARGE', `${order.length} folders exceed the ISO 9660 limit of ${MAX_DIRECTORIES}`);
  }
  return order;
}

/** Calls `visit` with the offset of each record of a directory; records never cross a sector boundary. */
export function forEachRecord(
  dir: LayoutDir,
  tree: TreeKind,
  visit: (offset: number, entry: LayoutEntry | '.' | '..', extent: number) => void,
): number {
  let off = 0;
  const place = (idLength: number): number => {
    const len = directoryRecordLength(idLength);
    if ((off % SECTOR) + len > SECTOR) off += SECTOR - (off % SECTOR);
    const at = off;
    off += len;
    return at;
  };
  visit(place(1), '.', 0);
  visit(place(1), '..', 0);
  for (const child of slotOf(dir, tree).children) {
    if (child.kind === 'dir') visit(place(slotOf(child, tree).id.length), child, 0);
    else {
      const id = fileIdOf(child, tree);
      for (let i = 0; i < child.extents.length; i++) visit(place(id.length), child, i);
    }
  }
  return sectors(off) * SECTOR;
}

function extentCount(size: number): number {
  return size > MAX_RECORD_SIZE ? Math.ceil(size / MAX_EXTENT) : 1;
}

function dataOrder(dir: LayoutDir, out: LayoutFile[]): void {
  out.push(...dir.files);
  for (const sub of dir.subdirs) dataOrder(sub, out);
}

/** Plans a whole image; independent of the order of `sources`. */
export function layoutIso(sources: readonly SizedSource[]): IsoLayout {
  const { root, files: unordered } = buildTree(sources);
  nameTree(root, '', '');
  root.primary.id = Buffer.from([0]);
  root.joliet.id = Buffer.from([0]);

  // Extent counts are needed for directory sizes; addresses come later.
  for (const f of unordered) f.extents = Array.from({ length: extentCount(f.size) }, (): IsoExtent => ({ lba: 0, size: 0 }));

  let lba = FIRST_PATH_TABLE_LBA;
  const tables = (['primary', 'joliet'] as const).map((tree) => {
    const dirs = pathTableOrder(root, tree);
    let size = 0;
    for (const d of dirs) size += pathTableRecordLength(slotOf(d, tree).id.length);
    return { tree, dirs, size };
  });
  const placements = tables.map((t): PathTablePlacement => {
    const lLba = lba;
    lba += sectors(t.size);
    const mLba = lba;
    lba += sectors(t.size);
    return { size: t.size, lLba, mLba, dirs: t.dirs };
  });
  for (const t of tables) {
    for (const d of t.dirs) {
      const slot = slotOf(d, t.tree);
      slot.size = forEachRecord(d, t.tree, () => {});
      slot.lba = lba;
      lba += slot.size / SECTOR;
    }
  }
  const metadataSectors = lba;

  const files: LayoutFile[] = [];
  dataOrder(root, files);
  for (const f of files) {
    if (f.size === 0) {
      f.extents = [{ lba: 0, size: 0 }]; // like mkisofs: an empty file owns no sector
      continue;
    }
    f.extents = f.extents.map((_, i) => ({
      lba: lba + i * (MAX_EXTENT / SECTOR),
      size: f.extents.length === 1 ? f.size : Math.min(MAX_EXTENT, f.size - i * MAX_EXTENT),
    }));
    lba += sectors(f.size);
  }
  if (lba > 0xffff_ffff) throw isoError('ISO_TOO_LARGE', 'image exceeds 2^32 sectors');

  const [primary, joliet] = placements as [PathTablePlacement, PathTablePlacement];
  return {
    totalSectors: lba,
    totalBytes: lba * SECTOR,
    directoryCount: primary.dirs.length,
    files,
    root,
    primary,
    joliet,
    metadataSectors,
  };
}
