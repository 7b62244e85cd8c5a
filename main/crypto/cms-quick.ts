/**
 * The CMS check for many signatures at once (the audit chain's day seals, issue 14 item 4): PKI.js takes tens of
 * milliseconds a signature, node:crypto a fraction of one. Only the shape our signer makes (cms-sign.ts) is checked
 * here, in full: one signer named by issuer and serial, issued directly by the trusted CA and valid with it at the
 * signing time, an end entity that may sign, signed attributes (id-data, the content's digest, one signing time),
 * a SHA-2 digest, RSA PKCS#1 v1.5 or ECDSA, strict DER, and nothing carried but the signer and the CA. Whatever is
 * not that shape, and every signature that fails here, goes to verifyDetached (PKI.js, the check verify.html runs),
 * so a refusal and its reason are always PKI.js's and only a signature this module fully checked passes without it.
 */
import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { children, derTime, expectTag, oidText, readWhole, smallInt, TAG, type Tlv } from './der-read';
import { signerIds, verifyDetached, type SignatureCheck, type VerifyArgs } from './cms-verify';
import { pemToDer } from './forge-util';
import { OID } from './oids';
import type { DistinguishedName } from './types';

const HASH_OF_DIGEST: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };
/** Signature algorithms: key type, and the digest they imply (null: the signer's digest, as with rsaEncryption). */
const SIGNATURE_ALGORITHMS: Record<string, { key: 'rsa' | 'ec'; digest: string | null }> = {
  [OID.rsaEncryption]: { key: 'rsa', digest: null },
  [OID.sha256WithRSAEncryption]: { key: 'rsa', digest: OID.sha256 },
  '1.2.840.113549.1.1.12': { key: 'rsa', digest: OID.sha384 },
  '1.2.840.113549.1.1.13': { key: 'rsa', digest: OID.sha512 },
  '1.2.840.10045.4.3.2': { key: 'ec', digest: OID.sha256 },
  '1.2.840.10045.4.3.3': { key: 'ec', digest: OID.sha384 },
  '1.2.840.10045.4.3.4': { key: 'ec', digest: OID.sha512 },
};
const NAME_FIELDS: Record<string, keyof DistinguishedName> = {
  '2.5.4.3': 'commonName',
  '2.5.4.10': 'organization',
  '2.5.4.11': 'organizationalUnit',
  '0.9.2342.19200300.100.1.1': 'userId',
};

/** Not the shape checked here, or not good: verifyDetached decides. */
class NotQuick extends Error {}

function need(cond: boolean, why: string): asserts cond {
  if (!cond) throw new NotQuick(why);
}

/** An AlgorithmIdentifier's OID; parameters absent or NULL. */
function algorithm(t: Tlv | undefined): string {
  const [id, params, ...rest] = children(expectTag(t, TAG.sequence));
  need(rest.length === 0 && (!params || (params.tag === TAG.null && params.body.length === 0)), 'algorithm parameters');
  return oidText(id);
}

interface ParsedCert {
  whole: Buffer;
  serial: Buffer;
  issuer: Buffer;
  subject: Tlv;
  notBefore: Date;
  notAfter: Date;
  /** The keyUsage bits' first byte, if the extension is there. */
  keyUsage: number | undefined;
}

function parseCert(t: Tlv): ParsedCert {
  const [tbs, outerAlg, value, ...rest] = children(expectTag(t, TAG.sequence));
  need(rest.length === 0 && tbs !== undefined && outerAlg !== undefined, 'certificate shape');
  const fields = children(expectTag(tbs, TAG.sequence));
  const start = fields[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, innerAlg, issuer, validity, subject] = fields.slice(start, start + 5);
  need(serial?.tag === TAG.integer && innerAlg !== undefined && issuer !== undefined && subject !== undefined, 'certificate fields');
  // RFC 5280 4.1.1.2: the unsigned outer algorithm repeats the signed one; a signature value is whole bytes.
  need(innerAlg.whole.equals(outerAlg.whole), 'certificate algorithm fields disagree');
  need(expectTag(value, TAG.bitString).body[0] === 0, 'certificate signature value');
  const [notBefore, notAfter] = children(expectTag(validity, TAG.sequence));
  let keyUsage: number | undefined;
  const extensions = fields.slice(start + 6).find((f) => f.tag === 0xa3);
  for (const ext of extensions ? children(expectTag(children(extensions)[0], TAG.sequence)) : []) {
    const parts = children(expectTag(ext, TAG.sequence));
    if (oidText(parts[0]) !== OID.keyUsage) continue;
    const bits = readWhole(expectTag(parts.at(-1), TAG.octetString).body, TAG.bitString).body;
    keyUsage = bits[1] ?? 0;
  }
  return { whole: t.whole, serial: serial.whole, issuer: issuer.whole, subject, notBefore: derTime(notBefore), notAfter: derTime(notAfter), keyUsage };
}

