/**
 * ISO writer benchmark: our streaming writer vs `xorriso -as mkisofs -J -joliet-long -iso-level 3` on the same
 * ≥ 1 GiB tree, both warm (tree in page cache), best of RUNS each, interleaved. Our writer runs in a child
 * process of its own so its peak RSS is measured alone. Run: `npx tsx tests/bench/iso.ts`.
 * ISO_BENCH_DIR picks the scratch folder (default: the OS temp folder); the tree is kept there for reuse.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeIso, type IsoSource } from '../../main/disc';
import type { BenchRow } from './row';

export type { BenchRow };


const RUNS = 3;
const MiB = 1024 * 1024;
const TREE_VERSION = 'v1';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** 4 × 256 MiB recordings plus 300 small files: 1 GiB + ~75 MiB. Content: one random MiB with a counter stamped in. */
async function makeTree(root: string): Promise<void> {
  const marker = join(root, '.complete');
  if (existsSync(marker)) return;
  await rm(root, { recursive: true, force: true });
  const block = randomBytes(MiB);
  let counter = 0;
  const writeFileOf = async (path: string, size: number): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(path, 'w');
    for (let pos = 0; pos < size; pos += MiB) {
      block.writeUInt32LE(counter++, 0);
      await fh.write(block, 0, Math.min(MiB, size - pos));
    }
    await fh.close();
  };
  for (let i = 0; i < 4; i++) await writeFileOf(join(root, 'data/originals/2026/11/27/REC01', `录像_${i}.MP4`), 256 * MiB + i * 4099);
  for (let i = 0; i < 300; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    await writeFileOf(join(root, `data/originals/2026/11/${day}/REC02`, `IMG_${String(i).padStart(4, '0')}.JPG`), 1000 + ((i * 7919) % 500) * 1024);
  }
  await writeFile(marker, '');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && !e.name.startsWith('.')) out.push(p);
  }
  return out;
}

async function sourcesOf(tree: string): Promise<IsoSource[]> {
  return (await walk(tree)).map((p) => ({ imagePath: relative(tree, p).split('\\').join('/'), diskPath: p }));
}

interface ChildReport {
  ms: number;
  maxRssMiB: number;
}

/** Child mode: write one image and report wall time and peak RSS. */
async function child(tree: string, out: string): Promise<void> {
  const sources = await sourcesOf(tree);
  const t0 = performance.now();
  await writeIso(sources, out, { volumeId: 'BENCH', timestamp: new Date(Date.UTC(2026, 10, 27)) });
  const report: ChildReport = { ms: performance.now() - t0, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(report) + '\n');
}

function runOurs(tree: string, out: string, mode = '--child'): ChildReport {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, mode, tree, out], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`our writer failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildReport;
}

const haveTime = existsSync('/usr/bin/time');

function runXorriso(tree: string, out: string): ChildReport {
  const args = ['-as', 'mkisofs', '-J', '-joliet-long', '-iso-level', '3', '-quiet', '-o', out, tree];
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', 'xorriso', ...args], { encoding: 'utf8' })
    : spawnSync('xorriso', args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`xorriso failed: ${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

/** Flush dirty pages left by the previous run so each run starts from the same writeback state. */
function settle(): void {
  spawnSync('sync');
}

export async function benchIso(): Promise<BenchRow[]> {
  const scratch = process.env.ISO_BENCH_DIR ?? tmpdir();
  const tree = join(scratch, `evidence-iso-bench-tree-${TREE_VERSION}`);
  await makeTree(tree);
  let treeBytes = 0;
  for (const p of await walk(tree)) treeBytes += (await stat(p)).size;
  const outDir = join(scratch, `evidence-iso-bench-out-${process.pid}`);
  await mkdir(outDir, { recursive: true });
  const oursOut = join(outDir, 'ours.iso');
  const peerOut = join(outDir, 'xorriso.iso');
  const ours: ChildReport[] = [];
  const peer: ChildReport[] = [];
  try {
    // One untimed run each warms the page cache with the tree.
    for (let i = 0; i <= RUNS; i++) {
      for (const [run, out, into] of [
        [runXorriso, peerOut, peer],
        [runOurs, oursOut, ours],
      ] as const) {
        await rm(out, { force: true });
        settle();
        const r = run(tree, out);
        if (i > 0) into.push(r);
        await rm(out, { force: true });
      }
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  const baseline = runOurs(tree, oursOut, '--baseline').maxRssMiB;
  const best = (rs: ChildReport[]): number => Math.min(...rs.map((r) => r.ms));
  const peakRss = (rs: ChildReport[]): number => Math.max(...rs.map((r) => r.maxRssMiB));
  const oursMs = best(ours);
  const peerMs = best(peer);
  const gib = (treeBytes / 1024 ** 3).toFixed(2);
  return [
    {
      name: `iso write ${gib} GiB tree (wall)`,
      ours: Math.round(oursMs),
      peer: Math.round(peerMs),
      unit: 'ms',
      ratio: oursMs / peerMs,
      note: `best of ${RUNS}, warm; peer: xorriso -as mkisofs -J -joliet-long -iso-level 3; ours also SHA-256s every file. all runs ours=[${ours.map((r) => Math.round(r.ms)).join(',')}] peer=[${peer.map((r) => Math.round(r.ms)).join(',')}]`,
    },
    {
      name: 'iso write peak RSS',
      ours: Math.round(peakRss(ours)),
      peer: Math.round(peakRss(peer)),
      unit: 'MiB',
      ratio: peakRss(ours) / peakRss(peer),
      note: `ours: whole Node + tsx process; ${Math.round(baseline)} MiB of it is that process idle with the writer loaded`,
    },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  if (process.argv[2] === '--child') {
    await child(process.argv[3]!, process.argv[4]!);
  } else if (process.argv[2] === '--baseline') {
    process.stdout.write(JSON.stringify({ ms: 0, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
  } else {
    const rows = await benchIso();
    for (const r of rows) {
      console.log(`${r.name}: ours ${r.ours} ${r.unit}, xorriso ${r.peer} ${r.unit}, ratio ${r.ratio.toFixed(2)}${r.note ? ` (${r.note})` : ''}`);
    }
  }
}
