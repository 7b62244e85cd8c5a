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
  close(): Promise<void>;
}

/** Starts the real browser host in-process on a fresh temporary archive (first-run state). */
export async function startTestHost(): Promise<TestHost> {
  const archiveRoot = mkdtempSync(path.join(tmpdir(), 'ew-e2e-'));
  const services = createServices({ archiveRoot, host: { kind: 'browser-host' }, log: silentLogger });
  const host = await startBrowserHost({ services, staticDir: path.resolve('out/renderer') });
  return {
    openUrl: host.openUrl,
    url: host.url,
    archiveRoot,
    close: async () => {
      await host.close();
      services.archive.close();
      rmSync(archiveRoot, { recursive: true, force: true });
    },
  };
}
