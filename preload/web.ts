import type { EventName, MethodName, Transport } from '../main/api/contract';
import type { ApiResult } from '../main/api/dto';

const TOKEN_KEY = 'evidence.hostToken';
const CLIENT_KEY = 'evidence.client';

/**
 * The host's token and this tab's client id. The printed URL carries the token once (`/?token=…`); the page keeps it
 * in sessionStorage, which the browser keeps per origin, port included (cookies are shared by every port of
 * 127.0.0.1), and takes it out of the address bar. A reload keeps both; a new tab opens the printed URL again.
 */
function hostCredentials(): { token: string | null; client: string } {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
  }
  let client = sessionStorage.getItem(CLIENT_KEY);
  if (!client) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    client = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
    sessionStorage.setItem(CLIENT_KEY, client);
  }
  return { token: sessionStorage.getItem(TOKEN_KEY), client };
}

/** What the browser loads by itself (media, downloads) cannot send headers: it carries the session's link ticket. */
export interface WebTransport extends Transport {
  /** `path` with this session's link ticket, for `<video src>`, `<img src>` and download links. */
  link(path: string): string;
}

/** Parses the `data:` lines of server-sent event blocks as they arrive; returns what is left of an unfinished block. */
function readEventBlocks(buffer: string, onData: (data: string) => void): string {
  let end: number;
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (data) onData(data);
  }
  return buffer;
}

/**
 * The browser-host transport: the same Transport the Electron preload exposes, over loopback HTTP. Every request
 * carries the token and the client id as headers; the event stream is read with fetch because EventSource cannot
 * send headers.
 */
export function createWebTransport(base = ''): WebTransport {
  const { token, client } = hostCredentials();
  const headers = (): Record<string, string> => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), 'X-Evidence-Client': client });
  let ticket: string | null = null;
  return {
    async invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers() },
          credentials: 'omit',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接到工作站服务，请确认程序仍在运行' } };
      }
      if (res.status === 401) return { ok: false, error: { code: 'HOST_TOKEN', message: '访问令牌无效，请使用启动时打印的完整地址重新打开' } };
      // Sent while someone is logged in on this page. An old one left after logout is refused by the host anyway.
      ticket = res.headers.get('X-Evidence-Link-Ticket') ?? ticket;
      try {
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'HOST_BAD_RESPONSE', message: '工作站服务返回了无法识别的响应' } };
      }
    },
    subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
      const stop = new AbortController();
      const deliver = (data: string) => {
        try {
          const { event, payload } = JSON.parse(data) as { event: EventName; payload: unknown };
          listener(event, payload);
        } catch {
          // Ignore a malformed push rather than break the page.
        }
      };
      const run = async () => {
        // Reconnects after a dropped stream, as EventSource would.
        while (!stop.signal.aborted) {
          try {
            const res = await fetch(`${base}/events`, { headers: headers(), credentials: 'omit', signal: stop.signal });
            if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer = readEventBlocks(buffer + value, deliver);
            }
          } catch {
            if (stop.signal.aborted) return;
          }
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
      };
      void run();
      return () => stop.abort();
    },
    link(path: string): string {
      if (!ticket) return path;
      return `${path}${path.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;
    },
  };
}
