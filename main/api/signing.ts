import { revocationAwareVerifier, type Session } from '../accounts';
import { signDetached, verifyDetachedQuick, type Pem, type SignatureCheck } from '../crypto';
import type { ApiServices } from './context';

/** CMS-signs as the logged-in user, with the office CA in the chain. */
export function signerFor(services: ApiServices, s: Session): (content: Buffer) => Buffer {
  const caCertPem = services.archive.office().caCertPem as Pem;
  const certPem = s.certPem as Pem;
  const privateKeyPem = s.privateKeyPem as Pem;
  return (content) => signDetached({ content, signer: { certPem, privateKeyPem }, chain: [caCertPem], signingTime: services.clock.now() });
}

/** Checks a signature against the office CA; a signer's signatures from his certificate's revocation on are refused. */
export function officeVerifier(services: ApiServices): (content: Buffer, signatureDer: Buffer) => SignatureCheck {
  return revocationAwareVerifier(services.archive.open().db, services.archive.office().caCertPem as Pem);
}

/** officeVerifier for the audit chain's day seals: node:crypto for our own signer's shape, PKI.js for the rest. */
export function officeSealVerifier(services: ApiServices): (content: Buffer, signatureDer: Buffer) => SignatureCheck {
  return revocationAwareVerifier(services.archive.open().db, services.archive.office().caCertPem as Pem, verifyDetachedQuick);
}
