import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { dispatch, handleMediaRequest, type ApiServices, type Client, type EventName } from '../api';
import { assertLoopbackHost } from './loopback';
import { SECURITY_HEADERS } from './csp';

const MAX_BODY = 1024 * 1024;
/** Methods that carry an upload (a scanned signed form, up to 10 MB as base64). */
const UPLOAD_BODY = new Map<string, number>([['forms.recordAttachScan', 16 * 1024 * 1024]]);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserHost {
  url: string;
  /** The URL with the token, as printed for the user to open. */
  openUrl: string;
  token: string;
  server: Server;
  emit(target: Client | 'all', event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  services: ApiServices;
  /** The built renderer (vite output). */
  staticDir: string;
  host?: string;
  port?: number;
  token?: string;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length ? (JSON.parse(text) as unknown) : {};
}

/**
 * Serves the real renderer and the real API on loopback so the UI can be driven by a real browser.
 * Every request needs the per-start token (cookie, or an `Authorization: Bearer` header).
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const bindHost = assertLoopbackHost(opts.host ?? '127.0.0.1');
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const { services } = opts;
  const clients = new Map<string, Client>();
  const streams = new Map<string, Set<ServerResponse>>();
  const staticRoot = path.resolve(opts.staticDir);

  const emit = (target: Client | 'all', event: EventName, payload: unknown) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    const targets = target === 'all' ? [...streams.values()].flatMap((s) => [...s]) : [...(streams.get(target.id) ?? [])];
    for (const r of targets) r.write(data);
  };
  services.host.emit ??= emit;

  const serveStatic = (res: ServerResponse, urlPath: string) => {
    const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
    let file = path.resolve(staticRoot, rel || 'index.html');
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) return send(res, 404, 'not found');
    let st = statSync(file, { throwIfNoEntry: false });
    if (!st || st.isDirectory()) {
      // Client-side routes fall back to the app shell; missing assets are a plain 404.
      if (path.extname(rel)) return send(res, 404, 'not found');
      file = path.join(staticRoot, 'index.html');
      st = statSync(file, { throwIfNoEntry: false });
      if (!st) return send(res, 500, 'renderer not built: run `npm run build:renderer` (vite build) first');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(st.size),
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  };

  // Generated documents (handover sheets, reports) for a logged-in user: the browser's stand-in for
  // Electron opening the file. Originals are never served here.
  const serveForm = (res: ServerResponse, client: Client, name: string) => {
    if (services.sessions.touch(client.sessionId).state !== 'active') return send(res, 401, '请先登录');
    if (!/^[A-Za-z0-9_.-]{1,100}\.(docx|docx\.p7s|p7s|json)$/.test(name)) return send(res, 404, 'not found');
    const file = path.join(services.archive.open().paths.forms, name);
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) return send(res, 404, 'not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': name.endsWith('.p7s') ? 'application/pkcs7-signature' : name.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Length': String(st.size),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  };

  // Media go through the same handler as Electron's evidence:// protocol: session, leave to view, Range.
  const serveMedia = async (req: IncomingMessage, res: ServerResponse, client: Client) => {
    const lookup = services.sessions.touch(client.sessionId);
    const headers = new Headers();
    if (typeof req.headers.range === 'string') headers.set('range', req.headers.range);
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method: req.method, headers });
    const response = await handleMediaRequest(services, request, lookup.state === 'active' ? lookup.session : null);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) out[k.toLowerCase()] = v;
    for (const [k, v] of response.headers) out[k] = v;
    res.writeHead(response.status, out);
    if (!response.body) return res.end();
    // A player that seeks drops the connection; that ends the read stream too.
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch(() => undefined);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cookies = parseCookies(req.headers.cookie);

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, '令牌无效 (invalid token)');
      const clientId = cookies.ew_client && clients.has(cookies.ew_client) ? cookies.ew_client : randomBytes(16).toString('base64url');
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': [
          `ew_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
          `ew_client=${clientId}; HttpOnly; SameSite=Strict; Path=/`,
        ],
      });
      return res.end();
    }

    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    if (!sameSecret(cookies.ew_token, token) && !sameSecret(bearer, token)) return send(res, 401, '需要访问令牌 (token required)');

    const clientId = cookies.ew_client ?? (typeof req.headers['x-evidence-client'] === 'string' ? req.headers['x-evidence-client'] : 'default');
    let client = clients.get(clientId);
    if (!client) {
      client = { id: clientId, sessionId: null };
      clients.set(clientId, client);
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      // A cross-site form cannot send JSON; a page on another origin is refused outright.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json required');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'cross-origin request refused');
      const method = decodeURIComponent(url.pathname.slice(5));
      let body: unknown;
      try {
        body = await readJson(req, UPLOAD_BODY.get(method) ?? MAX_BODY);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式有误' } }), 'application/json');
      }
      const result = await dispatch(services, client, method, body);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/events' && req.method === 'GET') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const set = streams.get(client.id) ?? new Set<ServerResponse>();
      set.add(res);
      streams.set(client.id, set);
      req.on('close', () => set.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    if (url.pathname.startsWith('/media/')) return serveMedia(req, res, client);
    if (url.pathname.startsWith('/forms/')) return serveForm(res, client, decodeURIComponent(url.pathname.slice(7)));
    return serveStatic(res, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      services.log.error('browser host request failed', { url: req.url, error: String(e) });
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const hostPart = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const url = `http://${hostPart}:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    server,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const set of streams.values()) for (const r of set) r.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
