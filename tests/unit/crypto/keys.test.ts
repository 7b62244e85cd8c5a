import { createPrivateKey, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asPem,
  decryptPrivateKey,
  encryptPrivateKey,
  generateKeyPair,
  WrongPasswordError,
  type KeyPair,
} from '../../../main/crypto';
import { openssl, tempDir } from './helpers';

const PASSWORD = '执法2026!pass';

describe('keys', () => {
  const dir = tempDir();
  let keys: KeyPair;

  beforeAll(async () => {
    keys = await generateKeyPair();
  });
  afterAll(() => dir.remove());

  it('generates an RSA-3072 pair as SPKI and unencrypted PKCS#8 PEM', () => {
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const pub = createPublicKey(keys.publicKeyPem);
    expect(pub.asymmetricKeyType).toBe('rsa');
    expect(pub.asymmetricKeyDetails?.modulusLength).toBe(3072);
    const derived = createPublicKey(createPrivateKey(keys.privateKeyPem)).export({ type: 'spki', format: 'pem' });
    expect(derived).toBe(keys.publicKeyPem);
  });

  it('encrypts to standard PKCS#8 that openssl pkey decrypts', () => {
    const enc = encryptPrivateKey(keys.privateKeyPem, PASSWORD);
    expect(enc).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const file = dir.file('enc.pem', enc);
    const r = openssl(['pkey', '-in', file, '-passin', `pass:${PASSWORD}`], dir.path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(keys.privateKeyPem);
    expect(openssl(['pkey', '-in', file, '-passin', 'pass:wrong', '-noout'], dir.path).status).not.toBe(0);
    const params = openssl(['asn1parse', '-in', file], dir.path).stdout;
    expect(params).toContain('PBES2');
    expect(params).toContain('aes-256-cbc');
  });

  it('decrypts with the right password and round-trips', () => {
    const enc = encryptPrivateKey(keys.privateKeyPem, PASSWORD);
    expect(decryptPrivateKey(enc, PASSWORD)).toBe(keys.privateKeyPem);
  });

  it('salts each encryption', () => {
    expect(encryptPrivateKey(keys.privateKeyPem, PASSWORD)).not.toBe(encryptPrivateKey(keys.privateKeyPem, PASSWORD));
  });

  it('throws WrongPasswordError for wrong passwords', () => {
    const enc = encryptPrivateKey(keys.privateKeyPem, PASSWORD);
    for (const wrong of ['', 'wrong', PASSWORD.slice(0, -1), PASSWORD.toUpperCase(), '执法2026!pasS']) {
      let error: unknown;
      try {
        decryptPrivateKey(enc, wrong);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WrongPasswordError);
      expect((error as WrongPasswordError).code).toBe('WRONG_PASSWORD');
    }
  });

  it('decrypts a key that openssl encrypted', () => {
    const plain = dir.file('plain.pem', keys.privateKeyPem);
    const r = openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', plain, '-passout', `pass:${PASSWORD}`], dir.path);
    expect(r.status).toBe(0);
    expect(decryptPrivateKey(asPem(r.stdout), PASSWORD)).toBe(keys.privateKeyPem);
  });

  it('rejects input that is not an encrypted key with a plain Error, not WrongPasswordError', () => {
    const junk = asPem('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n');
    for (const bad of [keys.privateKeyPem, keys.publicKeyPem, junk]) {
      expect(() => decryptPrivateKey(bad, PASSWORD)).toThrow(/not a PKCS#8 EncryptedPrivateKeyInfo/);
    }
  });

  it('refuses an empty password when encrypting', () => {
    expect(() => encryptPrivateKey(keys.privateKeyPem, '')).toThrow();
  });
});
