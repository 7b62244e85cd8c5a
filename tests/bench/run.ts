/**
 * `npm run bench`: every benchmark, each a ratio against a peer tool on the same data.
 * `npm run bench -- ingest` (or `iso`, `crypto`, `probe`, …) runs one; name several to run those
 * (`npm run bench -- integrity audit`). Results also go to test-results/bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchCrypto } from './crypto';
import { benchIngest } from './ingest';
import { benchIso } from './iso';
import { benchLibrary } from './library';
import { benchPlayer } from './player';
import { benchProbe } from './probe';
import { benchDocking } from './docking';
import type { BenchRow as Row } from './row';
import { benchAudit } from './audit';
import { benchIntegrity } from './integrity';
import { benchLibraryScroll } from './library-scroll';
import { benchMulticam } from './multicam';

const SUITES: Record<string, () => Promise<Row[]>> = {
  ingest: () => benchIngest(),
  iso: () => benchIso(),
  library: () => benchLibrary(),
  player: () => benchPlayer(),
  crypto: () => benchCrypto(),
  probe: () => benchProbe(),
  docking: () => benchDocking(),
  integrity: () => benchIntegrity(),
  audit: () => benchAudit(),
  'library-scroll': () => benchLibraryScroll(),
  multicam: () => benchMulticam(),
};

const wanted = process.argv.slice(2).filter((a) => a in SUITES);
const rows: (Row & { suite: string })[] = [];
for (const [suite, run] of Object.entries(SUITES)) {
  if (wanted.length && !wanted.includes(suite)) continue;
  console.log(`\n== ${suite} ==`);
  for (const r of await run()) rows.push({ suite, ...r });
}

console.log('\nsuite   name'.padEnd(58) + 'ours'.padStart(12) + 'peer'.padStart(12) + '  unit      ratio  note');
for (const r of rows) {
  console.log(
    `${r.suite.padEnd(8)}${r.name.padEnd(49)}${r.ours.toFixed(1).padStart(12)}${r.peer.toFixed(1).padStart(12)}  ${r.unit.padEnd(8)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.note ?? ''}`,
  );
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
