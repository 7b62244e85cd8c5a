import { createCipheriv, createPrivateKey, generateKeyPair as generateNativeKeyPair, pbkdf2, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { algorithm, items, octets, oid, parseDer, smallInteger, toDer, type Node } from './der';
import { pemToDer } from './forge-util';
import { OID } from './oids';
import { WrongPasswordError, type KeyPair, type Pem } from './types';

const RSA_BITS = 3072;
const { Class, Type } = forge.asn1;

/**
 * PBKDF2-HMAC-SHA256 iterations for a private key encrypted now (OWASP's figure since 2023). The
 * password's scrypt hash sits in the same database row, so whoever holds the file attacks the cheaper
 * of the two: this keeps the key from being it. Keys written before issue 10 have 2048 (what
 * `KeyObject.export` writes, and cannot be told otherwise); they are re-wrapped at their owner's login.
 */
export const KEY_PBKDF2_ITERATIONS = 600_000;
/** The fewest encryptPrivateKey accepts; tests pass a small count to stay fast. */
const MIN_ITERATIONS = 1000;
/** The most decryptPrivateKey accepts, so a tampered row cannot make a login take hours. */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;

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

const seq = (...children: Node[]): Node => forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, children);
const oidNode = (id: string): Node => forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(id).getBytes());
const octetNode = (b: Buffer): Node => forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, b.toString('binary'));
const intNode = (n: number): Node => forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(n).getBytes());
const nullNode = (): Node => forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');

function derive(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  // The password's UTF-8 bytes, as node:crypto and `openssl -passin` hand them to PBKDF2.
  return new Promise((resolve, reject) => pbkdf2(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256', (e, key) => (e ? reject(e) : resolve(key))));
}

/**
 * PKCS#8 EncryptedPrivateKeyInfo PEM, for storing a user's key under their password: standard PBES2 with
 * PBKDF2-HMAC-SHA256 (`iterations`) and AES-256-CBC, which `openssl pkey` reads directly. Written here
 * rather than by `KeyObject.export`, which always uses 2048 iterations; derived on the thread pool.
 */
export async function encryptPrivateKey(privateKeyPem: Pem, password: string, iterations: number = KEY_PBKDF2_ITERATIONS): Promise<Pem> {
  if (password.length === 0) throw new Error('refusing to encrypt a private key with an empty password');
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw new Error(`invalid PBKDF2 iteration count ${iterations}`);
  const plain = createPrivateKey({ key: privateKeyPem, format: 'pem' }).export({ type: 'pkcs8', format: 'der' });
  const [salt, iv] = [randomBytes(SALT_BYTES), randomBytes(16)];
  const cipher = createCipheriv('aes-256-cbc', await derive(password, salt, iterations), iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const info = seq(
    seq(
      oidNode(OID.pbes2),
      seq(
        seq(oidNode(OID.pbkdf2), seq(octetNode(salt), intNode(iterations), seq(oidNode(OID.hmacWithSHA256), nullNode()))),
        seq(oidNode(OID.aes256Cbc), octetNode(iv)),
      ),
    ),
    octetNode(encrypted),
  );
  const body = toDer(info).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${body}\n-----END ENCRYPTED PRIVATE KEY-----\n` as Pem;
}

/**
 * The PBKDF2 iteration count of an EncryptedPrivateKeyInfo PEM, or null when it is not PBES2 with PBKDF2
 * (a key some other tool encrypted). Throws if it is not an EncryptedPrivateKeyInfo at all.
 */
export function privateKeyIterations(encryptedPem: Pem): number | null {
  const [alg] = items(parseDer(pemToDer(encryptedPem, 'ENCRYPTED PRIVATE KEY')), Type.SEQUENCE, 'EncryptedPrivateKeyInfo');
  const [scheme, params] = items(alg, Type.SEQUENCE, 'encryptionAlgorithm');
  if (oid(scheme, 'encryptionAlgorithm') !== OID.pbes2) return null;
  const [kdf] = items(params, Type.SEQUENCE, 'PBES2-params');
  const [kdfId, kdfParams] = items(kdf, Type.SEQUENCE, 'keyDerivationFunc');
  if (oid(kdfId, 'keyDerivationFunc') !== OID.pbkdf2) return null;
  const [salt, count] = items(kdfParams, Type.SEQUENCE, 'PBKDF2-params');
  octets(salt, 'PBKDF2 salt');
  return smallInteger(count, 'PBKDF2 iterationCount');
}

/**
 * Decrypts an EncryptedPrivateKeyInfo PEM to unencrypted PKCS#8 (OpenSSL does the work, so keys other
 * tools encrypted are read too). Throws WrongPasswordError on a wrong password. Synchronous: it holds
 * the thread for the key's PBKDF2 iterations (see the "unlock private key" row of the crypto bench).
 */
export function decryptPrivateKey(encryptedPem: Pem, password: string): Pem {
  // Check the structure first, so that a decryption failure below can only mean a wrong password
  // (AES-CBC with a wrong key fails either at the padding or, rarely, at the inner ASN.1).
  let iterations: number | null;
  try {
    // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
    const [alg, data] = items(parseDer(pemToDer(encryptedPem, 'ENCRYPTED PRIVATE KEY')), Type.SEQUENCE, 'EncryptedPrivateKeyInfo');
    algorithm(alg, 'encryptionAlgorithm');
    octets(data, 'encryptedData');
    iterations = privateKeyIterations(encryptedPem);
  } catch {
    throw new Error('not a PKCS#8 EncryptedPrivateKeyInfo PEM');
  }
  if (iterations !== null && iterations > MAX_ITERATIONS) throw new Error(`private key asks for ${iterations} PBKDF2 iterations, more than ${MAX_ITERATIONS}`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: encryptedPem, format: 'pem', passphrase: password });
  } catch {
    throw new WrongPasswordError();
  }
  return key.export({ type: 'pkcs8', format: 'pem' }) as Pem;
}
