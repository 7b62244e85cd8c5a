import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultBrowseRoots } from './folders';

export type SourceId = string & { readonly __brand: 'SourceId' };

/** A place footage can be taken from (or a backup written to): a removable volume or a folder. */
export interface Source {
  id: SourceId;
  label: string;
  path: string;
  kind: 'volume' | 'folder';
}

export function sourceId(p: string): SourceId {
  return createHash('sha256').update(path.resolve(p)).digest('hex').slice(0, 16) as SourceId;
}

const REMOVABLE_FS = new Set(['vfat', 'exfat', 'ntfs', 'ntfs3', 'fuseblk', 'msdos', 'hfsplus', 'udf', 'iso9660']);

/** Pure: removable-looking mount points from /proc/mounts text (octal escapes decoded). */
export function parseLinuxMounts(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [, mountPoint, fsType] = line.split(' ');
    if (!mountPoint || !fsType) continue;
    const mp = mountPoint.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
    const underMediaDir = /^\/(media|run\/media|mnt)\//.test(mp);
    if (underMediaDir || (REMOVABLE_FS.has(fsType) && mp !== '/' && !mp.startsWith('/boot'))) out.push(mp);
  }
  return [...new Set(out)];
}

/** Mounted removable volumes of this OS. Best effort: a volume we cannot read is left out. */
export function listVolumes(platform: NodeJS.Platform = process.platform): Source[] {
  let mounts: string[] = [];
  try {
    if (platform === 'linux') mounts = parseLinuxMounts(readFileSync('/proc/mounts', 'utf8'));
    else if (platform === 'darwin') {
      mounts = readdirSync('/Volumes')
        .map((n) => path.join('/Volumes', n))
        .filter((p) => {
          try {
            return statSync(p).isDirectory() && !statSync(p).isSymbolicLink();
          } catch {
            return false;
          }
        });
    } else if (platform === 'win32') {
      const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
      mounts = 'DEFGHIJKLMNOPQRSTUVWXYZ'
        .split('')
        .map((l) => `${l}:\\`)
        .filter((d) => d.slice(0, 2) !== system && existsSync(d));
    }
  } catch {
    mounts = [];
  }
  return mounts.map((p) => ({ id: sourceId(p), label: path.basename(p) || p, path: p, kind: 'volume' as const }));
}

/**
 * The sources the custodian may pick from: mounted volumes, folders configured for this machine
 * (EVIDENCE_EXTRA_SOURCES, path-list separated) and folders picked by hand in this run.
 */
export class SourceRegistry {
  private readonly picked = new Map<SourceId, Source>();

  constructor(
    private readonly extra: string[] = (process.env.EVIDENCE_EXTRA_SOURCES ?? '').split(path.delimiter).filter(Boolean),
    private readonly volumes: () => Source[] = () => listVolumes(),
    /** Where the browser host's folder picker may look (configured folders, removable media, home). */
    private readonly roots: () => string[] = () => defaultBrowseRoots(extra),
  ) {}

  browseRoots(): string[] {
    return this.roots();
  }

  addFolder(p: string): Source {
    const s: Source = { id: sourceId(p), label: path.basename(p) || p, path: path.resolve(p), kind: 'folder' };
    this.picked.set(s.id, s);
    return s;
  }

  list(): Source[] {
    const extra = this.extra.map((p) => ({ id: sourceId(p), label: path.basename(p) || p, path: path.resolve(p), kind: 'folder' as const }));
    const all = [...this.volumes(), ...extra, ...this.picked.values()];
    const seen = new Set<string>();
    return all.filter((s) => !seen.has(s.id) && seen.add(s.id) && existsSync(s.path));
  }

  get(id: string): Source | null {
    return this.list().find((s) => s.id === id) ?? null;
  }
}
