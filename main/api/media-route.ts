import type { Session } from '../accounts';
import { disposalNumber, localDay } from '../common';
import { toAbsolute } from '../ingest';
import { mediaContentType, THUMB_CONTENT_TYPE } from '../media';
import type { ApiServices } from './context';
import { auditAs } from '../audit';
import { loadMediaFacts } from '../library';
import { ensurePreview, ensureThumb } from '../library';
import { previewWork } from './preview-work';
import { fileResponse, plainResponse } from './serve-file';
import { authorizeView } from '../access';
import { recordViewing } from '../access';

export type MediaVariant = 'original' | 'preview' | 'thumb';

/**
 * `/media/<id>[/preview|/thumb]` in the browser host, `evidence://media/<id>[/…]` in Electron (where
 * "media" is the URL's host). Anything else is not ours.
 */
export function parseMediaUrl(rawUrl: string): { id: number; variant: MediaVariant } | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const p = url.protocol === 'evidence:' ? `/${url.host}${url.pathname}` : url.pathname;
  const m = /^\/media\/([1-9]\d{0,14})(?:\/(preview|thumb))?\/?$/.exec(p);
  if (!m) return null;
  return { id: Number(m[1]), variant: (m[2] as MediaVariant | undefined) ?? 'original' };
}

/**
 * `?purpose=preload`: the player fetching a segment it does not show yet. Checked like any request,
 * but no viewing: the player reports a segment when it is shown (media.viewed), with that time.
 */
export function isPreloadRequest(rawUrl: string): boolean {
  try {
    return new URL(rawUrl).searchParams.get('purpose') === 'preload';
  } catch {
    return false;
  }
}

/**
 * The one media handler, used by both shells. Session and leave to view are checked on every
 * request (401 / 403), each viewing is registered, and bytes are streamed with Range support.
 * The JSON API never carries media bytes: this is the only way they leave the archive for display.
 */
export async function handleMediaRequest(services: ApiServices, request: Request, session: Session | null): Promise<Response> {
  const target = parseMediaUrl(request.url);
  if (!target) return plainResponse(404, '未找到');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, '不支持的请求方式', { Allow: 'GET, HEAD' });
  if (!session) return plainResponse(401, '请先登录');
  if (!services.archive.isSetUp()) return plainResponse(404, '未找到');
  const db = services.archive.open().db;
  const media = loadMediaFacts(db, target.id);
  if (!media) return plainResponse(404, '资料不存在');

  if (media.disposed) {
    // Gone by a signed disposal, not lost: say so, and by which record. Before leave to view: there are no bytes to
    // guard, and the library already shows every user the same fact.
    const day = localDay(new Date(media.disposed.at), services.archive.office().timeZone);
    return plainResponse(410, `该资料已于 ${day} 按销毁记录 ${disposalNumber(media.disposed.disposalId)} 销毁，原始文件已不存在，无法播放`);
  }

  const now = services.clock.now();
  const preload = isPreloadRequest(request.url);
  const decision = authorizeView(db, session, media, now);
  if (!decision.allowed) {
    services.log.warn('media view refused', { mediaId: media.id, login: session.login, code: decision.code });
    try {
      auditAs(db, session, now, 'media.view_denied', `media:${media.id}`, { variant: target.variant, code: decision.code, ...(preload ? { preload } : {}) });
    } catch (e) {
      services.log.error('audit write failed', { action: 'media.view_denied', error: String(e) });
    }
    return plainResponse(403, decision.message);
  }

  try {
    if (target.variant === 'thumb') {
      // A poster is a glimpse for finding footage, not a viewing: checked, not registered.
      const thumb = await ensureThumb(previewWork(services), media);
      return thumb ? fileResponse(request, thumb, THUMB_CONTENT_TYPE) : plainResponse(404, '无缩略图');
    }
    let file: string;
    let contentType: string | null;
    if (target.variant === 'preview') {
      const viewable = await ensurePreview(previewWork(services), media);
      if (!viewable) return plainResponse(404, '该资料无法预览');
      file = viewable.file;
      contentType = viewable.contentType ?? mediaContentType(media.kind, media.originalName);
    } else {
      file = toAbsolute(services.archive.open().paths.root, media.storedPath);
      contentType = mediaContentType(media.kind, media.originalName);
    }
    if (!contentType) return plainResponse(415, '不是音视频或照片文件');
    // HEAD moves no content, and a preload is not shown yet: neither is a viewing.
    if (request.method !== 'GET' || preload) return await fileResponse(request, file, contentType);
    const variant = target.variant;
    const register = () => recordViewing(db, session, media, variant, decision, now);
    const response = await fileResponse(request, file, contentType);
    if (!response.body || !response.ok) {
      register();
      return response;
    }
    return registeredBeforeEnd(response, register, (error) =>
      services.log.error('viewing register failed: response cut', { mediaId: media.id, variant, error }),
    );
  } catch (e) {
    services.log.error('media request failed', { mediaId: media.id, variant: target.variant, error: e instanceof Error ? e.message : String(e) });
    return plainResponse(500, '读取资料失败，详情已写入日志');
  }
}

/**
 * A viewing is registered while its first bytes go out, not before them (issue 14 item 2: the register's write and
 * its fsync no longer delay the first frame): the write runs as soon as the response is handed over, while the file is
 * opened and read, and the body does not end until it is done. A failed write cuts the body, so no file is sent whole
 * without its register row.
 */
function registeredBeforeEnd(response: Response, register: () => void, onFail: (error: string) => void): Response {
  const registered = new Promise<void>((resolve, reject) => {
    setImmediate(() => {
      try {
        register();
        resolve();
      } catch (e) {
        onFail(e instanceof Error ? e.message : String(e));
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
  registered.catch(() => undefined);
  const body = response.body!.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: () => registered }));
  return new Response(body, { status: response.status, headers: response.headers });
}
