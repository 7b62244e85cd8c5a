import forge from 'node-forge';
import { binaryToBuffer } from './forge-util';

// Typed, throwing accessors for walking parsed ASN.1 (forge.asn1 nodes). The verifier catches
// MalformedError and reports it, so a walk can simply assume the shape it expects.

export type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

export class MalformedError extends Error {}

export function parseDer(der: Buffer): Node {
  try {
    return forge.asn1.fromDer(der.toString('binary'), true);
  } catch (e) {
    throw new MalformedError(`not DER: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function isUniversal(node: Node | undefined, type: forge.asn1.Type): node is Node {
  return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type;
}

export function isContext(node: Node | undefined, tag: number, constructed: boolean): node is Node {
  return (
    node !== undefined &&
    node.tagClass === Class.CONTEXT_SPECIFIC &&
    (node.type as number) === tag &&
    node.constructed === constructed
  );
}

/** The node itself, checked to be a universal `type`. */
export function universal(node: Node | undefined, type: forge.asn1.Type, what: string): Node {
  if (!isUniversal(node, type)) throw new MalformedError(`${what}: unexpected ASN.1`);
  return node;
}

/** Children of a constructed node, checked to be a universal `type` (SEQUENCE or SET). */
export function items(node: Node | undefined, type: forge.asn1.Type, what: string): Node[] {
  if (!isUniversal(node, type) || !Array.isArray(node.value)) throw new MalformedError(`${what}: unexpected ASN.1`);
  return node.value;
}

/** Children of a constructed context-specific [tag]. */
export function taggedItems(node: Node | undefined, tag: number, what: string): Node[] {
  if (!isContext(node, tag, true) || !Array.isArray(node.value)) throw new MalformedError(`${what}: unexpected ASN.1`);
  return node.value;
}

export function primitive(node: Node | undefined, type: forge.asn1.Type, what: string): string {
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

/** The OID of an AlgorithmIdentifier whose parameters must be absent or NULL (SHA-2, RSA PKCS#1 v1.5). */
export function plainAlgorithm(node: Node | undefined, what: string): string {
  const [id, params, ...extra] = items(node, Type.SEQUENCE, what);
  if (extra.length > 0 || (params !== undefined && !(isUniversal(params, Type.NULL) && params.value === ''))) {
    throw new MalformedError(`${what}: unexpected parameters`);
  }
  return oid(id, what);
}

export function smallInteger(node: Node | undefined, what: string): number {
  const bytes = primitive(node, Type.INTEGER, what);
  if (bytes.length < 1 || bytes.length > 4) throw new MalformedError(`${what}: integer out of range`);
  return forge.asn1.derToInteger(bytes);
}

export function time(node: Node | undefined, what: string): Date {
  let date: Date;
  if (isUniversal(node, Type.UTCTIME) && typeof node.value === 'string') {
    date = forge.asn1.utcTimeToDate(node.value);
  } else if (isUniversal(node, Type.GENERALIZEDTIME) && typeof node.value === 'string') {
    date = forge.asn1.generalizedTimeToDate(node.value);
  } else {
    throw new MalformedError(`${what}: not a time`);
  }
  if (Number.isNaN(date.getTime())) throw new MalformedError(`${what}: invalid time`);
  return date;
}

export function toDer(node: Node): Buffer {
  return binaryToBuffer(forge.asn1.toDer(node).getBytes());
}
