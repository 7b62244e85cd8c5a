import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateFingerprint,
  certificateInfo,
  createCaCertificate,
  generateKeyPair,
  issueUserCertificate,
  normalizeSerialHex,
  sha256Hex,
} from '../../../main/crypto';
import { atTime } from '../../support/cms';
import { CA_NAME, makeOffice, openssl, tempDir, USER_NAME, type Office } from './helpers';

const NOW = new Date('2026-01-05T08:00:00.750Z');
/** openssl judges validity a day after issue, not on the day the test runs. */
const CHECKED_AT = atTime(new Date(NOW.getTime() + 24 * 3600_000));

describe('certificates', () => {
  const dir = tempDir();
  let office: Office;
  let caFile: string;
  let userFile: string;

  beforeAll(async () => {
    office = await makeOffice(NOW);
    caFile = dir.file('ca.pem', office.caCertPem);
    userFile = dir.file('user.pem', office.userCertPem);
  });
  afterAll(() => dir.remove());

  it('writes Chinese names as UTF8String that openssl prints exactly', () => {
    const subject = openssl(['x509', '-in', userFile, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus'], dir.path);
    expect(subject.status).toBe(0);
    expect(subject.stdout.trim()).toBe('subject=O=某某镇人民政府,OU=综合行政执法大队,CN=李明,UID=liming');
    const issuer = openssl(['x509', '-in', userFile, '-noout', '-issuer', '-nameopt', 'utf8,sep_comma_plus'], dir.path);
    expect(issuer.stdout.trim()).toBe('issuer=O=某某镇人民政府,CN=某某镇综合行政执法大队');
    const parsed = openssl(['asn1parse', '-in', userFile], dir.path).stdout;
    expect(parsed).toMatch(/UTF8STRING\s+:李明/);
    expect(parsed).not.toMatch(/PRINTABLESTRING|T61STRING|BMPSTRING/);
  });

  it('issues a user certificate that openssl verify accepts under the CA', () => {
    const r = openssl(['verify', ...CHECKED_AT, '-CAfile', caFile, userFile], dir.path);
    expect(r.stdout.trim()).toBe(`${userFile}: OK`);
    expect(r.status).toBe(0);
  });

  it('makes a v3 SHA-256 CA with critical CA:TRUE, keyCertSign+cRLSign and a subject key identifier', () => {
    const text = openssl(['x509', '-in', caFile, '-noout', '-text'], dir.path).stdout;
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Public-Key: (3072 bit)');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('Subject Key Identifier');
    const selfSigned = openssl(['verify', ...CHECKED_AT, '-CAfile', caFile, caFile], dir.path);
    expect(selfSigned.status).toBe(0);
  });

  it('makes a user certificate with CA:FALSE, signing key usage and key identifiers linking it to the CA', () => {
    const text = openssl(['x509', '-in', userFile, '-noout', '-text'], dir.path).stdout;
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).not.toContain('Extended Key Usage');
    const caText = openssl(['x509', '-in', caFile, '-noout', '-text'], dir.path).stdout;
    const caSki = /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/.exec(caText)?.[1];
    const aki = /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/.exec(text)?.[1];
    expect(caSki).toBeDefined();
    expect(aki).toBe(caSki);
    // Fit for OpenSSL's default S/MIME signing purpose, which `openssl cms -verify` uses.
    const purpose = openssl(['x509', '-in', userFile, '-noout', '-purpose'], dir.path).stdout;
    expect(purpose).toContain('S/MIME signing : Yes');
  });

  it('reads names, serial, validity and fingerprint back', () => {
    const info = certificateInfo(office.userCertPem);
    expect(info.subject).toEqual(USER_NAME);
    expect(info.issuer).toEqual(CA_NAME);
    expect(info.serialHex).toBe('8a01');
    expect(info.notBefore.toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2031-01-05T08:00:00.000Z'); // 5 years (issue 10 item 14)
    const der = openssl(['x509', '-in', userFile, '-outform', 'DER'], dir.path);
    expect(der.status).toBe(0);
    const fp = openssl(['x509', '-in', userFile, '-noout', '-fingerprint', '-sha256'], dir.path).stdout;
    expect(fp.trim().split('=')[1]?.replaceAll(':', '').toLowerCase()).toBe(info.fingerprintSha256);

    const ca = certificateInfo(office.caCertPem);
    expect(ca.subject).toEqual(CA_NAME);
    expect(ca.issuer).toEqual(CA_NAME);
    expect(ca.notAfter.toISOString()).toBe('2046-01-05T08:00:00.000Z'); // 20 years
    expect(ca.serialHex).toMatch(/^[1-7][0-9a-f]{31}$/);
  });

  it('never issues a user certificate that outlives its CA, nor any under a CA that has ended', () => {
    const ca = { certPem: office.caCertPem, privateKeyPem: office.caKeys.privateKeyPem };
    const issue = (now: Date) => issueUserCertificate({ ca, subject: USER_NAME, publicKeyPem: office.userKeys.publicKeyPem, serialHex: '8a03', now });
    // Two years before the CA's end: valid for those two years only, not five.
    expect(certificateInfo(issue(new Date('2044-01-05T08:00:00Z'))).notAfter.toISOString()).toBe('2046-01-05T08:00:00.000Z');
    expect(() => issue(new Date('2046-01-05T08:00:00Z'))).toThrow(/CA certificate has expired/);
  });

  it('prints the CA fingerprint exactly as openssl x509 -fingerprint -sha256 does', () => {
    const out = openssl(['x509', '-in', caFile, '-noout', '-fingerprint', '-sha256'], dir.path);
    expect(out.status, out.stderr).toBe(0);
    const fp = certificateFingerprint(office.caCertPem);
    expect(fp).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(fp).toBe(out.stdout.trim().split('=')[1]);
  });

  it('writes serial numbers as positive integers', () => {
    const serial = openssl(['x509', '-in', userFile, '-noout', '-serial'], dir.path).stdout.trim();
    expect(serial).toBe('serial=8A01'); // high bit set: stored with a leading 00, read back positive
    expect(openssl(['asn1parse', '-in', userFile], dir.path).stdout).toMatch(/INTEGER\s+:8A01/);
  });

  it('reads names written by openssl (PrintableString and UTF8String)', () => {
    const key = dir.file('k.pem', office.userKeys.privateKeyPem);
    const subj = '/O=Example/CN=王芳';
    const r = openssl(['req', '-new', '-x509', '-key', key, '-subj', subj, '-utf8', '-days', '1'], dir.path);
    expect(r.status).toBe(0);
    const info = certificateInfo(r.stdout as typeof office.caCertPem);
    expect(info.subject).toEqual({ organization: 'Example', commonName: '王芳' });
  });

  it('normalizes and checks serial numbers', () => {
    expect(normalizeSerialHex('00A1')).toBe('a1');
    expect(() => normalizeSerialHex('0')).toThrow();
    expect(() => normalizeSerialHex('xyz')).toThrow();
    expect(() => normalizeSerialHex('-1')).toThrow();
    expect(() => normalizeSerialHex('1'.repeat(41))).toThrow();
  });

  it('refuses a CA key that does not match the CA certificate', async () => {
    const other = await generateKeyPair();
    expect(() =>
      issueUserCertificate({
        ca: { certPem: office.caCertPem, privateKeyPem: other.privateKeyPem },
        subject: USER_NAME,
        publicKeyPem: other.publicKeyPem,
        serialHex: '02',
        now: NOW,
      }),
    ).toThrow(/does not match/);
    const mixed = { publicKeyPem: office.caKeys.publicKeyPem, privateKeyPem: other.privateKeyPem };
    expect(() => createCaCertificate({ subject: CA_NAME, keys: mixed, now: NOW })).toThrow(/does not match/);
  });

  it('refuses an empty common name', () => {
    expect(() => createCaCertificate({ subject: { commonName: ' ' }, keys: office.caKeys, now: NOW })).toThrow();
  });

  it('is not accepted by openssl under a different CA with the same name', async () => {
    const rogue = await makeOffice(NOW);
    const rogueCa = dir.file('rogue-ca.pem', rogue.caCertPem);
    const r = openssl(['verify', ...CHECKED_AT, '-CAfile', rogueCa, userFile], dir.path);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/certificate signature failure|unable to get local issuer/);
    expect(sha256Hex(rogue.caCertPem)).not.toBe(sha256Hex(office.caCertPem));
  });
});
