/**
 * The library at a million media (issue 14 item 1): every filter and sort of `library.search`, alone
 * and combined, free text, a deep page (offset and cursor) and 按录制分组, each through the real
 * dispatcher (session, zod, SQL, DTOs, leave-to-view per row); p95 of RUNS runs against 20 ms.
 *
 * The generated archive (tests/support/library-rows.ts) is kept in test-results/bench-cache/ and
 * reused while its size, seed and migrations match: the first run spends minutes writing it,
 * later runs start at once. Only the library rows: `npm run bench -- library`;
 * a smaller archive: `BENCH_LIBRARY_MEDIA=100000 npm run bench -- library` (or `npx tsx tests/bench/library.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client, MethodInput } from '../../main/api';
import type { LibraryCursor } from '../../main/library';
import { MIGRATIONS } from '../../main/store';
import { generateLibrary, type GeneratedLibrary } from '../support/library-rows';
import { OFFICE_SETUP, TEST_COSTS, testApiAt, type TestApi } from '../support/services';
import type { BenchRow } from './row';

const RUNS = 30;
/** Measured for the row of a new text's first page (1 M media, 2026-11-28 and 2026-11-29, idle machine). */
const FIRST_PAGE_CAUSE =
  'how: a new text alone, newest first, is read newest id first (main/library/text-newest.ts): the rows holding its rarest trigrams, ' +
  'the phrase tested on their texts, until the bound of later starts shows the page complete; the file-name piece goes first, so its first call also ' +
  'pays for the code\'s first run. A text naming an officer walks the officer\'s files instead, and a two-character text tests notes and cases row by row. ' +
  'Without the warm-up, with the pages on disk (the cache dropped), the worst first page was 41–48 ms'
const TARGET_MS = 20;
const SEED = 14;

type Search = MethodInput<'library.search'>;
export type Saved = Omit<GeneratedLibrary, 'notes'> & { n: number; seed: number; schema: string };

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/**
 * Opens the archive as the program does, and waits for the planner's statistics the open gathers aside when they are
 * due (main/store/statistics.ts) and for its warm-up of the library's pages (main/store/warm-pages.ts): the library's
 * queries are measured with both, as a user's archive has them by the time the user has logged in. Says how long the
 * warm-up took.
 */
async function openAsTheProgramDoes(t: TestApi): Promise<string> {
  const opening = performance.now();
  const store = t.services.archive.open();
  const opened = performance.now() - opening;
  const [gathered, warmed] = await Promise.all([store.statistics, store.warmed]);
  const analyzed = store.db.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'media'").pluck().get();
  console.log(`library: opened in ${(opened / 1000).toFixed(1)} s, statistics on ${String(analyzed)} indexes of media${gathered ? ` (gathered aside in ${(gathered.ms / 1000).toFixed(1)} s)` : ''}`);
  const warmUp = warmed
    ? `the open's warm-up read ${(warmed.bytes / 2 ** 20).toFixed(0)} MiB of the library's pages (${warmed.btrees.length} b-trees) into the file cache in ${(warmed.ms / 1000).toFixed(1)} s${warmed.warmed ? '' : ` (not to the end: ${warmed.error ?? 'unknown'})`} (main/store/warm-pages.ts), awaited before the first query, as a user logs in meanwhile`
    : 'no warm-up at this size';
  console.log(`library: ${warmUp}`);
  return warmUp;
}

