// Issue 14 item 4: re-hashing originals (hashFile, as the integrity check does, on its worker thread) against
// sha256sum on the same files, run back to back; and how long the event loop of the caller stalls meanwhile.
// Run: npm run bench -- integrity   (BENCH_INTEGRITY_MIB: size of each of the four files, default 256)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hashFile } from '../../main/ingest';
import { writeRandomFile } from '../fixtures/recorder-volume';
import type { BenchRow } from './row';

export async function benchIntegrity(opts: { mib?: number; files?: number; repeats?: number; log?: (s: string) => void } = {}): Promise<BenchRow[]> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const mib = opts.mib ?? Number(process.env.BENCH_INTEGRITY_MIB ?? 256);
  const base = await mkdtemp(path.join(tmpdir(), 'ew-bench-integrity-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < (opts.files ?? 4); i++) {
      const f = path.join(base, `orig-${i}.MP4`);
      await writeRandomFile(f, mib * 2 ** 20);
      files.push(f);
    }
    const bytes = files.length * mib * 2 ** 20;
    // Both read from the page cache (the files were just written and read once): this compares hashing, not the disk.
    execFileSync('cat', files, { stdio: ['ignore', 'ignore', 'inherit'] });
    let ours = Infinity;
    let peer = Infinity;
    let maxLagMs = 0;
    for (let r = 0; r < (opts.repeats ?? 3); r++) {
      const t0 = performance.now();
      execFileSync('sha256sum', files, { stdio: ['ignore', 'ignore', 'inherit'] });
      const p = (performance.now() - t0) / 1000;
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const t1 = performance.now();
      for (const f of files) await hashFile(f);
      const o = (performance.now() - t1) / 1000;
      lag.disable();
      peer = Math.min(peer, p);
      ours = Math.min(ours, o);
      maxLagMs = Math.max(maxLagMs, lag.max / 1e6);
      log(`round ${r + 1}: sha256sum ${p.toFixed(2)} s, ours ${o.toFixed(2)} s, event loop stalled at most ${(lag.max / 1e6).toFixed(0)} ms`);
    }
    const mbps = (s: number): number => bytes / 1e6 / s;
    return [
      { name: 'integrity re-hash vs sha256sum', ours: mbps(ours), peer: mbps(peer), unit: 'MB/s', ratio: peer / ours,
        note: `target ≥ 0.9; best of ${opts.repeats ?? 3}, back to back, warm cache, ${files.length} × ${mib} MiB` },
      { name: 'integrity: longest event-loop stall while hashing', ours: maxLagMs, peer: 50, unit: 'ms', ratio: maxLagMs / 50,
        note: 'hashing on a worker thread; 50 ms is one long frame of the UI' },
    ];
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
