/**
 * Linux: xorriso (libburn). `-devices` lists drives, `-outdev DEV -toc` tells the medium, and
 * `-as cdrecord -v dev=DEV IMAGE` writes the image as one closed session (DAO/SAO).
 * The `stdio:/path` pseudo-drive writes into a regular file: tests burn to it.
 */
import { stat } from 'node:fs/promises';
import { burnErrorFrom, tooSmall } from './messages';
import { runTool } from './run-tool';
import type { BurnOptions, Burner, Drive, MediaInfo } from './types';
import { discError } from '../../main/common';

/** `0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1'` */
export function parseDevices(output: string): Drive[] {
  const drives: Drive[] = [];
  for (const line of output.split('\n')) {
    const m = /-dev '([^']+)'\s+\S+\s*:\s*'([^']*)'\s*'([^']*)'/.exec(line);
    if (m) drives.push({ id: m[1]!, vendor: m[2]!.trim(), product: m[3]!.trim() });
  }
  return drives;
}

/** Reads `-toc` output: "Media current: DVD+R", "Media status : is blank", "Media blocks : 0 readable , N writable , …". */
export function parseToc(output: string): MediaInfo {
  const current = /Media current:\s*(.+)/.exec(output)?.[1]?.trim() ?? '';
  const status = /Media status :\s*(.+)/.exec(output)?.[1]?.trim() ?? '';
  const writable = /Media blocks :.*?(\d+)\s+writable/.exec(output)?.[1];
  const present = current !== '' && !/not present|none/i.test(current) && !/not present/i.test(status);
  return {
    present,
    blank: present && /is blank/.test(status),
    type: current,
    ...(writable !== undefined ? { freeBytes: Number(writable) * 2048 } : {}),
  };
}

/** `xorriso : UPDATE :   12 of  100 MB written [buf  50%]` → percent. */
export function parseProgress(line: string): number | undefined {
  const m = /(\d+)\s+of\s+(\d+)\s+MB written/.exec(line);
  if (!m) return undefined;
  const total = Number(m[2]);
  return total > 0 ? Math.min(100, (Number(m[1]) / total) * 100) : undefined;
}

export class XorrisoBurner implements Burner {
  constructor(private readonly cmd = 'xorriso') {}

  async listDrives(): Promise<Drive[]> {
    const r = await runTool(this.cmd, ['-devices']);
    // Exit 32 with "No drives found" is an empty list, not an error.
    if (r.code !== 0 && !/no drives found/i.test(r.output)) throw burnErrorFrom('xorriso', r.output, r.code);
    return parseDevices(r.output);
  }

  async mediaInfo(drive: Drive): Promise<MediaInfo> {
    const r = await runTool(this.cmd, ['-outdev', drive.id, '-toc']);
    const info = parseToc(r.output);
    if (r.code !== 0 && !info.present) {
      const e = burnErrorFrom('xorriso', r.output, r.code);
      if (e.code === 'DISC_BURN_FAILED' || e.code === 'DISC_NO_MEDIUM') return { present: false, blank: false, type: '' };
      throw e;
    }
    return info;
  }

  async burn(image: string, drive: Drive, opts: BurnOptions = {}): Promise<void> {
    const size = (await stat(image)).size;
    const media = await this.mediaInfo(drive);
    if (!media.present) throw discError('DISC_NO_MEDIUM', `no medium in ${drive.id}`);
    if (!media.blank) throw discError('DISC_NOT_BLANK', `medium in ${drive.id} is not blank: ${media.type}`);
    if (media.freeBytes !== undefined && media.freeBytes < size) throw tooSmall(size, media.freeBytes);

    const args = ['-as', 'cdrecord', '-v', `dev=${drive.id}`, ...(opts.eject ? ['-eject'] : []), image];
    opts.onProgress?.({ percent: 0, bytesWritten: 0, totalBytes: size });
    const r = await runTool(this.cmd, args, {
      signal: opts.signal,
      onLine: (line) => {
        const pct = parseProgress(line);
        if (pct !== undefined) opts.onProgress?.({ percent: pct, bytesWritten: Math.round((size * pct) / 100), totalBytes: size });
      },
    });
    if (r.code !== 0 || !/completed successfully/i.test(r.output)) throw burnErrorFrom('xorriso', r.output, r.code);
    opts.onProgress?.({ percent: 100, bytesWritten: size, totalBytes: size });
  }
}
