import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  issueUserCertificate,
  signDetached,
  verifyDetached,
  type Pem,
} from '../../../main/crypto';
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

describe('CMS detached signatures', () => {
  const dir = tempDir();
  let office: Office;
  let rogue: Office; // a second "office" whose CA has exactly the same name
  let signature: Buffer;
  let files: { ca: string; rogueCa: string; data: string; sig: string };

  const sign = (content: Buffer, o: Office = office, signingTime = SIGNED): Buffer =>
    signDetached({ content, signer: { certPem: o.userCertPem, privateKeyPem: o.userKeys.privateKeyPem }, chain: [o.caCertPem], signingTime });

  const opensslVerify = (sigFile: string, dataFile: string, caFile: string) =>
    openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigFile, '-content', dataFile, '-CAfile', caFile, '-out', '/dev/null'], dir.path);

  beforeAll(async () => {
    [office, rogue] = await Promise.all([makeOffice(ISSUED), makeOffice(ISSUED)]);
    const started = performance.now();
    signature = sign(CONTENT);
    console.log(`signDetached: ${Math.round(performance.now() - started)} ms`);
    files = {
      ca: dir.file('ca.pem', office.caCertPem),
      rogueCa: dir.file('rogue-ca.pem', rogue.caCertPem),
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
      const r = opensslVerify(files.sig, files.data, files.rogueCa);
      expect(r.status).not.toBe(0);
    });

    it('sees SHA-256, the signing time and both certificates', () => {
      const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', files.sig], dir.path).stdout;
      expect(printed).toContain('algorithm: sha256');
      expect(printed).toContain('object: signingTime');
      expect(printed).toContain('Mar  1 10:20:30 2026 GMT');
      expect(printed).toContain('object: messageDigest');
      expect(printed).toContain('eContent: <ABSENT>');
      const certs = openssl(['pkcs7', '-print_certs', '-inform', 'DER', '-in', files.sig], dir.path);
      expect(certs.stdout.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    });
  });

  describe('verifyDetached', () => {
    it('accepts a good signature and reports signer, fingerprint and signing time', () => {
      const check = verifyDetached({ content: CONTENT, signatureDer: signature, caCertPem: office.caCertPem });
      expect(check).toMatchObject({ ok: true, signer: USER_NAME, signingTime: SIGNED });
      expect(check.reason).toBeUndefined();
      const fp = openssl(['x509', '-in', dir.file('user.pem', office.userCertPem), '-noout', '-fingerprint', '-sha256'], dir.path).stdout;
      expect(check.signerFingerprintSha256).toBe(fp.trim().split('=')[1]?.replaceAll(':', '').toLowerCase());
    });

    it('accepts a signature made by openssl cms -sign with the decrypted key', () => {
      const enc = encryptPrivateKey(office.userKeys.privateKeyPem, '口令123');
      const key = dir.file('key.pem', decryptPrivateKey(enc, '口令123'));
      const user = dir.file('user.pem', office.userCertPem);
      const out = `${dir.path}/openssl.p7s`;
      const r = openssl(
        ['cms', '-sign', '-binary', '-outform', 'DER', '-md', 'sha256', '-signer', user, '-inkey', key, '-certfile', files.ca, '-in', files.data, '-out', out],
        dir.path,
      );
      expect(r.status).toBe(0);
      const fromOpenssl = readFileSync(out);
      expect(opensslVerify(out, files.data, files.ca).status).toBe(0);
      const check = verifyDetached({ content: CONTENT, signatureDer: fromOpenssl, caCertPem: office.caCertPem });
      expect(check.reason).toBeUndefined();
      expect(check.ok).toBe(true);
      expect(check.signer).toEqual(USER_NAME);
      expect(Math.abs((check.signingTime?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
      expect(verifyDetached({ content: changedByte(CONTENT, 3), signatureDer: fromOpenssl, caCertPem: office.caCertPem }).ok).toBe(false);
      // `at` pins the validity check; the office certificates are not valid in 2025.
      expect(verifyDetached({ content: CONTENT, signatureDer: fromOpenssl, caCertPem: office.caCertPem, at: new Date('2025-06-01T00:00:00Z') }).ok).toBe(false);
    });

    it('accepts an openssl signature that names the signer by subject key identifier', () => {
      const key = dir.file('key.pem', office.userKeys.privateKeyPem);
      const user = dir.file('user.pem', office.userCertPem);
      const out = `${dir.path}/openssl-keyid.p7s`;
      const r = openssl(
        ['cms', '-sign', '-binary', '-keyid', '-outform', 'DER', '-md', 'sha256', '-signer', user, '-inkey', key, '-in', files.data, '-out', out],
        dir.path,
      );
      expect(r.status).toBe(0);
      expect(verifyDetached({ content: CONTENT, signatureDer: readFileSync(out), caCertPem: office.caCertPem })).toMatchObject({ ok: true });
    });

    // Forged or broken inputs: each must give ok:false with a reason, never throw.
    const forged: Array<[string, () => { content: Buffer; signatureDer: Buffer; caCertPem: Pem; at?: Date }, RegExp]> = [
      ['one changed content byte', () => ({ content: changedByte(CONTENT, 10), signatureDer: signature, caCertPem: office.caCertPem }), /digest/],
      ['content with a byte appended', () => ({ content: Buffer.concat([CONTENT, Buffer.from([0])]), signatureDer: signature, caCertPem: office.caCertPem }), /digest/],
      ['empty content', () => ({ content: Buffer.alloc(0), signatureDer: signature, caCertPem: office.caCertPem }), /digest/],
      ['a different CA with the same name', () => ({ content: CONTENT, signatureDer: signature, caCertPem: rogue.caCertPem }), /CA/],
      ['a signer certificate not issued by the CA', () => ({ content: CONTENT, signatureDer: sign(CONTENT, rogue), caCertPem: office.caCertPem }), /not accepted/],
      ['garbage bytes', () => ({ content: CONTENT, signatureDer: Buffer.from('this is not a signature at all'), caCertPem: office.caCertPem }), /./],
      ['an empty signature', () => ({ content: CONTENT, signatureDer: Buffer.alloc(0), caCertPem: office.caCertPem }), /./],
      ['a truncated signature', () => ({ content: CONTENT, signatureDer: signature.subarray(0, signature.length - 40), caCertPem: office.caCertPem }), /DER/],
      ['a signature cut in half', () => ({ content: CONTENT, signatureDer: signature.subarray(0, signature.length >> 1), caCertPem: office.caCertPem }), /DER/],
      ['trailing bytes after the signature', () => ({ content: CONTENT, signatureDer: Buffer.concat([signature, Buffer.from([0, 0])]), caCertPem: office.caCertPem }), /DER/],
      ['a flipped bit in the signature value', () => ({ content: CONTENT, signatureDer: changedByte(signature, signature.length - 1), caCertPem: office.caCertPem }), /signature value/],
      ['a back-dated signingTime', () => ({ content: CONTENT, signatureDer: replaceAscii(signature, SIGNED_UTCTIME, '260301102029Z'), caCertPem: office.caCertPem }), /signature value/],
      ['a signature over other content', () => ({ content: CONTENT, signatureDer: sign(Buffer.from('other')), caCertPem: office.caCertPem }), /digest/],
      ['a CA certificate that is garbage', () => ({ content: CONTENT, signatureDer: signature, caCertPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' as Pem }), /CA certificate unreadable/],
      ['a CA "certificate" that is not PEM', () => ({ content: CONTENT, signatureDer: signature, caCertPem: 'nope' as Pem }), /CA certificate unreadable/],
      ['a check time after the certificates expire', () => ({ content: CONTENT, signatureDer: signature, caCertPem: office.caCertPem, at: new Date('2060-01-01T00:00:00Z') }), /not accepted.*2060/],
    ];
    it.each(forged)('rejects %s', (_name, input, reason) => {
      const check = verifyDetached(input());
      expect(check.ok).toBe(false);
      expect(check.reason).toMatch(reason);
    });

    it('rejects every single-byte truncation without throwing', () => {
      for (let length = 0; length < signature.length; length += 97) {
        const check = verifyDetached({ content: CONTENT, signatureDer: signature.subarray(0, length), caCertPem: office.caCertPem });
        expect(check.ok).toBe(false);
        expect(typeof check.reason).toBe('string');
      }
    });

    it('rejects every flipped byte without throwing', () => {
      for (let index = 0; index < signature.length; index += 7) {
        const check = verifyDetached({ content: CONTENT, signatureDer: changedByte(signature, index), caCertPem: office.caCertPem });
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
      const late = signDetached({ content: CONTENT, signer, chain: [office.caCertPem], signingTime: new Date('2027-06-01T00:00:00Z') });
      expect(verifyDetached({ content: CONTENT, signatureDer: late, caCertPem: office.caCertPem })).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
      const early = signDetached({ content: CONTENT, signer, chain: [office.caCertPem], signingTime: new Date('2025-12-31T00:00:00Z') });
      expect(verifyDetached({ content: CONTENT, signatureDer: early, caCertPem: office.caCertPem }).ok).toBe(false);
      const inTime = signDetached({ content: CONTENT, signer, chain: [office.caCertPem], signingTime: new Date('2026-06-01T00:00:00Z') });
      expect(verifyDetached({ content: CONTENT, signatureDer: inTime, caCertPem: office.caCertPem }).ok).toBe(true);
    });

    it('rejects a signature made with the CA certificate itself', () => {
      const byCa = signDetached({
        content: CONTENT,
        signer: { certPem: office.caCertPem, privateKeyPem: office.caKeys.privateKeyPem },
        chain: [],
        signingTime: SIGNED,
      });
      expect(verifyDetached({ content: CONTENT, signatureDer: byCa, caCertPem: office.caCertPem })).toMatchObject({ ok: false, reason: expect.stringMatching(/key usage|CA certificate/) });
    });

    it('rejects a signature without the signer certificate', () => {
      const key = dir.file('key.pem', office.userKeys.privateKeyPem);
      const user = dir.file('user.pem', office.userCertPem);
      const out = `${dir.path}/nocerts.p7s`;
      expect(openssl(['cms', '-sign', '-binary', '-nocerts', '-outform', 'DER', '-signer', user, '-inkey', key, '-in', files.data, '-out', out], dir.path).status).toBe(0);
      expect(verifyDetached({ content: CONTENT, signatureDer: readFileSync(out), caCertPem: office.caCertPem })).toMatchObject({ ok: false, reason: expect.stringMatching(/not included/) });
    });

    it('rejects a signature that carries its content (not detached)', () => {
      const key = dir.file('key.pem', office.userKeys.privateKeyPem);
      const user = dir.file('user.pem', office.userCertPem);
      const out = `${dir.path}/attached.p7s`;
      expect(openssl(['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-signer', user, '-inkey', key, '-in', files.data, '-out', out], dir.path).status).toBe(0);
      expect(verifyDetached({ content: CONTENT, signatureDer: readFileSync(out), caCertPem: office.caCertPem })).toMatchObject({ ok: false, reason: expect.stringMatching(/not detached/) });
    });

    it('refuses to sign with a key that does not belong to the certificate', () => {
      expect(() =>
        signDetached({ content: CONTENT, signer: { certPem: office.userCertPem, privateKeyPem: rogue.userKeys.privateKeyPem }, chain: [], signingTime: SIGNED }),
      ).toThrow(/does not belong/);
    });

    it('round-trips signing times after 2049 (GeneralizedTime)', () => {
      const far = new Date('2050-02-03T04:05:06Z');
      const sig = sign(CONTENT, office, far);
      const check = verifyDetached({ content: CONTENT, signatureDer: sig, caCertPem: office.caCertPem });
      expect(check).toMatchObject({ ok: false, signingTime: far }); // the user certificate ends in 2046
      expect(verifyDetached({ content: CONTENT, signatureDer: sig, caCertPem: office.caCertPem, at: SIGNED }).ok).toBe(true);
    });
  });
});
