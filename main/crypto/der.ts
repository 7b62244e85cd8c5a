import forge from 'node-forge';
import { binaryToBuffer } from './forge-util';

// Typed, throwing accessors for walking parsed ASN.1 (forge.asn1 nodes), for reading PKCS#8 keys (keys.ts):
// a walk can simply assume the shape it expects and throws MalformedError where it is not.

export type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

class MalformedError extends Error {}

export function parseDer(der: Buffer): Node {
  try {
    return forge.asn1.fromDer(der.toString('binary'), true);
  } catch (e) {
    throw new MalformedError(`not DER: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function isUniversal(node: Node | undefined, type: forge.asn1.Type): node is Node {
  return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type;
}

/** Children of a constructed node, checked to be a universal `type` (SEQUENCE or SET). */
export function items(node: Node | undefined, type: forge.asn1.Type, what: string): Node[] {
  if (!isUniversal(node, type) || !Array.isArray(node.value)) throw new MalformedError(`${what}: unexpected ASN.1`);
  return node.value;
}

function primitive(node: Node | undefined, type: forge.asn1.Type, what: string): string {
  if (!isUniversal(node, type) || typeof node.value !== 'string') throw new MalformedError(`${what}: unexpected ASN.1`);
  return node.value;
}

export function oid(node: Node | undefined, what: string): string {
  return forge.asn1.derToOid(primitive(node, Type.OID, what));
}

export function octets(node: Node | undefined, what: string): Buffer {
  return binaryToBuffer(primitive(node, Type.OCTETSTRING, what));
}

/** The algorithm OID of an AlgorithmIdentifier. */
export function algorithm(node: Node | undefined, what: string): string {
  return oid(items(node, Type.SEQUENCE, what)[0], what);
}

export function smallInteger(node: Node | undefined, what: string): number {
  const bytes = primitive(node, Type.INTEGER, what);
  if (bytes.length < 1 || bytes.length > 4) throw new MalformedError(`${what}: integer out of range`);
  return forge.asn1.derToInteger(bytes);
}

export function toDer(node: Node): Buffer {
  return binaryToBuffer(forge.asn1.toDer(node).getBytes());
}
