// Keys, certificates, password hashing and CMS detached signatures. Other modules import only from here.
export { asPem, WrongPasswordError, type DistinguishedName, type KeyPair, type KeyPairSource, type Pem } from './types';
export { generateKeyPair, encryptPrivateKey, decryptPrivateKey } from './keys';
export {
  createCaCertificate,
  issueUserCertificate,
  certificateInfo,
  normalizeSerialHex,
  type CertificateInfo,
} from './certificates';
export { signDetached } from './cms-sign';
export { verifyDetached, type SignatureCheck, type VerifyArgs } from './cms-verify';
export { hashPassword, verifyPassword } from './passwords';
export { sha256Hex } from './hash';
