import forge from 'node-forge';
import { binaryToBuffer, bufferToBinary, certificateFromDer, keyMatches, pemToDer } from './forge-util';
import { sha256Hex } from './hash';
import { rewritableAttributes } from './names';
import { OID } from './oids';
import type { Pem } from './types';

/**
 * CMS (PKCS#7) SignedData, DER, detached: SHA-256 with RSA, signed attributes contentType,
 * messageDigest and signingTime, and the certificates signer + chain. This is what
 * `openssl cms -verify -binary -inform DER -content DATA -CAfile ca.pem` checks.
 *
 * forge digests the content in JavaScript: sign small things (manifests, forms), not videos.
 */
export function signDetached(args: {
  content: Buffer;
  signer: { certPem: Pem; privateKeyPem: Pem };
  chain: Pem[];
  signingTime: Date;
}): Buffer {
  const signerDer = pemToDer(args.signer.certPem, 'CERTIFICATE');
  const signerCert = certificateFromDer(signerDer);
  const key = forge.pki.privateKeyFromPem(args.signer.privateKeyPem);
  if (!keyMatches(signerCert.publicKey, key)) {
    throw new Error('private key does not belong to the signer certificate');
  }

  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(bufferToBinary(args.content));
  // Signer first, then the chain, each certificate once.
  const seen = new Set<string>();
  for (const der of [signerDer, ...args.chain.map((pem) => pemToDer(pem, 'CERTIFICATE'))]) {
    const id = sha256Hex(der);
    if (seen.has(id)) continue;
    seen.add(id);
    p7.addCertificate(certificateFromDer(der));
  }
  // forge writes the SignerInfo's issuer name from the parsed attributes and would UTF-8-encode the
  // (already UTF-8) UTF8String values a second time; hand it decoded ones on a separate copy.
  const sidCert = certificateFromDer(signerDer);
  sidCert.issuer.attributes = rewritableAttributes(sidCert.issuer.attributes);
  p7.addSigner({
    key,
    certificate: sidCert,
    digestAlgorithm: OID.sha256,
    authenticatedAttributes: [
      { type: OID.contentType, value: OID.data },
      { type: OID.messageDigest }, // forge fills in the digest
      // forge's typings want a string; it parses ISO text back into a Date (UTCTime before 2050).
      { type: OID.signingTime, value: args.signingTime.toISOString() },
    ],
  });
  p7.sign({ detached: true });
  return binaryToBuffer(forge.asn1.toDer(p7.toAsn1()).getBytes());
}
