import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseRange } from './range';

/** Headers every media answer carries, error or not. */
export const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function plainResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...MEDIA_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}

/**
 * Answers a GET or HEAD for one file with real Range support, streaming from disk: a Node read
 * stream of just the requested bytes, handed over as a web ReadableStream (never read whole).
 */
export async function fileResponse(request: Request, file: string, contentType: string): Promise<Response> {
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return plainResponse(404, '文件不存在');
  const size = st.size;
  const headers: Record<string, string> = { ...MEDIA_HEADERS, 'Content-Type': contentType, 'Accept-Ranges': 'bytes' };
  const range = parseRange(request.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  const [status, start, end] = range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, size - 1];
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
  const stream = createReadStream(file, { start, end, highWaterMark: 256 * 1024 });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
