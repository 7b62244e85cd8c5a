import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** The archive folder layout of DESIGN.md §3; self-describing so it can be checked without us. */
export interface ArchivePaths {
  root: string;
  db: string;
  originals: string;
  derived: string;
  /** Public-use copies (公开使用副本) and their signed provenance: never evidence, never originals. */
  publicCopies: string;
  discs: string;
  forms: string;
  certs: string;
  /** Signed day seals of the audit chain, `YYYY-MM-DD.json` + `.json.p7s`: a copy outside the database. */
  seals: string;
  incoming: string;
  logs: string;
}

export function archivePaths(root: string): ArchivePaths {
  const r = path.resolve(root);
  return {
    root: r,
    db: path.join(r, 'evidence.db'),
    originals: path.join(r, 'originals'),
    derived: path.join(r, 'derived'),
    publicCopies: path.join(r, 'derived', 'public'),
    discs: path.join(r, 'discs'),
    forms: path.join(r, 'forms'),
    certs: path.join(r, 'certs'),
    seals: path.join(r, 'seals'),
    incoming: path.join(r, '.incoming'),
    logs: path.join(r, 'logs'),
  };
}

export function ensureArchiveLayout(root: string): ArchivePaths {
  const p = archivePaths(root);
  for (const dir of [p.root, p.originals, p.derived, p.discs, p.forms, p.certs, p.seals, p.incoming, p.logs]) {
    mkdirSync(dir, { recursive: true });
  }
  return p;
}

export function archiveHasDatabase(root: string): boolean {
  return existsSync(archivePaths(root).db);
}
