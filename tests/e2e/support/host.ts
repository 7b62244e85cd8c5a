import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type ApiServices } from '../../../main/api';
import { SourceRegistry } from '../../../main/devices';
import { startBrowserHost } from '../../../main/host';
import { silentLogger } from '../../../main/log';
import { testKeyPairs } from '../../support/key-pool';
import { TEST_COSTS } from '../../support/services';

export interface TestHost {
  /** The URL with the token: the page keeps the token (sessionStorage) and takes it out of the address bar. */
  openUrl: string;
  url: string;
  archiveRoot: string;
  /** The real services behind the host, for arranging a test (register a source, set up the office). */
  services: ApiServices;
  /** Moves the services' clock forward (idle logout, lock-out) without waiting. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export interface TestHostOptions {
  /** The services' clock starts at this instant and then runs at real speed (default: now). */
  startAt?: Date;
  /** Where the folder picker may look (default: nowhere, so no test sees this machine's folders). */
  browseRoots?: string[];
  /** Awaited before each file an ingest copies: a test holds a source here to keep it running. */
  ingestBeforeFile?: (sourceLabel: string, relPath: string) => Promise<void>;
  /** Awaited after each chunk an ingest reads: a test plays a slow recorder here. */
  ingestAfterRead?: (sourceLabel: string, bytes: number) => Promise<void>;
  /** An archive that exists already (a benchmark's cached one), left in place on close; default: a fresh one. */
  archiveRoot?: string;
}

/**
 * Starts the real browser host in-process on a fresh temporary archive (first-run state), serving
 * the renderer built by `vite build` into out/renderer.
 */
export async function startTestHost(opts: TestHostOptions = {}): Promise<TestHost> {
  const archiveRoot = opts.archiveRoot ?? mkdtempSync(path.join(tmpdir(), 'ew-e2e-'));
  let offset = opts.startAt ? opts.startAt.getTime() - Date.now() : 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  // Sources are only what a test adds: not this machine's mounted drives or EVIDENCE_EXTRA_SOURCES.
  const sources = new SourceRegistry([], () => [], () => opts.browseRoots ?? []);
  // Test keys and secret costs as in the unit suite: the real ones have their own unit tests, and each login at
  // the real cost would add about a second of CPU to every spec.
  const services = createServices({ archiveRoot, host: { kind: 'browser-host' }, log: silentLogger, clock, sources, keyPairs: testKeyPairs(), costs: TEST_COSTS, ingestBeforeFile: opts.ingestBeforeFile, ingestAfterRead: opts.ingestAfterRead });
  const host = await startBrowserHost({ services, staticDir: path.resolve('out/renderer') });
  return {
    openUrl: host.openUrl,
    url: host.url,
    archiveRoot,
    services,
    advanceClock: (ms) => {
      offset += ms;
    },
    close: async () => {
      // Let a background job (ingest) finish before its archive goes away.
      await Promise.allSettled([...services.jobs.values()].map((j) => j.done));
      await host.close();
      services.archive.close();
      if (!opts.archiveRoot) rmSync(archiveRoot, { recursive: true, force: true });
    },
  };
}
