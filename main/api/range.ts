export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/**
 * Pure: reads an HTTP Range header (RFC 9110 §14) against a file of `size` bytes. Supports
 * `bytes=a-b`, `bytes=a-` and `bytes=-n`. Of several ranges only the first is answered (a player
 * asks for one at a time; multipart/byteranges would only add risk). A header that is not a valid
 * bytes range is ignored and the whole file is served, as the RFC allows.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*([^,]*)/i.exec(header);
  if (!m) return { kind: 'whole' };
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(m[1] ?? '');
  if (!spec) return { kind: 'whole' };
  const [, a = '', b = ''] = spec;
  if (a === '' && b === '') return { kind: 'whole' };
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Number(b);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'whole' };
  if (b !== '' && end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
