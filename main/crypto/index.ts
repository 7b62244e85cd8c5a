// Keys, certificates, password hashing and CMS detached signatures. Other modules import only from here.
export { asPem, WrongPasswordError, type DistinguishedName, type KeyPair, type KeyPairSource, type Pem } from './types';
export { generateKeyPair, encryptPrivateKey, decryptPrivateKey, privateKeyIterations, KEY_PBKDF2_ITERATIONS } from './keys';
export {
  createCaCertificate,
  issueUserCertificate,
  certificateInfo,
  certificateFingerprint,
  normalizeSerialHex,
  randomSerialHex,
  CA_VALID_YEARS,
  USER_CERT_VALID_YEARS,
  type CertificateInfo,
} from './certificates';
export { signDetached } from './cms-sign';
export { verifyDetached, type SignatureCheck, type VerifyArgs } from './cms-verify';
export { verifyDetachedQuick } from './cms-quick';
/** The same check as a browser script (defines EvCms), for the disc's verify.html. */
export { CMS_CORE_JS } from './cms-bundle.generated';
export { hashPassword, verifyPassword, dummyPasswordHash, PASSWORD_SCRYPT_N } from './passwords';
export { sha256Hex } from './hash';
export { REAL_SECRET_COSTS, type SecretCosts } from './costs';
