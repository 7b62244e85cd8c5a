// A strict DER reader over a Buffer, for the quick signature check (cms-quick.ts): definite, minimal lengths
// only, and a node's children fill it exactly. It reads without copying; anything unexpected throws.

export class DerShapeError extends Error {}

/** One TLV: its tag byte, the whole encoding and its contents (views into the input). */
export interface Tlv {
  tag: number;
  whole: Buffer;
  body: Buffer;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  boolean: 0x01,
} as const;

/** The TLV at `offset`; multi-byte tags, indefinite and non-minimal lengths are refused. */
export function readTlv(buf: Buffer, offset = 0): Tlv {
  const tag = buf[offset];
  if (tag === undefined || (tag & 0x1f) === 0x1f) throw new DerShapeError('unexpected tag');
  let at = offset + 1;
  const first = buf[at++];
  if (first === undefined || first === 0x80) throw new DerShapeError('bad length');
  let length = first;
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4 || at + count > buf.length) throw new DerShapeError('bad length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[at++]!;
    // Minimal: no leading zero byte, and the long form only from 128 on.
    if (buf[offset + 2] === 0 || length < 0x80) throw new DerShapeError('non-minimal length');
  }
  if (at + length > buf.length) throw new DerShapeError('length overruns');
  return { tag, whole: buf.subarray(offset, at + length), body: buf.subarray(at, at + length) };
}

/** The one TLV that is all of `buf`. */
export function readWhole(buf: Buffer, tag: number): Tlv {
  const t = readTlv(buf);
  if (t.whole.length !== buf.length) throw new DerShapeError('trailing bytes');
  return expectTag(t, tag);
}

export function expectTag(t: Tlv | undefined, tag: number): Tlv {
  if (!t || t.tag !== tag) throw new DerShapeError(`expected tag ${tag.toString(16)}`);
  return t;
}

/** The children of a constructed node, which must fill it exactly. */
export function children(t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < t.body.length; ) {
    const c = readTlv(t.body, at);
    out.push(c);
    at += c.whole.length;
  }
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER. */
export function oidText(t: Tlv | undefined): string {
  const body = expectTag(t, TAG.oid).body;
  if (body.length === 0 || body[body.length - 1]! & 0x80) throw new DerShapeError('bad oid');
  const parts: number[] = [];
  let value = 0;
  for (const byte of body) {
    if (value === 0 && byte === 0x80) throw new DerShapeError('non-minimal oid');
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** A small non-negative INTEGER (a version). */
export function smallInt(t: Tlv | undefined): number {
  const body = expectTag(t, TAG.integer).body;
  if (body.length !== 1 || body[0]! > 0x7f) throw new DerShapeError('unexpected integer');
  return body[0]!;
}

/** UTCTime (years 1950–2049) or GeneralizedTime, whole seconds in UTC only (what DER allows). */
export function derTime(t: Tlv | undefined): Date {
  if (!t) throw new DerShapeError('no time');
  const text = t.body.toString('latin1');
  const m =
    t.tag === TAG.utcTime ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : t.tag === TAG.generalizedTime ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  if (!m) throw new DerShapeError('unexpected time');
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const year = t.tag === TAG.utcTime ? (y < 50 ? 2000 + y : 1900 + y) : y;
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, s));
  // Date.UTC rolls over (month 13, second 60): the fields must read back unchanged.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s) {
    throw new DerShapeError('invalid time');
  }
  return date;
}
