import { formatInstant } from '../common';
import type { DrillResult } from './drill';

/** What a drill's signed record says: plain JSON a person (and `openssl cms -verify`) can read without the program. */
export interface DrillRecord {
  format: 'evidence-backup-drill/1';
  unitName: string;
  at: string;
  by: { login: string; name: string };
  generation: string | null;
  ok: boolean;
  manifestSha256: string | null;
  filesChecked: number;
  problems: string[];
}

/** The signed bytes: fixed key order, indented, newline at the end (as the seal files are). */
export function drillRecordBytes(r: DrillRecord): Buffer {
  const ordered: DrillRecord = {
    format: r.format,
    unitName: r.unitName,
    at: r.at,
    by: { login: r.by.login, name: r.by.name },
    generation: r.generation,
    ok: r.ok,
    manifestSha256: r.manifestSha256,
    filesChecked: r.filesChecked,
    problems: r.problems,
  };
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8');
}

export function drillRecord(result: DrillResult, at: Date, by: { login: string; name: string }, unitName: string): DrillRecord {
  return {
    format: 'evidence-backup-drill/1',
    unitName,
    at: at.toISOString(),
    by,
    generation: result.generation,
    ok: result.ok,
    manifestSha256: result.manifestSha256,
    filesChecked: result.filesChecked,
    problems: result.problems,
  };
}

/** `恢复演练记录-<office local time>.json` in the archive's forms folder, so every later backup carries it. */
export function drillRecordName(at: Date, timeZone: string): string {
  return `恢复演练记录-${formatInstant(at, timeZone, 'YYYYMMDD-HHmmss')}.json`;
}
