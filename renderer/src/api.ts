import type { EvidenceApi, Transport } from '../../main/api/contract';
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

function observed(transport: Transport): Transport {
  return {
    async invoke(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) for (const l of failureListeners) l(result.error.code, result.error.message);
      return result;
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}

/** The one typed API object the UI calls; Electron IPC or loopback HTTP underneath. */
export const api: EvidenceApi = buildClient(observed(window.evidenceTransport ?? createWebTransport()));
