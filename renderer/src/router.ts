import { useSyncExternalStore } from 'react';
import type { SectionId } from '../../main/api/dto';

/**
 * Hash routes: `#/<section>`. Hash routing works the same from a file (Electron) and from the
 * browser host, and survives a reload.
 */
function readRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route segment as typed; the frame decides whether it is a section the user may see. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, readRoute);
}

export function navigate(section: SectionId): void {
  window.location.hash = `#/${section}`;
}
