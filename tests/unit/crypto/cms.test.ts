import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  issueUserCertificate,
  signDetached,
  verifyDetached,
  type Pem,
  type VerifyArgs,
} from '../../../main/crypto';
import { atTime } from '../../support/cms';
import { makeOffice, openssl, tempDir, USER_NAME, type Office } from './helpers';

const ISSUED = new Date('2026-01-05T08:00:00Z');
const SIGNED = new Date('2026-03-01T10:20:30Z');
const SIGNED_UTCTIME = '260301102030Z';
const CONTENT = Buffer.from('bagit manifest\n0f3a…  data/originals/执法记录仪_20260301.mp4\n', 'utf8');

function changedByte(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

function replaceAscii(buf: Buffer, from: string, to: string): Buffer {
  const at = buf.indexOf(Buffer.from(from, 'latin1'));
  if (at < 0) throw new Error(`${from} not found`);
  const copy = Buffer.from(buf);
  copy.write(to, at, 'latin1');
  return copy;
}

function fingerprintByOpenssl(certFile: string, cwd: string): string | undefined {
  const out = openssl(['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256'], cwd).stdout;
  return out.trim().split('=')[1]?.replaceAll(':', '').toLowerCase();
}

describe('CMS detached signatures', () => {
  const dir = tempDir();
  let office: Office;
  let rogue: Office; // a second "office" whose CA has exactly the same name
  let signature: Buffer;
  let files: { ca: string; rogueCa: string; user: string; key: string; data: string; sig: string };

  const sign = (content: Buffer, o: Office = office, signingTime = SIGNED): Buffer =>
    signDetached({
      content,
      signer: { certPem: o.userCertPem, privateKeyPem: o.userKeys.privateKeyPem },
      chain: [o.caCertPem],
      signingTime,
    });

  /**
   * The command a court's expert would run, at the signing time: the certificates have fixed dates, so
   * openssl must not judge them by the day the test runs.
   */
  const opensslVerify = (sigFile: string, dataFile: string, caFile: string) =>
    openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigFile, '-content', dataFile, '-CAfile', caFile, ...atTime(SIGNED), '-out', '/dev/null'], dir.path);

  /** `openssl cms -sign` with the user's key and certificate, plus extra options. */
  const opensslSign = (name: string, extra: string[]): Buffer => {
    const out = join(dir.path, name);
    const args = ['cms', '-sign', '-binary', '-outform', 'DER', '-signer', files.user, '-inkey', files.key];
    const r = openssl([...args, ...extra, '-in', files.data, '-out', out], dir.path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return readFileSync(out);
  };

  const good = (): VerifyArgs => ({ content: CONTENT, signatureDer: signature, caCertPem: office.caCertPem });

  beforeAll(async () => {
    [office, rogue] = await Promise.all([makeOffice(ISSUED), makeOffice(ISSUED)]);
    signature = sign(CONTENT);
    // The key openssl signs with is the stored (encrypted) one, unlocked as at login.
    const stored = await encryptPrivateKey(office.userKeys.privateKeyPem, '口令123', 4096);
    files = {
      ca: dir.file('ca.pem', office.caCertPem),
      rogueCa: dir.file('rogue-ca.pem', rogue.caCertPem),
      user: dir.file('user.pem', office.userCertPem),
      key: dir.file('key.pem', decryptPrivateKey(stored, '口令123')),
      data: dir.file('data.bin', CONTENT),
      sig: dir.file('data.bin.p7s', signature),
    };
  });
  afterAll(() => dir.remove());

  describe('checked by openssl cms -verify', () => {
    it('accepts our signature by 李明 under the office CA (default S/MIME purpose, no -purpose any)', () => {
      const r = opensslVerify(files.sig, files.data, files.ca);
      expect(r.stderr).toContain('Verification successful');
      expect(r.status).toBe(0);
    });

    it('rejects it after one changed content byte', () => {
      for (const index of [0, CONTENT.length >> 1, CONTENT.length - 1]) {
        const data = dir.file(`changed-${index}.bin`, changedByte(CONTENT, index));
        const r = opensslVerify(files.sig, data, files.ca);
        expect(r.status).not.toBe(0);
        expect(r.stderr).not.toContain('Verification successful');
      }
    });

    it('rejects it under a different CA with the same name', () => {
      expect(opensslVerify(files.sig, files.data, files.rogueCa).status).not.toBe(0);
    });

    it('sees SHA-256, the signing time, no embedded content and both certificates', () => {
      const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', files.sig], dir.path).stdout;
      expect(printed).toContain('algorithm: sha256');
      expect(printed).toContain('object: contentType');
      expect(printed).toContain('object: messageDigest');
      expect(printed).toContain('object: signingTime');
      expect(printed).toContain('Mar  1 10:20:30 2026 GMT');
      expect(printed).toContain('eContent: <ABSENT>');
      const certs = openssl(['pkcs7', '-print_certs', '-inform', 'DER', '-in', files.sig], dir.path).stdout;
      expect(certs.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    });

    it('gets the signer certificate out of the signature unchanged', () => {
      const out = join(dir.path, 'signer.pem');
      const r = opensslVerify(files.sig, files.data, files.ca);
      expect(r.status).toBe(0);
      const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', files.sig, '-content', files.data];
      openssl([...args, '-CAfile', files.ca, ...atTime(SIGNED), '-signer', out, '-out', '/dev/null'], dir.path);
      expect(fingerprintByOpenssl(out, dir.path)).toBe(fingerprintByOpenssl(files.user, dir.path));
    });
  });

  describe('verifyDetached', () => {
    it('accepts a good signature and reports signer, fingerprint and signing time', () => {
      const check = verifyDetached(good());
      expect(check).toMatchObject({ ok: true, signer: USER_NAME, signingTime: SIGNED });
      expect(check.reason).toBeUndefined();
      expect(check.signerFingerprintSha256).toBe(fingerprintByOpenssl(files.user, dir.path));
    });

    it('accepts a signature made by openssl cms -sign with the decrypted key', () => {
      const before = Math.floor(Date.now() / 1000) * 1000;
      const fromOpenssl = opensslSign('openssl.p7s', ['-md', 'sha256', '-certfile', files.ca]);
      const after = Date.now();
      expect(opensslVerify(join(dir.path, 'openssl.p7s'), files.data, files.ca).status).toBe(0);
      // openssl stamps the machine's time; the certificates are judged at SIGNED, whatever the day.
      const check = verifyDetached({ ...good(), signatureDer: fromOpenssl, at: SIGNED });
      expect(check.reason).toBeUndefined();
      expect(check.ok).toBe(true);
      expect(check.signer).toEqual(USER_NAME);
      expect(check.signingTime?.getTime()).toBeGreaterThanOrEqual(before);
      expect(check.signingTime?.getTime()).toBeLessThanOrEqual(after);
      expect(verifyDetached({ ...good(), signatureDer: fromOpenssl, at: SIGNED, content: changedByte(CONTENT, 3) }).ok).toBe(false);
      expect(verifyDetached({ ...good(), signatureDer: fromOpenssl, at: SIGNED, caCertPem: rogue.caCertPem }).ok).toBe(false);
      // `at` pins the validity check; the office certificates are not valid yet in 2025.
      expect(verifyDetached({ ...good(), signatureDer: fromOpenssl, at: new Date('2025-06-01T00:00:00Z') }).ok).toBe(false);
    });

    it('accepts an openssl signature that names the signer by subject key identifier', () => {
      const byKeyId = opensslSign('openssl-keyid.p7s', ['-keyid', '-md', 'sha256']);
      expect(verifyDetached({ ...good(), signatureDer: byKeyId, at: SIGNED })).toMatchObject({ ok: true, signer: USER_NAME });
    });

    // Forged or broken inputs: each must give ok:false with a reason, never throw.
    const forged: Array<[string, () => VerifyArgs, RegExp]> = [
      ['one changed content byte', () => ({ ...good(), content: changedByte(CONTENT, 10) }), /digest/],
      ['content with a byte appended', () => ({ ...good(), content: Buffer.concat([CONTENT, Buffer.from([0])]) }), /digest/],
      ['empty content', () => ({ ...good(), content: Buffer.alloc(0) }), /digest/],
      ['a different CA with the same name', () => ({ ...good(), caCertPem: rogue.caCertPem }), /not accepted/],
      ['a signer not issued by the CA', () => ({ ...good(), signatureDer: sign(CONTENT, rogue) }), /not accepted/],
      ['garbage bytes', () => ({ ...good(), signatureDer: Buffer.from('this is not a signature at all') }), /DER/],
      ['an empty signature', () => ({ ...good(), signatureDer: Buffer.alloc(0) }), /DER/],
      ['a truncated signature', () => ({ ...good(), signatureDer: signature.subarray(0, signature.length - 40) }), /DER/],
      ['a signature cut in half', () => ({ ...good(), signatureDer: signature.subarray(0, signature.length >> 1) }), /DER/],
      ['trailing bytes', () => ({ ...good(), signatureDer: Buffer.concat([signature, Buffer.from([0, 0])]) }), /DER/],
      ['a flipped signature bit', () => ({ ...good(), signatureDer: changedByte(signature, signature.length - 1) }), /value/],
      [
        'a back-dated signingTime',
        () => ({ ...good(), signatureDer: replaceAscii(signature, SIGNED_UTCTIME, '260301102029Z') }),
        /signature value/,
      ],
      ['a signature over other content', () => ({ ...good(), signatureDer: sign(Buffer.from('other')) }), /digest/],
      [
        'a CA certificate that is garbage',
        () => ({ ...good(), caCertPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' as Pem }),
        /CA certificate unreadable/,
      ],
      ['a CA "certificate" that is not PEM', () => ({ ...good(), caCertPem: 'nope' as Pem }), /CA certificate unreadable/],
      [
        'a check time after the certificates expire',
        () => ({ ...good(), at: new Date('2060-01-01T00:00:00Z') }),
        /not accepted under the given CA at 2060/,
      ],
    ];
    it.each(forged)('rejects %s', (_name, input, reason) => {
      const check = verifyDetached(input());
      expect(check.ok).toBe(false);
      expect(check.reason).toMatch(reason);
    });

    it('rejects truncations at many lengths without throwing', () => {
      for (let length = 0; length < signature.length; length += 97) {
        const check = verifyDetached({ ...good(), signatureDer: signature.subarray(0, length) });
        expect(check.ok).toBe(false);
        expect(typeof check.reason).toBe('string');
      }
    });

    // Nothing in the file may change unnoticed, not even the unsigned parts (e.g. the carried CA copy).
    // Every fifth byte: PKI.js takes tens of milliseconds a check, so every byte would take minutes.
    it('rejects a flipped bit in every fifth byte, without throwing', { timeout: 600_000 }, () => {
      for (let index = 0; index < signature.length; index += 5) {
        const check = verifyDetached({ ...good(), signatureDer: changedByte(signature, index) });
        expect(check.ok, `byte ${index}`).toBe(false);
      }
    });

    it('rejects a signing time outside the signer certificate validity', () => {
      const shortLived = issueUserCertificate({
        ca: { certPem: office.caCertPem, privateKeyPem: office.caKeys.privateKeyPem },
        subject: USER_NAME,
        publicKeyPem: office.userKeys.publicKeyPem,
        serialHex: '8a02',
        now: ISSUED,
        validYears: 1,
      });
      const signer = { certPem: shortLived, privateKeyPem: office.userKeys.privateKeyPem };
      const signAt = (iso: string) =>
        signDetached({ content: CONTENT, signer, chain: [office.caCertPem], signingTime: new Date(iso) });
      const late = verifyDetached({ ...good(), signatureDer: signAt('2027-06-01T00:00:00Z') });
      expect(late).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
      expect(verifyDetached({ ...good(), signatureDer: signAt('2025-12-31T00:00:00Z') }).ok).toBe(false);
      expect(verifyDetached({ ...good(), signatureDer: signAt('2026-06-01T00:00:00Z') }).ok).toBe(true);
    });

    it('rejects a signature made with the CA certificate itself', () => {
      const byCa = signDetached({
        content: CONTENT,
        signer: { certPem: office.caCertPem, privateKeyPem: office.caKeys.privateKeyPem },
        chain: [],
        signingTime: SIGNED,
      });
      const check = verifyDetached({ ...good(), signatureDer: byCa });
      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/key usage|CA certificate/) });
    });

    it('rejects a signature that carries a certificate from elsewhere', () => {
      const padded = signDetached({
        content: CONTENT,
        signer: { certPem: office.userCertPem, privateKeyPem: office.userKeys.privateKeyPem },
        chain: [office.caCertPem, rogue.userCertPem],
        signingTime: SIGNED,
      });
      const check = verifyDetached({ ...good(), signatureDer: padded });
      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/not on the signer's chain to the CA/) });
    });

    it('rejects a signature without the signer certificate', () => {
      const check = verifyDetached({ ...good(), signatureDer: opensslSign('nocerts.p7s', ['-nocerts']) });
      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/not included/) });
    });

    it('rejects a signature that carries its content (not detached)', () => {
      const check = verifyDetached({ ...good(), signatureDer: opensslSign('attached.p7s', ['-nodetach']) });
      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/not detached/) });
    });

    it('rejects a SHA-1 signature', () => {
      const check = verifyDetached({ ...good(), signatureDer: opensslSign('sha1.p7s', ['-md', 'sha1']) });
      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/unsupported digest/) });
    });

    it('refuses to sign with a key that does not belong to the certificate', () => {
      const signer = { certPem: office.userCertPem, privateKeyPem: rogue.userKeys.privateKeyPem };
      expect(() => signDetached({ content: CONTENT, signer, chain: [], signingTime: SIGNED })).toThrow(/does not belong/);
    });

    it('round-trips signing times after 2049 (GeneralizedTime)', () => {
      const far = new Date('2050-02-03T04:05:06Z');
      const sig = sign(CONTENT, office, far);
      // The user certificate ends in 2046, so at its own signing time it is not valid.
      expect(verifyDetached({ ...good(), signatureDer: sig })).toMatchObject({ ok: false, signingTime: far });
      expect(verifyDetached({ ...good(), signatureDer: sig, at: SIGNED }).ok).toBe(true);
    });
  });
});
