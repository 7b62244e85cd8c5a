import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certificateFromDer, keyMatches, pemToDer, stringField } from './forge-util';
import { fromForgeAttributes, rewritableAttributes, toForgeAttributes } from './names';
import type { DistinguishedName, KeyPair, Pem } from './types';

export interface CertificateInfo {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Lowercase hex, no leading zeros. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Lowercase hex SHA-256 of the certificate's DER. */
  fingerprintSha256: string;
}

/**
 * Lifetimes (issue 10, item 14). The office CA outlives every certificate it issues; a user's
 * certificate is renewed (same key, new serial) at an admin's login in its last months, and never
 * runs past the CA's own end. Both count from the injected clock's `now` at issue.
 */
export const CA_VALID_YEARS = 20;
export const USER_CERT_VALID_YEARS = 5;

// Extension shapes we hand to forge's setExtensions (typed `any[]` upstream).
type Extension =
  | { name: 'basicConstraints'; cA: boolean; critical: true }
  | { name: 'keyUsage'; critical: true; keyCertSign?: true; cRLSign?: true; digitalSignature?: true; nonRepudiation?: true }
  | { name: 'subjectKeyIdentifier' }
  | { name: 'authorityKeyIdentifier'; keyIdentifier: string };

/**
 * Canonical positive serial: lowercase hex without leading zeros. Throws unless it is hex and non-zero
 * (RFC 5280 §4.1.2.2: positive, at most 20 octets).
 */
export function normalizeSerialHex(serialHex: string): string {
  if (!/^[0-9a-fA-F]+$/.test(serialHex)) throw new Error(`serial number is not hex: ${serialHex}`);
  const hex = serialHex.toLowerCase().replace(/^0+/, '');
  if (hex === '') throw new Error('serial number must be positive');
  if (hex.length > 40) throw new Error('serial number longer than 20 octets');
  return hex;
}

/** The INTEGER content forge writes verbatim: even length, with a 00 prefix if the top bit is set. */
function serialForForge(serialHex: string): string {
  let hex = normalizeSerialHex(serialHex);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 1), 16) >= 8) hex = `00${hex}`;
  return hex;
}

function addYears(date: Date, years: number): Date {
  if (!Number.isInteger(years) || years < 1) throw new Error(`invalid validity in years: ${years}`);
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

function build(args: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  serialHex: string;
  now: Date;
  years: number;
  /** Never valid past this (the issuing CA's notAfter). */
  notAfterCap?: Date;
  extensions: Extension[];
  signingKey: forge.pki.rsa.PrivateKey;
}): Pem {
  const cert = forge.pki.createCertificate();
  cert.version = 2; // X.509 v3
  cert.serialNumber = serialForForge(args.serialHex);
  cert.publicKey = args.publicKey;
  // Whole seconds: what the certificate can carry, so certificateInfo round-trips exactly.
  cert.validity.notBefore = new Date(Math.floor(args.now.getTime() / 1000) * 1000);
  const notAfter = addYears(cert.validity.notBefore, args.years);
  if (args.notAfterCap && args.notAfterCap <= cert.validity.notBefore) throw new Error('the issuing CA certificate has expired');
  cert.validity.notAfter = args.notAfterCap && args.notAfterCap < notAfter ? args.notAfterCap : notAfter;
  cert.setSubject(args.subject);
  cert.setIssuer(args.issuer);
  cert.setExtensions(args.extensions);
  cert.sign(args.signingKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert) as Pem;
}

/** A fresh positive 128-bit serial, normalised the way certificateInfo reads it back. */
export function randomSerialHex(): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return normalizeSerialHex(serial.toString('hex'));
}

/** Self-signed office CA certificate. */
export function createCaCertificate(args: {
  subject: DistinguishedName;
  keys: KeyPair;
  now: Date;
  validYears?: number;
}): Pem {
  const publicKey = forge.pki.publicKeyFromPem(args.keys.publicKeyPem);
  const privateKey = forge.pki.privateKeyFromPem(args.keys.privateKeyPem);
  if (!keyMatches(publicKey, privateKey)) {
    throw new Error('CA private key does not match its public key');
  }
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) | 0x40; // positive and non-zero
  serial[0] &= 0x7f;
  const name = toForgeAttributes(args.subject);
  return build({
    subject: name,
    issuer: name,
    publicKey,
    serialHex: serial.toString('hex'),
    now: args.now,
    years: args.validYears ?? CA_VALID_YEARS,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
    signingKey: privateKey,
  });
}

/**
 * A user's signing certificate. No extendedKeyUsage on purpose: OpenSSL's default S/MIME-signing
 * purpose (used by `openssl cms -verify`) accepts a certificate without one, and only requires
 * emailProtection when an extendedKeyUsage is present; keyUsage must allow digitalSignature or
 * nonRepudiation, which it does.
 */
export function issueUserCertificate(args: {
  ca: { certPem: Pem; privateKeyPem: Pem };
  subject: DistinguishedName;
  publicKeyPem: Pem;
  serialHex: string;
  now: Date;
  validYears?: number;
}): Pem {
  const caCert = certificateFromDer(pemToDer(args.ca.certPem, 'CERTIFICATE'));
  const caKey = forge.pki.privateKeyFromPem(args.ca.privateKeyPem);
  if (!keyMatches(caCert.publicKey, caKey)) {
    throw new Error('CA private key does not match the CA certificate');
  }
  const caSki = stringField(caCert.getExtension('subjectKeyIdentifier'), 'subjectKeyIdentifier');
  const keyIdentifier =
    caSki !== undefined ? forge.util.hexToBytes(caSki) : caCert.generateSubjectKeyIdentifier().getBytes();
  return build({
    subject: toForgeAttributes(args.subject),
    issuer: rewritableAttributes(caCert.subject.attributes),
    publicKey: forge.pki.publicKeyFromPem(args.publicKeyPem),
    serialHex: args.serialHex,
    now: args.now,
    years: args.validYears ?? USER_CERT_VALID_YEARS,
    notAfterCap: caCert.validity.notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier },
    ],
    signingKey: caKey,
  });
}

export function certificateInfoFromForge(cert: forge.pki.Certificate, der: Buffer): CertificateInfo {
  return {
    subject: fromForgeAttributes(cert.subject.attributes),
    issuer: fromForgeAttributes(cert.issuer.attributes),
    serialHex: cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
  };
}

export function certificateInfo(certPem: Pem): CertificateInfo {
  const der = pemToDer(certPem, 'CERTIFICATE');
  return certificateInfoFromForge(certificateFromDer(der), der);
}

/**
 * SHA-256 fingerprint as `openssl x509 -noout -fingerprint -sha256` prints it: 32 upper-case hex bytes joined
 * by ':'. The office publishes its CA's, so whoever checks a disc can tell the CA on it is the office's.
 */
export function certificateFingerprint(certPem: Pem): string {
  // Over the DER as given, for any key type (forge, behind certificateInfo, reads RSA certificates only).
  const der = pemToDer(certPem, 'CERTIFICATE');
  new X509Certificate(der); // throws on anything but a certificate
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}
