import type { Session } from '../access';
import { signDetached, verifyDetached, type Pem } from '../crypto';
import type { ApiServices } from './context';

/** CMS-signs as the logged-in user, with the office CA in the chain. */
export function signerFor(services: ApiServices, s: Session): (content: Buffer) => Buffer {
  const caCertPem = services.archive.office().caCertPem as Pem;
  const certPem = s.certPem as Pem;
  const privateKeyPem = s.privateKeyPem as Pem;
  return (content) => signDetached({ content, signer: { certPem, privateKeyPem }, chain: [caCertPem], signingTime: services.clock.now() });
}

export function officeVerifier(services: ApiServices): (content: Buffer, signatureDer: Buffer) => { ok: boolean; reason?: string } {
  const caCertPem = services.archive.office().caCertPem as Pem;
  return (content, signatureDer) => verifyDetached({ content, signatureDer, caCertPem });
}
