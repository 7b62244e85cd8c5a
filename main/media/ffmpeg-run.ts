import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';
import type { ExecutablePath } from './types';

export interface FfmpegRun {
  /** Called with each `key=value` block ffmpeg writes to `-progress pipe:1`. */
  onProgress?: (fields: Record<string, string>) => void;
  signal?: AbortSignal;
  /**
   * Work nobody waits on (a list's posters): run below normal priority, so that it takes the cores only when the
   * program and the player do not need them.
   */
  background?: boolean;
}

/** Runs ffmpeg to completion; rejects with the last lines of its stderr. */
export function runFfmpeg(ffmpeg: ExecutablePath, args: string[], opts: FfmpegRun = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new Error('aborted'));
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (opts.background && child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_BELOW_NORMAL);
      } catch {
        // Not allowed here (or the process has already ended): it runs at normal priority.
      }
    }
    let stderr = '';
    let pending = '';
    let block: Record<string, string> = {};
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const i = line.indexOf('=');
        if (i < 0) continue;
        const key = line.slice(0, i).trim();
        block[key] = line.slice(i + 1).trim();
        // `progress=continue|end` closes each block.
        if (key === 'progress') {
          opts.onProgress?.(block);
          block = {};
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const onAbort = () => child.kill('SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) reject(new Error('aborted'));
      else if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
