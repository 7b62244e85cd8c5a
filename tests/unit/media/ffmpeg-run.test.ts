import { readdirSync, readFileSync } from 'node:fs';
import { constants, getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { locateTools } from '../../../main/media';
import { runFfmpeg } from '../../../main/media/ffmpeg-run';

/** This process's ffmpeg children, by /proc (Linux). */
function ffmpegChildren(): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && comm.startsWith('ffmpeg')) out.push(Number(d));
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** The priority the ffmpeg started with `opts` runs at, read while it runs, then stopped. */
async function priorityOf(opts: { background?: boolean }): Promise<number> {
  const ffmpeg = locateTools().ffmpeg!;
  const stop = new AbortController();
  // Long enough to be seen running; stopped as soon as it is.
  const running = runFfmpeg(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=60', '-f', 'null', '-'], { ...opts, signal: stop.signal });
  running.catch(() => undefined);
  try {
    for (let i = 0; i < 250; i++) {
      const [pid] = ffmpegChildren();
      if (pid !== undefined) return getPriority(pid);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('ffmpeg was not seen running');
  } finally {
    stop.abort();
    await running.catch(() => undefined);
  }
}

describe.runIf(process.platform === 'linux')('runFfmpeg', () => {
  it('runs background work (a list poster) below normal priority, and other work at the program’s own', async () => {
    expect(await priorityOf({ background: true })).toBe(constants.priority.PRIORITY_BELOW_NORMAL);
    expect(await priorityOf({})).toBe(getPriority());
  }, 30_000);
});
