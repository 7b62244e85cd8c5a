import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asPem,
  decryptPrivateKey,
  encryptPrivateKey,
  generateKeyPair,
  KEY_PBKDF2_ITERATIONS,
  privateKeyIterations,
  WrongPasswordError,
  type KeyPair,
} from '../../../main/crypto';
import { openssl, tempDir } from './helpers';

const PASSWORD = '执法2026!pass';
/** Tests of the format itself use a small count; the real one has its own tests below. */
const FEW = 2048;

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

  it('encrypts to standard PKCS#8 that openssl pkey decrypts', async () => {
    const enc = await encryptPrivateKey(keys.privateKeyPem, PASSWORD);
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

  // Issue 10 item 6: the 2048 iterations KeyObject.export writes made a stolen database's keys cheap to guess.
  it('protects a new key with 600 000 iterations of PBKDF2-HMAC-SHA256, as openssl reads the PKCS#8 parameters', async () => {
    expect(KEY_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const file = dir.file('strong.pem', await encryptPrivateKey(keys.privateKeyPem, PASSWORD));
    const fields = openssl(['asn1parse', '-in', file], dir.path)
      .stdout.split('\n')
      .map((l) => /(?:OBJECT|INTEGER)\s+:(\S+)/.exec(l)?.[1])
      .filter((x) => x !== undefined);
    // PBES2 { PBKDF2 { salt, iterationCount, prf }, encryptionScheme }; 600000 = 0x0927C0.
    expect(fields).toEqual(['PBES2', 'PBKDF2', '0927C0', 'hmacWithSHA256', 'aes-256-cbc']);
    expect(privateKeyIterations(asPem(readFileSync(file, 'utf8')))).toBe(600_000);
    const out = openssl(['pkey', '-in', file, '-passin', `pass:${PASSWORD}`], dir.path);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(keys.privateKeyPem);
  });

  it('still reads a key as it was written before issue 10 (KeyObject.export, 2048 iterations)', () => {
    const old = asPem(createPrivateKey(keys.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSWORD }) as string);
    expect(privateKeyIterations(old)).toBe(2048);
    expect(decryptPrivateKey(old, PASSWORD)).toBe(keys.privateKeyPem);
  });

  it('tells the iteration count of a key another tool encrypted, and null for one without PBKDF2', () => {
    const plain = dir.file('plain-for-count.pem', keys.privateKeyPem);
    const pbkdf2 = openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-iter', '5000', '-in', plain, '-passout', `pass:${PASSWORD}`], dir.path);
    expect(privateKeyIterations(asPem(pbkdf2.stdout))).toBe(5000);
    const scrypt = openssl(['pkcs8', '-topk8', '-scrypt', '-scrypt_N', '1024', '-in', plain, '-passout', `pass:${PASSWORD}`], dir.path);
    expect(scrypt.status, scrypt.stderr).toBe(0);
    expect(privateKeyIterations(asPem(scrypt.stdout))).toBeNull();
    expect(decryptPrivateKey(asPem(scrypt.stdout), PASSWORD)).toBe(keys.privateKeyPem);
  });

  it('refuses, without trying, a key whose stored parameters ask for more than 10 million iterations', () => {
    // What a tampered row could hold: 2^30 iterations would keep a login busy for about a quarter of an hour.
    const { create, Class, Type } = forge.asn1;
    const seq = (...v: forge.asn1.Asn1[]) => create(Class.UNIVERSAL, Type.SEQUENCE, true, v);
    const oid = (o: string) => create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(o).getBytes());
    const bytes = (n: number) => create(Class.UNIVERSAL, Type.OCTETSTRING, false, 'x'.repeat(n));
    const int = (n: number) => create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(n).getBytes());
    const der = forge.asn1
      .toDer(seq(seq(oid('1.2.840.113549.1.5.13'), seq(seq(oid('1.2.840.113549.1.5.12'), seq(bytes(16), int(2 ** 30))), seq(oid('2.16.840.1.101.3.4.1.42'), bytes(16)))), bytes(32)))
      .getBytes();
    const pem = asPem(forge.pem.encode({ type: 'ENCRYPTED PRIVATE KEY', body: der }));
    expect(privateKeyIterations(pem)).toBe(2 ** 30);
    expect(() => decryptPrivateKey(pem, PASSWORD)).toThrow(/more than 10000000/);
  });

  it('refuses to write a key with fewer than 1000 or more than 10 million iterations', async () => {
    for (const n of [0, 999, 1.5, 10_000_001]) await expect(encryptPrivateKey(keys.privateKeyPem, PASSWORD, n), String(n)).rejects.toThrow(/iteration count/);
  });

  it('decrypts with the right password and round-trips', async () => {
    const enc = await encryptPrivateKey(keys.privateKeyPem, PASSWORD);
    expect(decryptPrivateKey(enc, PASSWORD)).toBe(keys.privateKeyPem);
  });

  it('salts each encryption', async () => {
    expect(await encryptPrivateKey(keys.privateKeyPem, PASSWORD, FEW)).not.toBe(await encryptPrivateKey(keys.privateKeyPem, PASSWORD, FEW));
  });

  it('throws WrongPasswordError for wrong passwords', async () => {
    const enc = await encryptPrivateKey(keys.privateKeyPem, PASSWORD, FEW);
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

  it('refuses an empty password when encrypting', async () => {
    await expect(encryptPrivateKey(keys.privateKeyPem, '')).rejects.toThrow();
  });
});