/** The cached archive for `n` media, made (office set up, rows generated, closed and opened) when missing or stale. */
export async function archiveOf(n: number): Promise<{ t: TestApi; admin: Client; lib: Saved; warmUp: string }> {
  const root = path.resolve('test-results', 'bench-cache', `library-${n}`);
  const marker = path.join(root, 'generated.json');
  // Any change to any migration (an index added) makes a new archive; so does the way its statistics are made (the key
  // names how they were first made at open; gathered aside since, per index, they are the same statistics).
  const schema = createHash('sha256').update(MIGRATIONS.map((m) => m.up).join('\n')).update('statistics: refreshStatistics at open').digest('hex');
  const saved = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as Saved) : null;
  const fresh = !saved || saved.n !== n || saved.seed !== SEED || saved.schema !== schema;
  if (fresh) rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const t = testApiAt(root, { costs: TEST_COSTS });
  const admin = t.client('admin');
  if (!fresh) {
    const warmUp = await openAsTheProgramDoes(t);
    await t.call(admin, 'session.login', { login: OFFICE_SETUP.admin.login, password: OFFICE_SETUP.admin.password });
    console.log(`library: reusing ${n} generated media in ${root}`);
    return { t, admin, lib: saved, warmUp };
  }
  await t.call(admin, 'setup.initialize', OFFICE_SETUP);
  const db = t.services.archive.open().db;
  const t0 = performance.now();
  const { notes, ...made } = generateLibrary(db, n, SEED);
  console.log(`library: ${notes.size} notes`);
  // The planner's statistics as a user's archive has them: gathered by the program when it opens the archive
  // (main/store/statistics.ts), not by the bench.
  t.services.archive.close();
  const warmUp = await openAsTheProgramDoes(t);
  console.log(`library: generated ${n} media (${made.recordings} recordings, ${made.cases.length} cases) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const lib: Saved = { ...made, n, seed: SEED, schema };
  writeFileSync(marker, JSON.stringify(lib));
  return { t, admin, lib, warmUp };
}

/** The queries, each named as the row prints it. */
export function queries(lib: Saved): [string, Search][] {
  const officer = lib.officers[2]!.id;
  const recorder = lib.recorders[5]!.id;
  const bigCase = [...lib.cases].sort((a, b) => b.mediaIds.length - a.mediaIds.length)[0]!;
  const year = lib.lastStart.slice(0, 4);
  const twoWeeks = { from: `${year}-03-01T00:00:00+08:00`, to: `${year}-03-15T00:00:00+08:00` };
  const oneYear = { from: `${Number(year) - 1}-01-01T00:00:00+08:00`, to: `${year}-01-01T00:00:00+08:00` };
  const single: [string, Search][] = [
    ['no filter, newest first', {}],
    ['date range (2 weeks)', twoWeeks],
    ['date range (1 year)', oneYear],
    ['from only (last year on)', { from: oneYear.from }],
    ['officer', { officerId: officer }],
    ['recorder', { recorderId: recorder }],
    ['category', { category: 'coercive' }],
    ['no category', { category: 'none' }],
    ['key mark', { keyMark: true }],
    ['not key-marked', { keyMark: false }],
    ['classification (rare)', { classification: 'state_secret' }],
    ['classification (common)', { classification: 'normal' }],
    ['flags (any of 2)', { flags: ['truncated', 'clock_suspect'] }],
    ['kind (audio)', { kind: 'audio' }],
    ['case (largest)', { caseId: bigCase.id }],
    ['recording', { recordingId: Math.max(1, Math.floor(lib.recordings / 2)) }],
  ];
  const sorts: [string, Search][] = (['startAt', 'size', 'durationSec'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).map((order): [string, Search] => [`sort ${sort} ${order}`, { sort, order }]),
  );
  // Every single filter in the other sorts too (the 资料库's column headers sort any filtered list).
  const singleSorted: [string, Search][] = single.slice(1).flatMap(([name, q]) =>
    (['size', 'durationSec'] as const).flatMap((sort) => (['asc', 'desc'] as const).map((order): [string, Search] => [`${name}, by ${sort} ${order}`, { ...q, sort, order }])),
  );
  const combined: [string, Search][] = [
    ['officer + category + from', { officerId: officer, category: 'inspection', from: oneYear.from }],
    ['recorder + kind + 1 year, by size', { recorderId: recorder, kind: 'video', ...oneYear, sort: 'size' }],
    ['classification + flags, by duration asc', { classification: 'privacy', flags: ['no_audio', 'truncated'], sort: 'durationSec', order: 'asc' }],
    ['2 weeks, by size desc', { ...twoWeeks, sort: 'size' }],
    ['1 year, by duration desc', { ...oneYear, sort: 'durationSec' }],
    ['officer + key mark + no category', { officerId: officer, keyMark: true, category: 'none' }],
    ['category + kind, by size asc', { category: 'evidence', kind: 'video', sort: 'size', order: 'asc' }],
  ];
  const text: [string, Search][] = [
    ['text: file name piece', { text: lib.recorders[3]!.serial.slice(3) + '_2025' }],
    ['text: note phrase', { text: '拒绝配合' }],
    ['text: case number', { text: bigCase.number }],
    ['text: case title piece', { text: '殴打他人' }],
    ['text: officer name (3 chars)', { text: lib.officers.find((o) => [...o.name].length === 3)!.name }],
    ['text: officer name (2 chars, short path)', { text: '张三' }],
    ['text + date range', { text: '拒绝配合', ...oneYear }],
    ['text + officer, by size', { text: '在场', officerId: officer, sort: 'size' }],
  ];
  return [...single, ...sorts, ...singleSorted, ...combined, ...text];
}

/**
 * p95 of the runs after the first two calls, which are timed apart: the first takes the query's count (and for a
 * text is the plain query), the second builds what is kept for later calls (a slow text's match list, a deep
 * offset's anchor) — what a user's first page and next page cost.
 */
async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const first = await took(run);
  const second = await took(run);
  return { ...(await repeated(run, Math.max(first, second))), first, second };
}

async function took(run: () => Promise<unknown>): Promise<number> {
  const s = performance.now();
  await run();
  return performance.now() - s;
}

/** p95 of the runs of an answered query, fewer when its first calls were far over target. */
async function repeated(run: () => Promise<unknown>, slowest: number): Promise<{ p95: number }> {
  // A query far over target is measured fewer times: the row says it misses either way.
  const runs = slowest > 20 * TARGET_MS ? 5 : RUNS;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await took(run));
  return { p95: p95(times) };
}

/**
 * A new text as the 资料库 asks for it: its first page (which comes without its count), its count
 * (library.count, which builds a slow text's kept match list), the page after by cursor; then the
 * first page again (now with its count), p95.
 */
async function timedText(t: TestApi, admin: Client, q: Search): Promise<Timing & { count: number }> {
  let next: LibraryCursor | null = null;
  const first = await took(async () => ({ next } = await t.call(admin, 'library.search', { ...q, limit: 100 })));
  const { limit: _limit, offset: _offset, ...counted } = q;
  const count = await took(() => t.call(admin, 'library.count', counted));
  const second = next ? await took(() => t.call(admin, 'library.search', { ...q, limit: 100, after: next! })) : 0;
  const run = () => t.call(admin, 'library.search', { ...q, limit: 100 });
  return { ...(await repeated(run, Math.max(first, second))), first, second, count };
}

interface Timing {
  p95: number;
  first: number;
  second: number;
}

const row = (name: string, { p95: ours, first, second, count }: Timing & { count?: number }, extra = ''): BenchRow => ({
  name,
  ours,
  peer: TARGET_MS,
  unit: 'ms p95',
  ratio: ours / TARGET_MS,
  note: `${ours <= TARGET_MS ? 'under target' : 'OVER target'}${extra}; ${
    count === undefined
      ? `first call ${first.toFixed(0)} ms (takes the count), second ${second.toFixed(0)} ms (a deep offset builds its anchor)`
      : `a new text: first page ${first.toFixed(0)} ms (no count), library.count ${count.toFixed(0)} ms (builds a slow text's kept list), page 2 by cursor ${second.toFixed(0)} ms`
  }; shared machine, noisy`,
});

export async function benchLibrary(n = Number(process.env.BENCH_LIBRARY_MEDIA ?? 1_000_000)): Promise<BenchRow[]> {
  const { t, admin, lib, warmUp } = await archiveOf(n);
  try {
    const rows: BenchRow[] = [];
    const at = `${Math.round(n / 1000)}k`;
    const newText: { name: string; first: number; second: number; count: number }[] = [];
    for (const [name, q] of queries(lib)) {
      if (q.text === undefined) {
        rows.push(row(`${at} search: ${name}`, await timed(() => t.call(admin, 'library.search', { ...q, limit: 100 }))));
        continue;
      }
      const timing = await timedText(t, admin, q);
      rows.push(row(`${at} search: ${name}`, timing));
      newText.push({ name, ...timing });
    }
    // What typing a new text costs: its first page, and the page after it (by cursor, once counted).
    const worst = (k: 'first' | 'second') => newText.reduce((a, b) => (b[k] > a[k] ? b : a));
    for (const k of ['first', 'second'] as const) {
      const w = worst(k);
      rows.push({ name: `${at} search: a new text's ${k} page, worst of ${newText.length}`, ours: w[k], peer: TARGET_MS, unit: 'ms', ratio: w[k] / TARGET_MS, note: `${w[k] <= TARGET_MS ? 'under target' : 'OVER target'}; "${w.name}"; all: ${newText.map((x) => `${x.name} ${x[k].toFixed(0)}`).join(', ')}${k === 'first' ? `; ${warmUp}; ${FIRST_PAGE_CAUSE}` : ''}` });
    }
    // Not a target: the count arrives after the first page (the list shows 正在计数… until then).
    const slowest = newText.reduce((a, b) => (b.count > a.count ? b : a));
    rows.push({ name: `${at} search: a new text's count, worst of ${newText.length}`, ours: slowest.count, peer: TARGET_MS, unit: 'ms', ratio: slowest.count / TARGET_MS, note: `not an issue target: library.count after the first page, shown as 正在计数… until it arrives; "${slowest.name}"; all: ${newText.map((x) => `${x.name} ${x.count.toFixed(0)}`).join(', ')}` });
    // Deep page: by offset (what a jump to a page never reached costs) and by cursor (what paging on costs).
    const deep = Math.floor(n / 2);
    rows.push(row(`${at} deep page: offset ${deep}`, await timed(() => t.call(admin, 'library.search', { limit: 100, offset: deep })), ', offset'));
    const before = await t.call(admin, 'library.search', { limit: 100, offset: deep - 100 });
    rows.push(row(`${at} deep page: cursor at ${deep}`, await timed(() => t.call(admin, 'library.search', { limit: 100, after: before.next! }))));
    const bySize = await t.call(admin, 'library.search', { limit: 100, offset: deep - 100, sort: 'durationSec' });
    rows.push(row(`${at} deep page: cursor at ${deep}, by duration`, await timed(() => t.call(admin, 'library.search', { limit: 100, sort: 'durationSec', after: bySize.next! }))));
    // 按录制分组 on the server.
    rows.push(row(`${at} groups: officer, newest first`, await timed(() => t.call(admin, 'library.recordings', { limit: 100, officerId: lib.officers[2]!.id }))));
    rows.push(row(`${at} groups: 2 weeks`, await timed(() => t.call(admin, 'library.recordings', { limit: 100, from: `${lib.lastStart.slice(0, 4)}-03-01T00:00:00+08:00`, to: `${lib.lastStart.slice(0, 4)}-03-15T00:00:00+08:00` }))));
    rows.push(row(`${at} groups: no filter`, await timed(() => t.call(admin, 'library.recordings', { limit: 100 }))));
    return rows;
  } finally {
    t.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchLibrary()) console.log(`${r.name.padEnd(56)} ${r.ours.toFixed(2).padStart(9)} ${r.unit}  (target ${r.peer} ms)  ${r.note}`);
}
