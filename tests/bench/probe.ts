/**
 * Probe benchmark: probeMedia against bare `ffprobe` on the same fixture files (median per file), how soon a
 * hung ffprobe is killed and reported after its timeout, and how long the fixture recorder volume takes to
 * generate. Moved here from tests/unit/media/probe.test.ts, where wall-time bounds made the verdict depend
 * on the machine. Run: `npx tsx tests/bench/probe.ts` or `npm run bench -- probe`.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { locateTools, probeMedia, type ExecutablePath } from '../../main/media';
import { makeRecorderVolume } from '../fixtures/recorder-volume';
import type { BenchRow } from './row';

const RUNS = 5;
const HANG_TIMEOUT_MS = 300;
/** The kill and the report may take this long after the timeout fires. */
const HANG_SLACK_MS = 500;
const GENERATION_TARGET_S = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function benchProbe(): Promise<BenchRow[]> {
  const ffprobe = locateTools().ffprobe;
  if (!ffprobe) throw new Error('ffprobe not found');
  const dir = await mkdtemp(path.join(tmpdir(), 'ew-bench-probe-'));
  try {
    const vol = await makeRecorderVolume(path.join(dir, 'vol'));
    const files = vol.files.filter((f) => f.durationSec).map((f) => path.join(vol.root, f.relPath));
    const ours: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const file of files) {
        let t0 = performance.now();
        await probeMedia(file);
        ours.push(performance.now() - t0);
        t0 = performance.now();
        spawnSync(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
        peer.push(performance.now() - t0);
      }
    }

    const fake = path.join(dir, 'hung-ffprobe.sh');
    await writeFile(fake, '#!/bin/sh\nexec sleep 3600\n');
    await chmod(fake, 0o755);
    const t0 = performance.now();
    const hung = await probeMedia(files[0] ?? '', { timeoutMs: HANG_TIMEOUT_MS, ffprobePath: fake as ExecutablePath });
    const hungMs = performance.now() - t0;
    if (!hung.timedOut) throw new Error('the hung ffprobe was not reported as timed out');
    const hangTarget = HANG_TIMEOUT_MS + HANG_SLACK_MS;

    const probeOurs = median(ours);
    const probePeer = median(peer);
    return [
      { name: `probeMedia vs ffprobe, per file (${files.length} files)`, ours: probeOurs, peer: probePeer, unit: 'ms median', ratio: probeOurs / probePeer },
      {
        name: `hung ffprobe killed, timeout ${HANG_TIMEOUT_MS} ms`,
        ours: hungMs,
        peer: hangTarget,
        unit: 'ms',
        ratio: hungMs / hangTarget,
        note: hungMs <= hangTarget ? 'under target' : 'OVER target',
      },
      {
        name: 'fixture recorder volume generated',
        ours: vol.generationSec,
        peer: GENERATION_TARGET_S,
        unit: 's',
        ratio: vol.generationSec / GENERATION_TARGET_S,
        note: vol.generationSec <= GENERATION_TARGET_S ? 'under target' : 'OVER target',
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchProbe()) console.log(`${r.name.padEnd(48)} ${r.ours.toFixed(1).padStart(8)} ${r.unit}  (peer/target ${r.peer.toFixed(1)})  ${r.note ?? ''}`);
}
