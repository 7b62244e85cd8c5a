// Strict DER over asn1js, for the quick signature check (cms-quick.ts). asn1js reads BER and forgives (indefinite
// and non-minimal lengths, a child running past its parent), so each node it reads is held to DER here: one-byte
// tag, definite minimal length, children filling their parent exactly, nothing after the whole. Anything
// unexpected throws DerShapeError. Tlvs are views into the input, never copies.
import * as asn1js from 'asn1js';

export class DerShapeError extends Error {}

/** One TLV: its tag byte, the whole encoding and its contents (views into the input), and asn1js's node. */
export interface Tlv {
  tag: number;
  whole: Buffer;
  body: Buffer;
  node: asn1js.AsnType;
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

/** Bytes of a minimal DER header for a body of `length` bytes (one tag byte). */
function derHeaderLength(length: number): number {
  let bytes = 0;
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes++;
  return length < 0x80 ? 2 : 2 + bytes;
}

/** The node as a Tlv over `buf` (which holds it at `offset`), held to DER. */
function tlvOf(node: asn1js.AsnType, buf: Buffer, offset: number): Tlv {
  const length = node.lenBlock.length;
  const header = node.idBlock.blockLength + node.lenBlock.blockLength;
  const tag = buf[offset];
  if (tag === undefined || (tag & 0x1f) === 0x1f || node.idBlock.blockLength !== 1) throw new DerShapeError('unexpected tag');
  if (node.lenBlock.isIndefiniteForm) throw new DerShapeError('bad length');
  if (header !== derHeaderLength(length)) throw new DerShapeError('non-minimal length');
  if (offset + header + length > buf.length) throw new DerShapeError('length overruns');
  return { tag, whole: buf.subarray(offset, offset + header + length), body: buf.subarray(offset + header, offset + header + length), node };
}

/** The one TLV that is all of `buf`. */
export function readWhole(buf: Buffer, tag: number): Tlv {
  const view = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1 || parsed.result.error) throw new DerShapeError('not DER');
  if (parsed.offset !== buf.length) throw new DerShapeError('trailing bytes');
  return expectTag(tlvOf(parsed.result, buf, 0), tag);
}

export function expectTag(t: Tlv | undefined, tag: number): Tlv {
  if (!t || t.tag !== tag) throw new DerShapeError(`expected tag ${tag.toString(16)}`);
  return t;
}

/** The children of a constructed node, which must fill it exactly. */
export function children(t: Tlv): Tlv[] {
  if (!(t.tag & 0x20) || !(t.node instanceof asn1js.Constructed)) throw new DerShapeError('not constructed');
  const out: Tlv[] = [];
  let at = 0;
  for (const child of t.node.valueBlock.value) {
    const c = tlvOf(child, t.body, at);
    out.push(c);
    at += c.whole.length;
  }
  if (at !== t.body.length) throw new DerShapeError('children do not fill their parent');
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER (DER: no sub-identifier padded with 0x80). */
export function oidText(t: Tlv | undefined): string {
  const { body, node } = expectTag(t, TAG.oid);
  if (body.length === 0 || body[body.length - 1]! & 0x80) throw new DerShapeError('bad oid');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0x80 && (i === 0 || !(body[i - 1]! & 0x80))) throw new DerShapeError('non-minimal oid');
  }
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new DerShapeError('bad oid');
  return node.valueBlock.toString();
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
