import type { EventName, MethodName, Transport } from '../main/api/contract';
import type { ApiResult } from '../main/api/dto';

/**
 * The browser-host transport: the same Transport the Electron preload exposes, over loopback
 * HTTP. The host's token travels in an HttpOnly cookie set when the printed URL is first opened.
 */
export function createWebTransport(base = ''): Transport {
  return {
    async invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接到工作站服务，请确认程序仍在运行' } };
      }
      if (res.status === 401) return { ok: false, error: { code: 'HOST_TOKEN', message: '访问令牌无效，请使用启动时打印的完整地址重新打开' } };
      try {
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'HOST_BAD_RESPONSE', message: '工作站服务返回了无法识别的响应' } };
      }
    },
    subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
      const source = new EventSource(`${base}/events`);
      source.onmessage = (m: MessageEvent<string>) => {
        try {
          const { event, payload } = JSON.parse(m.data) as { event: EventName; payload: unknown };
          listener(event, payload);
        } catch {
          // Ignore a malformed push rather than break the page.
        }
      };
      return () => source.close();
    },
  };
}
