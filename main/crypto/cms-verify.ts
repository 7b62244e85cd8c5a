import { constants, createHash, timingSafeEqual, verify as rsaVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certificateInfoFromForge } from './certificates';
import {
  isContext,
  isUniversal,
  items,
  MalformedError,
  octets,
  oid,
  parseDer,
  plainAlgorithm,
  primitive,
  smallInteger,
  taggedItems,
  time,
  toDer,
  type Node,
  universal,
} from './der';
import { certificateFromDer, field, pemToDer, stringField } from './forge-util';
import { OID } from './oids';
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

const { Type } = forge.asn1;

class Rejected extends Error {}

interface SignerInfo {
  sid: { issuerDer: Buffer; serial: Buffer } | { subjectKeyId: Buffer };
  digestAlgorithm: string;
  signedAttrs: Node;
  signatureAlgorithm: string;
  signature: Buffer;
}

/**
 * Checks a detached CMS SignedData over `content` against the office CA (forge has no PKCS#7
 * verify). The signer certificate must chain to `caCertPem` and be valid at `at` if given, otherwise
 * at the signed signingTime (a signature without one is refused). Every other certificate carried must also be issued by
 * the CA (the CA's own copy is). Never throws: bad input gives ok:false and a reason.
 */
export function verifyDetached(args: VerifyArgs): SignatureCheck {
  const found: Omit<SignatureCheck, 'ok' | 'reason'> = {};
  try {
    verifyInto(args, found);
    return { ok: true, ...found };
  } catch (e) {
    const reason =
      e instanceof Rejected || e instanceof MalformedError
        ? e.message
        : `unreadable signature: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, reason, ...found };
  }
}

function verifyInto(args: VerifyArgs, found: Omit<SignatureCheck, 'ok' | 'reason'>): void {
  let ca: forge.pki.Certificate;
  try {
    ca = certificateFromDer(pemToDer(args.caCertPem, 'CERTIFICATE'));
  } catch (e) {
    throw new Rejected(`CA certificate unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }

  const { certificates, signerInfo } = parseSignedData(parseDer(args.signatureDer));
  const { digestAlgorithm, signatureAlgorithm } = signerInfo;
  if (digestAlgorithm !== OID.sha256) throw new Rejected(`unsupported digest algorithm ${digestAlgorithm}`);
  if (signatureAlgorithm !== OID.rsaEncryption && signatureAlgorithm !== OID.sha256WithRSAEncryption) {
    throw new Rejected(`unsupported signature algorithm ${signatureAlgorithm}`);
  }

  const signerNode = findSignerCertificate(certificates, signerInfo.sid);
  checkOuterAlgorithm(signerNode);
  const signerDer = toDer(signerNode);
  const signerCert = forge.pki.certificateFromAsn1(signerNode);
  const info = certificateInfoFromForge(signerCert, signerDer);
  found.signer = info.subject;
  found.signerFingerprintSha256 = info.fingerprintSha256;
  found.signerSerialHex = info.serialHex;

  const attrs = readSignedAttributes(signerInfo.signedAttrs);
  if (attrs.signingTime !== undefined) found.signingTime = attrs.signingTime;
  if (attrs.contentType !== OID.data) throw new Rejected(`unexpected content type ${attrs.contentType}`);
  const digest = createHash('sha256').update(args.content).digest();
  if (attrs.messageDigest.length !== digest.length || !timingSafeEqual(attrs.messageDigest, digest)) {
    throw new Rejected('content does not match the signed message digest');
  }

  // The signature covers the DER of the signed attributes with the [0] tag replaced by SET (RFC 5652 §5.4).
  const signedAttrs = signedAttrsChildren(signerInfo.signedAttrs);
  const attrsAsSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, Type.SET, true, signedAttrs);
  const key = { key: new X509Certificate(signerDer).publicKey, padding: constants.RSA_PKCS1_PADDING };
  const good = rsaVerify('sha256', toDer(attrsAsSet), key, signerInfo.signature);
  if (!good) throw new Rejected('signature value does not verify with the signer certificate');

  checkSignerKeyUsage(signerCert);
  // Validity is judged when the signature was made, never against this machine's clock: without a
  // signingTime (ours always carry one) there is nothing to judge it at.
  const checkAt = args.at ?? attrs.signingTime;
  if (!checkAt) throw new Rejected('signature has no signingTime, so the signer certificate cannot be checked at signing');
  try {
    // The trusted CA goes last in the chain so its own validity period is checked too.
    forge.pki.verifyCertificateChain(forge.pki.createCaStore([ca]), [signerCert, ca], { validityCheckDate: checkAt });
  } catch (e) {
    const message = stringField(e, 'message') ?? String(e);
    throw new Rejected(`signer certificate not accepted under the given CA at ${checkAt.toISOString()}: ${message}`);
  }
  // Our signatures carry only the signer and the office CA, so anything else carried is damage or
  // tampering (a flipped bit in the CA copy would otherwise go unnoticed, since the trusted CA is the caller's).
  for (const node of certificates) {
    if (node === signerNode) continue;
    checkOuterAlgorithm(node);
    if (!issuedBy(ca, forge.pki.certificateFromAsn1(node))) {
      throw new Rejected('signature carries a certificate not issued by the CA');
    }
  }
}

