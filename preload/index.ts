import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName, Transport } from '../main/api/contract';
import type { ApiResult } from '../main/api/dto';

/** The only thing the sandboxed renderer gets: invoke a contract method, hear pushed events. */
const transport = {
  invoke: (method: MethodName, input: unknown) => ipcRenderer.invoke('evidence:api', method, input) as Promise<ApiResult<unknown>>,
  subscribe(listener: (event: EventName, payload: unknown) => void) {
    const handler = (_e: IpcRendererEvent, event: EventName, payload: unknown) => listener(event, payload);
    ipcRenderer.on('evidence:event', handler);
    return () => {
      ipcRenderer.removeListener('evidence:event', handler);
    };
  },
} satisfies Transport;

contextBridge.exposeInMainWorld('evidenceTransport', transport);
