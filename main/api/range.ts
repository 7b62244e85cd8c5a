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
  // Digits as BigInt: a client may ask for "to byte 10^30", which means "to the end" (a double would lose it).
  const last = BigInt(size) - 1n;
  if (a === '') {
    const n = BigInt(b);
    if (n === 0n || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: n > last ? 0 : Number(last + 1n - n), end: size - 1 };
  }
  const start = BigInt(a);
  if (b !== '' && BigInt(b) < start) return { kind: 'whole' };
  if (start > last) return { kind: 'unsatisfiable' };
  const end = b === '' || BigInt(b) > last ? last : BigInt(b);
  return { kind: 'partial', start: Number(start), end: Number(end) };
}
