import { createHash, X509Certificate } from 'node:crypto';
import { verifyCmsSync } from './cms-sync';
import { pemToDer } from './forge-util';
import type { DistinguishedName, Pem } from './types';

export interface SignatureCheck {
  ok: boolean;
  /** Why not ok; English, for logs. */
  reason?: string;
  // The fields below are filled as far as they could be read, also when not ok.
  signer?: DistinguishedName;
  signerFingerprintSha256?: string;
  /** The signer certificate's serial, lowercase hex without leading zeros (as certificateInfo gives it). */
  signerSerialHex?: string;
  signingTime?: Date;
}

export interface VerifyArgs {
  content: Buffer;
  signatureDer: Buffer;
  caCertPem: Pem;
  /** Check certificate validity at this time instead of the signed signingTime. */
  at?: Date;
}

/**
 * Checks a detached CMS SignedData over `content` against the office CA with PKI.js (cms-core.ts, the
 * same check verify.html runs). RSA (PKCS#1 v1.5 and PSS) and ECDSA, SHA-256/384/512, with or without
 * signed attributes; the signer certificate must chain to `caCertPem`, through intermediates carried in the
 * signature, and be valid at `at` if given, otherwise at the signed signingTime (without one it is refused).
 * Synchronous, for callers inside transactions. Never throws: bad input gives ok:false and a reason.
 */
export function verifyDetached(args: VerifyArgs): SignatureCheck {
  let caDer: Buffer;
  try {
    caDer = pemToDer(args.caCertPem, 'CERTIFICATE');
  } catch (e) {
    return { ok: false, reason: `CA certificate unreadable: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = verifyCmsSync({ content: args.content, signature: args.signatureDer, caDer, ...(args.at ? { at: args.at } : {}) });
  const check: SignatureCheck = { ok: r.ok, ...(r.reason ? { reason: r.reason } : {}) };
  if (r.signer) check.signer = { ...r.signer, commonName: r.signer.commonName ?? '' };
  if (r.signerDer) Object.assign(check, signerIds(r.signerDer));
  if (r.signingTime) check.signingTime = r.signingTime;
  return check;
}

/** The signer certificate's fingerprint and serial, as a SignatureCheck reports them. */
export function signerIds(signerDer: Uint8Array): Pick<SignatureCheck, 'signerFingerprintSha256' | 'signerSerialHex'> {
  const ids: Pick<SignatureCheck, 'signerFingerprintSha256' | 'signerSerialHex'> = { signerFingerprintSha256: createHash('sha256').update(signerDer).digest('hex') };
  try {
    ids.signerSerialHex = new X509Certificate(signerDer).serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
  } catch {
    // Reported without a serial: PKI.js read it, OpenSSL may be stricter about a damaged certificate.
  }
  return ids;
}
