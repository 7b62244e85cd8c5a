import { useEffect, useState, type DependencyList } from 'react';
import { errorMessage, isHandledGlobally } from '../errors';

/**
 * What a panel reads when it mounts, read again when one of `deps` changes (`data` stays until the new read
 * lands), and the read's failure (none when the app handles it itself: the session is gone). A read that lands
 * after the panel left, or after a newer read began, is dropped.
 */
export function useLoaded<T>(read: () => Promise<T>, deps: DependencyList): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    read().then(
      (data) => live && setState({ data, error: null }),
      (e: unknown) => live && setState((s) => ({ data: s.data, error: isHandledGlobally(e) ? null : errorMessage(e) })),
    );
    return () => {
      live = false;
    };
    // `read` is a new closure each render; `deps` say when it reads something else.
  }, deps);
  return state;
}
