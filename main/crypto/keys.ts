import { createPrivateKey, generateKeyPair as generateNativeKeyPair, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { algorithm, items, octets, parseDer } from './der';
import { pemToDer } from './forge-util';
import { WrongPasswordError, type KeyPair, type Pem } from './types';

const RSA_BITS = 3072;
// Standard PKCS#8 (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) that `openssl pkey` reads directly.
const KEY_CIPHER = 'aes-256-cbc';
const { Type } = forge.asn1;

/** RSA-3072 key pair, generated natively (forge's JS prime search takes seconds). */
export function generateKeyPair(): Promise<KeyPair> {
  return new Promise((resolve, reject) => {
    generateNativeKeyPair(
      'rsa',
      {
        modulusLength: RSA_BITS,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, publicKey, privateKey) => {
        if (err) reject(err);
        else resolve({ publicKeyPem: publicKey as Pem, privateKeyPem: privateKey as Pem });
      },
    );
  });
}

/** PKCS#8 EncryptedPrivateKeyInfo PEM, for storing a user's key under their password. */
export function encryptPrivateKey(privateKeyPem: Pem, password: string): Pem {
  if (password.length === 0) throw new Error('refusing to encrypt a private key with an empty password');
  const key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  return key.export({ type: 'pkcs8', format: 'pem', cipher: KEY_CIPHER, passphrase: password }) as Pem;
}

/** Decrypts an EncryptedPrivateKeyInfo PEM to unencrypted PKCS#8. Throws WrongPasswordError on a wrong password. */
export function decryptPrivateKey(encryptedPem: Pem, password: string): Pem {
  // Check the structure first, so that a decryption failure below can only mean a wrong password
  // (AES-CBC with a wrong key fails either at the padding or, rarely, at the inner ASN.1).
  try {
    // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
    const der = pemToDer(encryptedPem, 'ENCRYPTED PRIVATE KEY');
    const [alg, data] = items(parseDer(der), Type.SEQUENCE, 'EncryptedPrivateKeyInfo');
    algorithm(alg, 'encryptionAlgorithm');
    octets(data, 'encryptedData');
  } catch {
    throw new Error('not a PKCS#8 EncryptedPrivateKeyInfo PEM');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: encryptedPem, format: 'pem', passphrase: password });
  } catch {
    throw new WrongPasswordError();
  }
  return key.export({ type: 'pkcs8', format: 'pem' }) as Pem;
}