function nameOf(subject: Tlv): DistinguishedName {
  const out: Partial<DistinguishedName> = {};
  for (const rdn of children(expectTag(subject, TAG.sequence))) {
    for (const atv of children(expectTag(rdn, TAG.set))) {
      const [type, value] = children(expectTag(atv, TAG.sequence));
      const field = NAME_FIELDS[oidText(type)];
      if (!field || out[field] !== undefined || !value) continue;
      need(value.tag === TAG.utf8String || value.tag === TAG.printableString || value.tag === TAG.ia5String, 'name string type');
      out[field] = value.body.toString(value.tag === TAG.utf8String ? 'utf8' : 'latin1');
    }
  }
  return { ...out, commonName: out.commonName ?? '' };
}

/** The one value of each signed attribute we need; a repeated attribute is not our shape. */
function signedAttributes(attrs: Tlv): Map<string, Tlv> {
  const out = new Map<string, Tlv>();
  for (const attr of children(attrs)) {
    const [type, values, ...rest] = children(expectTag(attr, TAG.sequence));
    const id = oidText(type);
    const list = children(expectTag(values, TAG.set));
    need(rest.length === 0 && !out.has(id) && list.length === 1, 'signed attribute shape');
    out.set(id, list[0]!);
  }
  return out;
}

let lastCa: { pem: string; der: Buffer } | undefined;
function caDerOf(pem: string): Buffer {
  if (lastCa?.pem !== pem) lastCa = { pem, der: pemToDer(pem, 'CERTIFICATE') };
  return lastCa.der;
}

const validAt = (c: ParsedCert, at: Date) => c.notBefore < at && at < c.notAfter;

