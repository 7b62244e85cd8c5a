import { useSyncExternalStore } from 'react';
import type { SectionId } from '../../main/api/dto';

/**
 * Hash routes: `#/<section>` or `#/<section>/<tab>`. Hash routing works the same from a file
 * (Electron) and from the browser host, and survives a reload.
 */
function segments(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
}

function readRoute(): string {
  return segments()[0] ?? '';
}

function readSubRoute(): string {
  return segments()[1] ?? '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route segment as typed; the frame decides whether it is a section the user may see. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, readRoute);
}

/** The part after the section (a tab of the page), '' when absent. */
export function useSubRoute(): string {
  return useSyncExternalStore(subscribe, readSubRoute);
}

export function navigate(section: SectionId, sub?: string): void {
  window.location.hash = sub ? `#/${section}/${sub}` : `#/${section}`;
}