function issuedBy(ca: forge.pki.Certificate, cert: forge.pki.Certificate): boolean {
  try {
    return ca.verify(cert);
  } catch {
    return false;
  }
}

function parseSignedData(root: Node): { certificates: Node[]; signerInfo: SignerInfo } {
  const contentInfo = items(root, Type.SEQUENCE, 'ContentInfo');
  if (oid(contentInfo[0], 'ContentInfo.contentType') !== OID.signedData) throw new Rejected('not a CMS SignedData');
  const signedData = items(taggedItems(contentInfo[1], 0, 'ContentInfo.content')[0], Type.SEQUENCE, 'SignedData');
  const version = smallInteger(signedData[0], 'SignedData.version');
  if (version !== 1 && version !== 3) throw new Rejected(`unexpected SignedData version ${version}`);
  const digestAlgorithms = items(signedData[1], Type.SET, 'digestAlgorithms').map((a) =>
    plainAlgorithm(a, 'digestAlgorithms'),
  );

  const encap = items(signedData[2], Type.SEQUENCE, 'EncapsulatedContentInfo');
  if (oid(encap[0], 'eContentType') !== OID.data) throw new Rejected('encapsulated content is not id-data');
  if (encap.length > 1) throw new Rejected('signature is not detached (it carries content)');

  // After encapContentInfo: optional [0] certificates, optional [1] crls, then the signerInfos SET.
  const rest = signedData.slice(3);
  const certificates = isContext(rest[0], 0, true) ? taggedItems(rest[0], 0, 'certificates') : [];
  const signerInfos = items(rest[rest.length - 1], Type.SET, 'SignerInfos');
  if (signerInfos.length !== 1) throw new Rejected(`expected exactly one signer, found ${signerInfos.length}`);
  const signerInfo = parseSignerInfo(signerInfos[0]);
  if (!digestAlgorithms.includes(signerInfo.digestAlgorithm)) {
    throw new Rejected('digestAlgorithms does not list the signer digest');
  }
  if (!certificates.every((c) => isUniversal(c, Type.SEQUENCE))) {
    throw new Rejected('signature carries something other than X.509 certificates');
  }
  return { certificates, signerInfo };
}

function parseSignerInfo(node: Node | undefined): SignerInfo {
  const f = items(node, Type.SEQUENCE, 'SignerInfo');
  const version = smallInteger(f[0], 'SignerInfo.version');
  let sid: SignerInfo['sid'];
  if (isContext(f[1], 0, false) && typeof f[1].value === 'string') {
    if (version !== 3) throw new Rejected('SignerInfo version does not match its signer identifier');
    sid = { subjectKeyId: Buffer.from(f[1].value, 'binary') };
  } else {
    if (version !== 1) throw new Rejected('SignerInfo version does not match its signer identifier');
    const ias = items(f[1], Type.SEQUENCE, 'IssuerAndSerialNumber');
    const issuerDer = toDer(universal(ias[0], Type.SEQUENCE, 'issuer'));
    sid = { issuerDer, serial: Buffer.from(primitive(ias[1], Type.INTEGER, 'serial'), 'binary') };
  }
  if (!isContext(f[3], 0, true)) throw new Rejected('signature has no signed attributes');
  return {
    sid,
    digestAlgorithm: plainAlgorithm(f[2], 'digestAlgorithm'),
    signedAttrs: f[3],
    signatureAlgorithm: plainAlgorithm(f[4], 'signatureAlgorithm'),
    signature: octets(f[5], 'signature'),
  };
}