function quickCheck(args: VerifyArgs, caDer: Buffer): SignatureCheck {
  need(args.content.length > 0, 'empty content');
  const [type, wrapped, ...more] = children(readWhole(args.signatureDer, TAG.sequence));
  need(more.length === 0 && oidText(type) === OID.signedData && wrapped?.tag === 0xa0, 'not SignedData');
  const signedData = children(wrapped)[0];
  need(children(wrapped).length === 1, 'SignedData wrapper');
  const [version, digestAlgs, encap, certs, signerInfos, ...extra] = children(expectTag(signedData, TAG.sequence));
  need(extra.length === 0 && smallInt(version) === 1 && certs?.tag === 0xa0, 'SignedData fields');
  const encapParts = children(expectTag(encap, TAG.sequence));
  need(encapParts.length === 1 && oidText(encapParts[0]) === OID.data, 'detached id-data');
  const infos = children(expectTag(signerInfos, TAG.set));
  need(infos.length === 1, 'one signer');

  const [infoVersion, sid, digestAlg, attrs, sigAlg, sigValue, ...unsigned] = children(expectTag(infos[0], TAG.sequence));
  need(unsigned.length === 0 && smallInt(infoVersion) === 1 && attrs?.tag === 0xa0, 'SignerInfo fields');
  const digest = algorithm(digestAlg);
  const hash = HASH_OF_DIGEST[digest];
  need(hash !== undefined && children(expectTag(digestAlgs, TAG.set)).some((a) => algorithm(a) === digest), 'digest algorithm');
  const scheme = SIGNATURE_ALGORITHMS[algorithm(sigAlg)];
  need(scheme !== undefined && (scheme.digest ?? digest) === digest, 'signature algorithm');
  const [sidIssuer, sidSerial, ...sidRest] = children(expectTag(sid, TAG.sequence));
  need(sidRest.length === 0 && sidIssuer !== undefined && sidSerial !== undefined, 'signer identifier');

  // The carried certificates: the signer (named by issuer and serial) and, at most, the CA itself.
  let signer: ParsedCert | undefined;
  for (const c of children(certs)) {
    if (c.whole.equals(caDer)) continue;
    need(signer === undefined, 'carries a certificate not on the chain');
    signer = parseCert(c);
  }
  need(signer !== undefined && signer.issuer.equals(sidIssuer.whole) && signer.serial.equals(sidSerial.whole), 'signer certificate');
  const ca = parseCert(readWhole(caDer, TAG.sequence));
  need(signer.issuer.equals(ca.subject.whole), 'signer not issued by the CA');

  const found = signedAttributes(attrs);
  need(oidText(found.get(OID.contentType)) === OID.data, 'content type');
  const messageDigest = expectTag(found.get(OID.messageDigest), TAG.octetString).body;
  need(messageDigest.equals(createHash(hash).update(args.content).digest()), 'message digest');
  const signingTime = derTime(found.get(OID.signingTime));
  const at = args.at ?? signingTime;
  need(validAt(signer, at) && validAt(ca, at), 'validity');

  const issued = issuedSigner(caDer, signer);
  need(issued !== undefined, 'certificate signature or key usage');
  const key = issued.key;
  need(key.asymmetricKeyType === scheme.key, 'key type');
  // The signature covers the signed attributes as a SET (RFC 5652 5.4), not as their [0] tag.
  const signedBytes = Buffer.concat([Buffer.from([TAG.set]), attrs.whole.subarray(1)]);
  const value = expectTag(sigValue, TAG.octetString).body;
  need(verify(hash, signedBytes, scheme.key === 'ec' ? { key, dsaEncoding: 'der' } : key, value), 'signature value');
  return { ok: true, signer: nameOf(signer.subject), ...issued.ids, signingTime };
}

interface IssuedSigner {
  key: KeyObject;
  ids: ReturnType<typeof signerIds>;
}

/** Per CA and signer certificate, kept: a seal signer signs hundreds of days, and reading a certificate is most of a check. */
const issuedSigners = new Map<string, IssuedSigner | undefined>();

/** The signer's key if the CA (a CA) issued it and it is an end entity that may sign; undefined if not. */
function issuedSigner(caDer: Buffer, signer: ParsedCert): IssuedSigner | undefined {
  const id = createHash('sha256').update(caDer).update(signer.whole).digest('base64');
  if (issuedSigners.has(id)) return issuedSigners.get(id);
  const caCert = new X509Certificate(caDer);
  const signerCert = new X509Certificate(signer.whole);
  // digitalSignature or nonRepudiation, as OpenSSL's S/MIME signing purpose wants.
  const maySign = signer.keyUsage === undefined || (signer.keyUsage & 0xc0) !== 0;
  const issued = caCert.ca && !signerCert.ca && maySign && signerCert.verify(caCert.publicKey) ? { key: signerCert.publicKey, ids: signerIds(signer.whole) } : undefined;
  if (issuedSigners.size >= 256) issuedSigners.clear();
  issuedSigners.set(id, issued);
  return issued;
}

/**
 * Checks a detached CMS signature against the office CA like verifyDetached, with node:crypto where it is our own
 * signer's shape and with verifyDetached (PKI.js) otherwise. Synchronous; never throws.
 */
export function verifyDetachedQuick(args: VerifyArgs): SignatureCheck {
  try {
    return quickCheck(args, caDerOf(args.caCertPem));
  } catch {
    // NotQuick, DerShapeError, or node:crypto refusing a key or certificate: PKI.js decides and says why.
    return verifyDetached(args);
  }
}

/** For tests: does the quick path alone accept it (without falling back)? */
export function acceptedQuickly(args: VerifyArgs): boolean {
  try {
    return quickCheck(args, caDerOf(args.caCertPem)).ok;
  } catch {
    return false;
  }
}
