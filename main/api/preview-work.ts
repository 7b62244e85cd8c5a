import type { PreviewWork } from '../library';
import type { ApiServices } from './context';

/** What the library's preview making needs, taken from the services; progress goes to every window. */
export function previewWork(services: ApiServices): PreviewWork {
  return {
    paths: services.archive.open().paths,
    jobs: services.jobs,
    log: services.log,
    onProgress: (p) => services.host.emit?.('all', 'media.previewProgress', p),
  };
}
