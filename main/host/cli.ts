import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../api';
import { systemClock } from '../common';
import { createFileLogger } from '../log';
import { startBrowserHost } from './server';

/** `npm run web`: the real UI and API in a browser, on loopback only, for testing and development. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      archive: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      renderer: { type: 'string' },
    },
  });
  const archiveRoot = path.resolve(values.archive ?? process.env.EVIDENCE_ARCHIVE ?? 'archive');
  const log = createFileLogger({ dir: path.join(archiveRoot, 'logs'), alsoConsole: process.env.EVIDENCE_LOG_CONSOLE === '1' });
  const services = createServices({ archiveRoot, host: { kind: 'browser-host' }, log, clock: systemClock });
  const host = await startBrowserHost({
    services,
    staticDir: path.resolve(values.renderer ?? 'out/renderer'),
    host: values.host,
    port: values.port ? Number(values.port) : 5199,
    token: process.env.EVIDENCE_HOST_TOKEN,
  });
  log.info('browser host started', { url: host.url, archive: archiveRoot });
  console.log(`证据工作站（浏览器模式）已启动 / browser host listening\n档案库 archive: ${archiveRoot}\n请在浏览器中打开 open: ${host.openUrl}`);
  const stop = async () => {
    await host.close();
    services.archive.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`browser host failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
