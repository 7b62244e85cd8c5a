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

/** The one typed API object the UI calls; Electron IPC or loopback HTTP underneath. */
export const api: EvidenceApi = buildClient(window.evidenceTransport ?? createWebTransport());
