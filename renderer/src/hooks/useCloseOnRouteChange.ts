import { useEffect } from 'react';

/** A dialog over a page closes when the route (hash) changes while it is open. */
export function useCloseOnRouteChange(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, [open, close]);
}
