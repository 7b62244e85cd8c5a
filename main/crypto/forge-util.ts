import forge from 'node-forge';

// Small typed views over node-forge objects whose typings are loose (`any`, `{}`).

export function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && key in obj ? (obj as Record<string, unknown>)[key] : undefined;
}

export function stringField(obj: unknown, key: string): string | undefined {
  const v = field(obj, key);
  return typeof v === 'string' ? v : undefined;
}

export function binaryToBuffer(bytes: string): Buffer {
  return Buffer.from(bytes, 'binary');
}

export function bufferToBinary(buf: Buffer): string {
  return buf.toString('binary');
}

/** Original DER of the first PEM block (fingerprints must be over these bytes, not a re-encoding). */
export function pemToDer(pem: string, expectedType: string): Buffer {
  const blocks = forge.pem.decode(pem);
  const block = blocks[0];
  if (block === undefined || block.type !== expectedType) throw new Error(`expected a PEM ${expectedType}`);
  return binaryToBuffer(block.body);
}

/** Parses a certificate from DER; forge supports RSA keys only, which is all this office uses. */
export function certificateFromDer(der: Buffer): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(bufferToBinary(der), true));
}

/** Does the private key belong to the public key (RSA modulus and exponent)? */
export function keyMatches(publicKey: forge.pki.PublicKey, privateKey: forge.pki.rsa.PrivateKey): boolean {
  const rsa = publicKey as forge.pki.rsa.PublicKey; // forge parses only RSA keys
  return rsa.n.equals(privateKey.n) && rsa.e.equals(privateKey.e);
}
