/**
 * The one check of a detached CMS signature, run by the workstation (cms-verify.ts, in a vm) and by the
 * disc's verify.html (in the browser), both from the same bundle (cms-bundle.generated.ts). PKI.js does
 * the CMS work (SignedData.verify with the chain to the trusted CA); around it this module keeps the
 * office's rules: one signer, detached id-data, SHA-2 digests, validity judged at the signing time, an end
 * entity that may sign, and nothing carried that is not on the signer's chain.
 * Bundle-safe: no Node modules, only what a browser has; `crypto` is passed in.
 */
import * as asn1js from 'asn1js';
import {
  Certificate,
  ContentInfo,
  CryptoEngine,
  IssuerAndSerialNumber,
  SignedData,
  SignedDataVerifyError,
  type ICryptoEngine,
} from 'pkijs';
import { OID } from './oids';

export interface CmsInput {
  content: Uint8Array;
  signature: Uint8Array;
  caDer: Uint8Array;
  /** Judge certificate validity at this time instead of the signed signingTime. */
  at?: Date;
}

/** What went wrong, for a reader's message (verify.html shows Chinese per kind). */
export type CmsProblem = 'ca' | 'format' | 'algorithm' | 'no-signer' | 'digest' | 'value' | 'chain' | 'no-time' | 'usage' | 'carried';

export interface CmsSigner {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  userId?: string;
}

export interface CmsResult {
  ok: boolean;
  problem?: CmsProblem;
  /** English, for logs. */
  reason?: string;
  // Filled as far as they could be read, also when not ok.
  signerDer?: Uint8Array;
  signer?: CmsSigner;
  signingTime?: Date;
}

/** SHA-256, SHA-384, SHA-512: SHA-1 and MD5 are refused even where PKI.js would accept them. */
const DIGESTS = new Set<string>([OID.sha256, OID.sha384, OID.sha512]);
const NAME_FIELDS: Record<string, keyof CmsSigner> = {
  '2.5.4.3': 'commonName',
  '2.5.4.10': 'organization',
  '2.5.4.11': 'organizationalUnit',
  '0.9.2342.19200300.100.1.1': 'userId',
};

class Refused extends Error {
  constructor(
    readonly problem: CmsProblem,
    message: string,
  ) {
    super(message);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Strict parse: one whole BER object, nothing after it. */
function parseWhole(bytes: Uint8Array, what: string, problem: CmsProblem): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1 || parsed.result.error) throw new Refused(problem, `${what}: not DER (${parsed.result.error || 'unreadable'})`);
  if (parsed.offset !== bytes.byteLength) throw new Refused(problem, `${what}: not DER (${bytes.byteLength - parsed.offset} trailing bytes)`);
  // asn1js reads BER leniently (an inner length may overrun its parent's): DER encodes back to the same bytes.
  if (!sameBytes(new Uint8Array(parsed.result.toBER(false)), bytes)) throw new Refused(problem, `${what}: not DER (inconsistent lengths)`);
  return parsed.result;
}

function readCertificate(der: Uint8Array, what: string, problem: CmsProblem): Certificate {
  const node = parseWhole(der, what, problem);
  try {
    return new Certificate({ schema: node });
  } catch (e) {
    throw new Refused(problem, `${what}: not an X.509 certificate (${messageOf(e)})`);
  }
}

function der(cert: Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}

function nameOf(cert: Certificate): CmsSigner {
  const out: CmsSigner = {};
  for (const tv of cert.subject.typesAndValues) {
    const field = NAME_FIELDS[tv.type];
    if (field && out[field] === undefined) out[field] = String(tv.value.valueBlock.value);
  }
  return out;
}

function readSignedData(signature: Uint8Array): SignedData {
  const node = parseWhole(signature, 'signature', 'format');
  let signed: SignedData;
  try {
    const info = new ContentInfo({ schema: node });
    if (info.contentType !== OID.signedData) throw new Refused('format', `not a CMS SignedData (${info.contentType})`);
    signed = new SignedData({ schema: info.content });
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw new Refused('format', `signature: not DER CMS SignedData (${messageOf(e)})`);
  }
  if (signed.version !== 1 && signed.version !== 3) throw new Refused('format', `unexpected SignedData version ${signed.version}`);
  if (signed.encapContentInfo.eContentType !== OID.data) throw new Refused('format', 'encapsulated content is not id-data');
  if (signed.encapContentInfo.eContent) throw new Refused('format', 'signature is not detached (it carries content)');
  if (signed.signerInfos.length !== 1) throw new Refused('format', `expected exactly one signer, found ${signed.signerInfos.length}`);
  if ((signed.certificates ?? []).some((c) => !(c instanceof Certificate))) {
    throw new Refused('format', 'signature carries something other than X.509 certificates');
  }
  for (const cert of (signed.certificates ?? []) as Certificate[]) {
    // RFC 5280 4.1.1.2: the unsigned outer algorithm must repeat the signed one (PKI.js reads only the outer).
    const encoded = (a: Certificate['signature']) => new Uint8Array(a.toSchema().toBER(false));
    if (!sameBytes(encoded(cert.signatureAlgorithm), encoded(cert.signature))) throw new Refused('format', 'a carried certificate has disagreeing algorithm fields');
    // A signature value is whole bytes; PKI.js would skip the unused-bits count, so nobody would see it change.
    if (cert.signatureValue.valueBlock.unusedBits !== 0) throw new Refused('format', 'a carried certificate has a malformed signature value');
  }
  const info = signed.signerInfos[0]!;
  if (info.version !== (info.sid instanceof IssuerAndSerialNumber ? 1 : 3)) {
    throw new Refused('format', 'SignerInfo version does not match its signer identifier');
  }
  const digest = info.digestAlgorithm.algorithmId;
  if (!DIGESTS.has(digest)) throw new Refused('algorithm', `unsupported digest algorithm ${digest}`);
  if (!signed.digestAlgorithms.some((a) => a.algorithmId === digest)) throw new Refused('format', 'digestAlgorithms does not list the signer digest');
  return signed;
}

