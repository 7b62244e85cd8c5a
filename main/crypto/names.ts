import forge from 'node-forge';
import type { DistinguishedName } from './types';

// Attribute types, by OID so forge needs no name table (it has none for UID).
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  userId: '0.9.2342.19200300.100.1.1',
} as const;

// Certificate order: broad to narrow, as in most X.500 names.
const ORDER = ['organization', 'organizationalUnit', 'commonName', 'userId'] as const;

// forge's typings call the value tag an asn1.Class; at runtime it is the universal tag number (asn1.Type).
const UTF8_STRING = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
const BMP_STRING = 30;
const UNIVERSAL_STRING = 28;

/**
 * DN → forge attributes, every value a UTF8String. forge 1.x UTF-8-encodes UTF8String values itself
 * when it writes the name, so values are given as ordinary JS strings (pre-encoding would double-encode).
 */
export function toForgeAttributes(dn: DistinguishedName): forge.pki.CertificateField[] {
  if (dn.commonName.trim() === '') throw new Error('a distinguished name needs a common name');
  const out: forge.pki.CertificateField[] = [];
  for (const key of ORDER) {
    const value = dn[key];
    if (value === undefined || value === '') continue;
    if (value.includes('\0')) throw new Error(`NUL character in ${key}`);
    out.push({ type: OID[key], value: value.normalize('NFC'), valueTagClass: UTF8_STRING });
  }
  return out;
}

/** Decodes a parsed attribute value (forge gives raw content bytes as a binary string). */
function decodeAttributeValue(raw: string, tag: number): string {
  const bytes = Buffer.from(raw, 'binary');
  if (tag === (UTF8_STRING as number)) return bytes.toString('utf8');
  if (tag === BMP_STRING) return bytes.swap16().toString('utf16le');
  if (tag === UNIVERSAL_STRING) {
    let s = '';
    for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(bytes.readUInt32BE(i));
    return s;
  }
  return bytes.toString('latin1'); // PrintableString, IA5String, TeletexString (in practice ASCII)
}

/** forge attributes of a parsed certificate → DN. Unknown types are ignored; the first of a repeated one wins. */
export function fromForgeAttributes(attrs: forge.pki.CertificateField[]): DistinguishedName {
  const found: Partial<Record<(typeof ORDER)[number], string>> = {};
  for (const attr of attrs) {
    const key = ORDER.find((k) => OID[k] === attr.type);
    if (key === undefined || found[key] !== undefined || typeof attr.value !== 'string') continue;
    found[key] = decodeAttributeValue(attr.value, Number(attr.valueTagClass ?? UTF8_STRING));
  }
  return { ...found, commonName: found.commonName ?? '' };
}

/**
 * Parsed attributes made writable again, for copying a CA's subject into an issuer field:
 * UTF8String values are decoded back to JS strings since forge re-encodes them on write.
 */
export function rewritableAttributes(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((attr) => {
    if (typeof attr.value !== 'string' || attr.valueTagClass !== UTF8_STRING) return attr;
    return { type: attr.type, valueTagClass: UTF8_STRING, value: decodeAttributeValue(attr.value, UTF8_STRING) };
  });
}