function signedAttrsChildren(node: Node): Node[] {
  return taggedItems(node, 0, 'signedAttrs');
}

function readSignedAttributes(node: Node): { contentType: string; messageDigest: Buffer; signingTime?: Date } {
  const values = new Map<string, Node>();
  for (const attr of signedAttrsChildren(node)) {
    const [typeNode, valuesNode] = items(attr, Type.SEQUENCE, 'Attribute');
    const type = oid(typeNode, 'Attribute.type');
    const set = items(valuesNode, Type.SET, 'Attribute.values');
    if (values.has(type)) throw new Rejected(`signed attribute ${type} appears twice`);
    if (set.length !== 1 || set[0] === undefined) throw new Rejected(`signed attribute ${type} must have one value`);
    values.set(type, set[0]);
  }
  const contentType = values.get(OID.contentType);
  const messageDigest = values.get(OID.messageDigest);
  if (contentType === undefined || messageDigest === undefined) {
    throw new Rejected('signed attributes lack contentType or messageDigest');
  }
  const signingTime = values.get(OID.signingTime);
  return {
    contentType: oid(contentType, 'contentType'),
    messageDigest: octets(messageDigest, 'messageDigest'),
    ...(signingTime !== undefined ? { signingTime: time(signingTime, 'signingTime') } : {}),
  };
}

/** The certificate the SignerInfo names, by issuer and serial number or by subject key identifier. */
function findSignerCertificate(certificates: Node[], sid: SignerInfo['sid']): Node {
  for (const cert of certificates) {
    const tbs = items(items(cert, Type.SEQUENCE, 'Certificate')[0], Type.SEQUENCE, 'TBSCertificate');
    const offset = isContext(tbs[0], 0, true) ? 1 : 0; // [0] version is optional
    if ('subjectKeyId' in sid) {
      const ext = forge.pki.certificateFromAsn1(cert).getExtension('subjectKeyIdentifier');
      const ski = stringField(ext, 'subjectKeyIdentifier');
      if (ski !== undefined && Buffer.from(ski, 'hex').equals(sid.subjectKeyId)) return cert;
    } else {
      const serial = Buffer.from(primitive(tbs[offset], Type.INTEGER, 'serialNumber'), 'binary');
      const issuer = tbs[offset + 2];
      if (issuer !== undefined && serial.equals(sid.serial) && toDer(issuer).equals(sid.issuerDer)) return cert;
    }
  }
  throw new Rejected('the signer certificate is not included in the signature');
}

/** The signer must be an end entity allowed to sign (as OpenSSL's S/MIME signing purpose requires). */
function checkSignerKeyUsage(cert: forge.pki.Certificate): void {
  const ku = cert.getExtension('keyUsage');
  const canSign = field(ku, 'digitalSignature') === true || field(ku, 'nonRepudiation') === true;
  if (typeof ku === 'object' && ku !== null && !canSign) {
    throw new Rejected('signer certificate key usage does not allow signing');
  }
  if (field(cert.getExtension('basicConstraints'), 'cA') === true) {
    throw new Rejected('signer certificate is a CA certificate');
  }
}

/** RFC 5280 §4.1.1.2: the unsigned outer signatureAlgorithm must repeat the signed one (forge does not check). */
function checkOuterAlgorithm(cert: Node): void {
  const [tbs, outer] = items(cert, Type.SEQUENCE, 'Certificate');
  const fields = items(tbs, Type.SEQUENCE, 'TBSCertificate');
  const inner = fields[isContext(fields[0], 0, true) ? 2 : 1];
  if (outer === undefined || inner === undefined || !toDer(outer).equals(toDer(inner))) {
    throw new Rejected('a carried certificate has disagreeing algorithm fields');
  }
}
