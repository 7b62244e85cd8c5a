/**
 * Windows: IMAPI2 through the PowerShell script in imapi2-script.ts, written to a temp file and run with
 * `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File`. NOT TESTED here (no Windows);
 * the JSON-lines protocol parsing is unit-tested.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMAPI2_PS1 } from './imapi2-script';
import { burnErrorFrom } from './messages';
import { runTool } from './run-tool';
import type { BurnOptions, Burner, Drive, MediaInfo } from './types';
import { AppError, discError, type DiscErrorCode } from '../../main/common';

export type ScriptEvent =
  | { type: 'drive'; id: string; vendor: string; product: string }
  | { type: 'media'; present: boolean; blank: boolean; mediaType?: string; freeBytes?: number }
  | { type: 'progress'; percent: number }
  | { type: 'error'; code: string; message: string }
  | { type: 'done' };

export function parseEvent(line: string): ScriptEvent | undefined {
  const t = line.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && 'type' in v ? (v as ScriptEvent) : undefined;
  } catch {
    return undefined;
  }
}

const KNOWN: readonly DiscErrorCode[] = ['DISC_NO_DRIVE', 'DISC_NO_MEDIUM', 'DISC_NOT_BLANK', 'DISC_TOO_SMALL'];

export function errorFromEvent(e: { code: string; message: string }): AppError {
  const code = KNOWN.find((k) => k === e.code);
  return code ? discError(code, `IMAPI2: ${e.message}`) : burnErrorFrom('IMAPI2', e.message, 1);
}

export class Imapi2Burner implements Burner {
  private async script(args: string[], onEvent: (e: ScriptEvent) => void, signal?: AbortSignal): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'evidence-burn-'));
    const file = join(dir, 'burn.ps1');
    try {
      await writeFile(file, IMAPI2_PS1, 'utf8');
      let failure: AppError | undefined;
      const r = await runTool('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', file, ...args], {
        signal,
        onLine: (line) => {
          const e = parseEvent(line);
          if (!e) return;
          if (e.type === 'error') failure ??= errorFromEvent(e);
          else onEvent(e);
        },
      });
      if (failure) throw failure;
      if (r.code !== 0 || !r.output.includes('"type":"done"')) throw burnErrorFrom('IMAPI2', r.output, r.code);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async listDrives(): Promise<Drive[]> {
    const drives: Drive[] = [];
    await this.script(['-Action', 'list'], (e) => {
      if (e.type === 'drive') drives.push({ id: e.id, vendor: e.vendor, product: e.product });
    });
    return drives;
  }

  async mediaInfo(drive: Drive): Promise<MediaInfo> {
    let info: MediaInfo = { present: false, blank: false, type: '' };
    await this.script(['-Action', 'media', '-Recorder', drive.id], (e) => {
      if (e.type === 'media') info = { present: e.present, blank: e.blank, type: e.mediaType ?? '', ...(e.freeBytes !== undefined ? { freeBytes: e.freeBytes } : {}) };
    });
    return info;
  }

  async burn(image: string, drive: Drive, opts: BurnOptions = {}): Promise<void> {
    const args = ['-Action', 'burn', '-Recorder', drive.id, '-Image', image, ...(opts.eject ? ['-Eject'] : [])];
    await this.script(args, (e) => {
      if (e.type === 'progress') opts.onProgress?.({ percent: Math.max(0, Math.min(100, e.percent)) });
    }, opts.signal);
    opts.onProgress?.({ percent: 100 });
  }
}
