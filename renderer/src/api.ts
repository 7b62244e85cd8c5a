import type { EventName, EvidenceApi, Transport } from '../../main/api/contract';
import { buildClient } from '../../preload/transport';
import { createWebTransport } from '../../preload/web';

export { ApiError } from '../../preload/transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    evidenceTransport?: Transport;
  }
}

type FailureListener = (code: string, message: string) => void;
const failureListeners = new Set<FailureListener>();

/**
 * Lets the app react to refusals that concern the whole session (expired, logged out elsewhere,
 * password change required) wherever the call was made.
 */
export function onApiFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Every `api.on(...)` shares one underlying subscription. In the browser host each subscription
 * is an EventSource, and a browser keeps only six connections per host: a page listening to
 * several events must not starve its own API calls.
 */
function shared(transport: Transport): Transport['subscribe'] {
  const listeners = new Set<EventListener>();
  let close: (() => void) | null = null;
  return (listener) => {
    listeners.add(listener);
    close ??= transport.subscribe((event, payload) => {
      for (const l of [...listeners]) l(event, payload);
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && close) {
        close();
        close = null;
      }
    };
  };
}

function observed(transport: Transport): Transport {
  return {
    async invoke(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) for (const l of failureListeners) l(result.error.code, result.error.message);
      return result;
    },
    subscribe: shared(transport),
  };
}

/** True in the desktop program (Electron); false in the browser host. */
export const isDesktop = window.evidenceTransport !== undefined;

const web = window.evidenceTransport ? null : createWebTransport();

/** The one typed API object the UI calls; Electron IPC or loopback HTTP underneath. */
export const api: EvidenceApi = buildClient(observed(window.evidenceTransport ?? web!));

/**
 * A URL the browser loads by itself (`<video src>`, `<img src>`, a download link). In the browser host it carries
 * the session's link ticket, since such a load cannot send the token header; the desktop program needs none.
 */
export function hostLink(path: string): string {
  return web ? web.link(path) : path;
}
