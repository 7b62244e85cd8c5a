/**
 * Library query benchmark: each filter of `library.search` through the real dispatcher (session,
 * zod, SQL, DTOs) on 100 000 synthetic media; p95 of RUNS runs against the 50 ms target of issue 4.
 * Run: `npx tsx tests/bench/library.ts` or `npm run bench -- library`.
 */
import { pathToFileURL } from 'node:url';
import type { MethodInput } from '../../main/api';
import { makeTestApi, setUpOffice } from '../support/services';
import { insertSynthetic } from '../unit/library/synthetic';
import type { BenchRow } from './iso';

const RUNS = 40;
const TARGET_MS = 50;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

export async function benchLibrary(): Promise<BenchRow[]> {
  const t = makeTestApi();
  try {
    const admin = await setUpOffice(t);
    const t0 = performance.now();
    const lib = insertSynthetic(t.services.archive.open().db);
    console.log(`inserted ${lib.media.length} media in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [caseId] = [...lib.cases.keys()];
    const queries: [string, MethodInput<'library.search'>][] = [
      ['no filter, newest first', {}],
      ['date range (2 weeks)', { from: '2025-03-01T00:00:00+08:00', to: '2025-03-15T00:00:00+08:00' }],
      ['date range (1 year) by size', { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', sort: 'size' }],
      ['officer', { officerId: lib.officers[7]! }],
      ['recorder', { recorderId: lib.recorders[11]! }],
      ['category', { category: 'coercive' }],
      ['no category', { category: 'none' }],
      ['key mark', { keyMark: true }],
      ['classification', { classification: 'state_secret' }],
      ['flags (any of 2)', { flags: ['truncated', 'clock_suspect'] }],
      ['case', { caseId: caseId! }],
      ['free text (name)', { text: '询问笔录' }],
      ['free text (note)', { text: '拒绝配合' }],
      ['officer + category + from', { officerId: lib.officers[3]!, category: 'inspection', from: '2025-01-01T00:00:00Z' }],
      ['sort by duration asc', { sort: 'durationSec', order: 'asc' }],
      ['deep page (offset 20 000)', { offset: 20_000 }],
    ];
    const rows: BenchRow[] = [];
    for (const [name, q] of queries) {
      const times: number[] = [];
      await t.call(admin, 'library.search', { ...q, limit: 100 });
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await t.call(admin, 'library.search', { ...q, limit: 100 });
        times.push(performance.now() - s);
      }
      const ours = p95(times);
      rows.push({ name: `search: ${name}`, ours, peer: TARGET_MS, unit: 'ms p95', ratio: ours / TARGET_MS, note: ours <= TARGET_MS ? 'under target' : 'OVER target' });
    }
    return rows;
  } finally {
    t.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchLibrary()) console.log(`${r.name.padEnd(44)} ${r.ours.toFixed(2).padStart(8)} ${r.unit}  (target ${r.peer} ms)  ${r.note}`);
}
