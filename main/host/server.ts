import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { SessionId } from '../accounts';
import { dispatch, handleFormRequest, handleMediaRequest, type ApiServices, type Client, type EventName } from '../api';
import { assertLoopbackHost } from './loopback';
import { SECURITY_HEADERS } from './csp';

const MAX_BODY = 1024 * 1024;
/** Methods that carry an upload (a scanned signed form, up to 10 MB as base64). */
const UPLOAD_BODY = new Map<string, number>([
  ['forms.recordAttachScan', 16 * 1024 * 1024],
  ['devices.attachStatement', 16 * 1024 * 1024],
]);

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

/** Where a media request may come from: a media element, an image or a fetch of our own page, never a page of its own. */
const MEDIA_DESTINATIONS = new Set(['video', 'audio', 'image', 'track', 'empty']);

/** The decoded path, or null when it has a malformed escape or a NUL: such a request is a 400, not a server error. */
function decodedPath(pathname: string): string | null {
  try {
    const p = decodeURIComponent(pathname);
    return p.includes('\0') ? null : p;
  } catch {
    return null;
  }
}

/**
 * Serves the real renderer and the real API on loopback so the UI can be driven by a real browser.
 *
 * The built renderer itself holds no secret and is served to anyone who reaches the port. Everything else needs the
 * per-start token in an `Authorization: Bearer` header, with the page's client id in `X-Evidence-Client`. The page
 * keeps both in its own sessionStorage, which the browser separates by origin, port included. A cookie would not do:
 * cookies are not separated by port, so every other server on 127.0.0.1 would receive the token.
 *
 * What the browser loads by itself (`<video src>`, `<img src>`, a download link) cannot carry a header: such a GET of
 * `/media/…` or `/forms/…` may instead carry `?ticket=`, a random link ticket the host hands a logged-in client in a
 * response header. A ticket belongs to one client's one session: it opens nothing the session may not, and dies with
 * the session (logout, idle, new login). It never works for the API or the event stream.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const bindHost = assertLoopbackHost(opts.host ?? '127.0.0.1');
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const { services } = opts;
  const clients = new Map<string, Client>();
  const streams = new Map<string, Set<ServerResponse>>();
  const staticRoot = path.resolve(opts.staticDir);
  /** Link tickets: ticket → the client and the session it was issued for; and each client's current ticket. */
  const tickets = new Map<string, { clientId: string; sessionId: SessionId }>();
  const ticketOf = new Map<string, string>();

  const emit = (target: Client | 'all', event: EventName, payload: unknown) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    // Events for everyone (ingest progress, …) go only to clients with someone logged in, not to every token holder.
    const ids = target === 'all' ? [...streams.keys()].filter((id) => services.sessions.isActive(clients.get(id)?.sessionId ?? null)) : [target.id];
    for (const id of ids) for (const r of streams.get(id) ?? []) r.write(data);
  };
  services.host.emit ??= emit;

  /** The client's link ticket for its current session (made on first need), or null when nobody is logged in. */
  const linkTicket = (client: Client): string | null => {
    const current = ticketOf.get(client.id);
    const sessionId = client.sessionId;
    if (!sessionId || !services.sessions.isActive(sessionId)) return null;
    if (current && tickets.get(current)?.sessionId === sessionId) return current;
    if (current) tickets.delete(current);
    const ticket = randomBytes(24).toString('base64url');
    tickets.set(ticket, { clientId: client.id, sessionId });
    ticketOf.set(client.id, ticket);
    return ticket;
  };
  /** The client a link ticket stands for, while its session is the one the ticket was issued for. */
  const ticketClient = (ticket: string | null): Client | undefined => {
    const entry = ticket ? tickets.get(ticket) : undefined;
    const client = entry ? clients.get(entry.clientId) : undefined;
    return client && client.sessionId === entry?.sessionId ? client : undefined;
  };

  /** The built renderer, by decoded path; client-side routes get the app shell. */
  const serveStatic = (res: ServerResponse, urlPath: string) => {
    const rel = urlPath.replace(/^\/+/, '');
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

  // Media go through the same handler as Electron's evidence:// protocol (session, leave to view, Range), documents
  // through the one documents route (session, the generating method's roles, audit).
  const serveRoute = async (req: IncomingMessage, res: ServerResponse, client: Client, route: typeof handleMediaRequest) => {
    const lookup = services.sessions.touch(client.sessionId);
    const headers = new Headers();
    if (typeof req.headers.range === 'string') headers.set('range', req.headers.range);
    const request = new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method, headers });
    const response = await route(services, request, lookup.state === 'active' ? lookup.session : null);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) out[k.toLowerCase()] = v;
    for (const [k, v] of response.headers) out[k] = v;
    res.writeHead(response.status, out);
    if (!response.body) return res.end();
    // A player that seeks drops the connection; that ends the read stream too.
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch(() => undefined);
  };

  let allowedHosts = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page on another name that now resolves to 127.0.0.1 still sends its own name.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return send(res, 421, 'misdirected request');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodedPath(url.pathname);
    if (pathname === null) return send(res, 400, 'bad request');
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;

    // The printed URL: the page reads the token from its own address, keeps it and takes it out of the address bar.
    if (req.method === 'GET' && pathname === '/' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, '令牌无效 (invalid token)');
      return serveStatic(res, '/');
    }

    const isLink = (req.method === 'GET' || req.method === 'HEAD') && (pathname.startsWith('/media/') || pathname.startsWith('/forms/'));
    if (!pathname.startsWith('/api/') && pathname !== '/events' && !isLink) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      return serveStatic(res, pathname);
    }

    let client: Client | undefined;
    if (sameSecret(bearer, token)) {
      const header = req.headers['x-evidence-client'];
      const clientId = typeof header === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(header) ? header : 'default';
      client = clients.get(clientId);
      if (!client) {
        client = { id: clientId, sessionId: null };
        clients.set(clientId, client);
      }
    } else if (isLink) {
      client = ticketClient(url.searchParams.get('ticket'));
    }
    if (!client) return send(res, 401, '需要访问令牌 (token required)');

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      // A cross-site form cannot send JSON; a page on another origin is refused outright.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json required');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'cross-origin request refused');
      const method = pathname.slice(5);
      let body: unknown;
      try {
        body = await readJson(req, UPLOAD_BODY.get(method) ?? MAX_BODY);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式有误' } }), 'application/json');
      }
      const result = await dispatch(services, client, method, body);
      const ticket = linkTicket(client);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', ticket ? { 'X-Evidence-Link-Ticket': ticket } : {});
    }

    if (pathname === '/events') {
      if (req.method !== 'GET') return send(res, 405, 'method not allowed');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const set = streams.get(client.id) ?? new Set<ServerResponse>();
      set.add(res);
      streams.set(client.id, set);
      req.on('close', () => set.delete(res));
      return;
    }

    // Bytes leave only into our own page: not to a page on another port of 127.0.0.1 (same-site), and never as a
    // page of their own (a tab showing an original could be saved).
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(res, 403, '拒绝跨站请求');
    if (pathname.startsWith('/media/')) {
      const dest = req.headers['sec-fetch-dest'];
      if (dest !== undefined && !MEDIA_DESTINATIONS.has(String(dest))) return send(res, 403, '资料只能在本程序的播放器中查看');
      return serveRoute(req, res, client, handleMediaRequest);
    }
    return serveRoute(req, res, client, handleFormRequest);
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
  allowedHosts = new Set([`${hostPart}:${port}`, ...(bindHost === '127.0.0.1' ? [`localhost:${port}`] : [])]);
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
