import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices } from '../../../main/api';
import { startBrowserHost } from '../../../main/host';
import { silentLogger } from '../../../main/log';

export interface TestHost {
  /** The URL with the token: opening it sets the cookie and redirects to the app. */
  openUrl: string;
  url: string;
  archiveRoot: string;
  /** Moves the services' clock forward (idle logout, lock-out) without waiting. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts the real browser host in-process on a fresh temporary archive (first-run state), serving
 * the renderer built by `vite build` into out/renderer.
 */
export async function startTestHost(): Promise<TestHost> {
  const archiveRoot = mkdtempSync(path.join(tmpdir(), 'ew-e2e-'));
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const services = createServices({ archiveRoot, host: { kind: 'browser-host' }, log: silentLogger, clock });
  const host = await startBrowserHost({ services, staticDir: path.resolve('out/renderer') });
  return {
    openUrl: host.openUrl,
    url: host.url,
    archiveRoot,
    advanceClock: (ms) => {
      offset += ms;
    },
    close: async () => {
      await host.close();
      services.archive.close();
      rmSync(archiveRoot, { recursive: true, force: true });
    },
  };
}