function signingTimeOf(signed: SignedData): Date | undefined {
  const attr = signed.signerInfos[0]!.signedAttrs?.attributes.find((a) => a.type === OID.signingTime);
  if (!attr) return undefined;
  const value: unknown = attr.values[0];
  if (attr.values.length !== 1 || !(value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime)) {
    throw new Refused('format', 'signingTime is not one UTCTime or GeneralizedTime');
  }
  const time = value.toDate();
  if (Number.isNaN(time.getTime())) throw new Refused('format', 'signingTime is not a valid time');
  return time;
}

/** The signer must be an end entity allowed to sign (as OpenSSL's S/MIME signing purpose requires). */
function checkMaySign(cert: Certificate): void {
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID === OID.basicConstraints && (ext.parsedValue as { cA?: boolean } | undefined)?.cA === true) {
      throw new Refused('usage', 'signer certificate is a CA certificate');
    }
    if (ext.extnID === OID.keyUsage) {
      const bits = new Uint8Array((ext.parsedValue as asn1js.BitString).valueBlock.valueHexView);
      // digitalSignature (0x80) or nonRepudiation (0x40) in the first byte.
      if (((bits[0] ?? 0) & 0xc0) === 0) throw new Refused('usage', 'signer certificate key usage does not allow signing');
    }
  }
}

function chainFailure(e: SignedDataVerifyError, at: Date): Refused {
  // PKI.js codes: 2 no certificates, 3 no signer certificate, 5 chain, 7 algorithm, 15 digest mismatch or other failure.
  if (e.code === 2 || e.code === 3) return new Refused('no-signer', 'the signer certificate is not included in the signature');
  if (e.code === 5) return new Refused('chain', `signer certificate not accepted under the given CA at ${at.toISOString()}: ${e.message}`);
  if (e.code === 7) return new Refused('algorithm', e.message);
  // PKI.js cannot take empty detached content (code 8); no signature of ours is over nothing.
  if (e.code === 8) return new Refused('digest', 'empty content cannot be checked against the signed message digest');
  if (/Message digest doesn't match/.test(e.message)) return new Refused('digest', 'content does not match the signed message digest');
  return new Refused('value', `signature value does not verify: ${e.message}`);
}

async function check(input: CmsInput, crypto: Crypto, found: Omit<CmsResult, 'ok'>): Promise<void> {
  const ca = readCertificate(input.caDer, 'CA certificate unreadable', 'ca');
  const signed = readSignedData(input.signature);
  const signingTime = signingTimeOf(signed);
  if (signingTime) found.signingTime = signingTime;
  // Validity is judged when the signature was made, never against this machine's clock.
  const at = input.at ?? signingTime;
  const engine: ICryptoEngine = new CryptoEngine({ name: 'evidence', crypto });
  let verified: { signatureVerified?: boolean | null; signerCertificate?: Certificate | null; certificatePath?: Certificate[] };
  try {
    verified = await signed.verify(
      { signer: 0, data: input.content.slice().buffer, trustedCerts: [ca], checkDate: at ?? new Date(0), checkChain: at !== undefined, extendedMode: true },
      engine,
    );
  } catch (e) {
    if (!(e instanceof SignedDataVerifyError)) throw e;
    if (e.signerCertificate) {
      found.signerDer = der(e.signerCertificate);
      found.signer = nameOf(e.signerCertificate);
    }
    throw chainFailure(e, at ?? new Date(0));
  }
  const signer = verified.signerCertificate;
  if (!signer) throw new Refused('no-signer', 'the signer certificate is not included in the signature');
  found.signerDer = der(signer);
  found.signer = nameOf(signer);
  if (verified.signatureVerified !== true) throw new Refused('value', 'signature value does not verify with the signer certificate');
  if (!at) throw new Refused('no-time', 'signature has no signingTime, so the signer certificate cannot be checked at signing');
  checkMaySign(signer);
  // Only the signer's chain may be carried: anything else is damage or tampering (a flipped bit in the
  // CA copy would otherwise go unnoticed, since the trusted CA is the caller's).
  const path = verified.certificatePath ?? [];
  const caDer = der(ca);
  for (const carried of signed.certificates ?? []) {
    if (carried instanceof Certificate && (path.includes(carried) || sameBytes(der(carried), caDer))) continue;
    throw new Refused('carried', "signature carries a certificate not on the signer's chain to the CA");
  }
}

/** Subject and end of validity of a certificate, for a reader shown the CA (verify.html); throws if unreadable. */
export function describeCertificate(der: Uint8Array): { subject: CmsSigner; notAfter: Date } {
  const cert = readCertificate(der, 'certificate', 'ca');
  return { subject: nameOf(cert), notAfter: cert.notAfter.value };
}

/** Checks a detached CMS signature; never rejects: bad input gives ok:false, a problem kind and a reason. */
export async function verifyCms(input: CmsInput, crypto: Crypto): Promise<CmsResult> {
  const found: Omit<CmsResult, 'ok'> = {};
  try {
    await check(input, crypto, found);
    return { ok: true, ...found };
  } catch (e) {
    if (e instanceof Refused) return { ...found, ok: false, problem: e.problem, reason: e.message };
    return { ...found, ok: false, problem: 'format', reason: `unreadable signature: ${messageOf(e)}` };
  }
}
