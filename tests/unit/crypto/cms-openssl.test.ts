// Signatures made by `openssl cms -sign` in shapes our own signer never makes (EC, SHA-512, RSA-PSS, no
// signed attributes, a signer under an intermediate CA): what `openssl cms -verify` accepts, verifyDetached
// must accept, and what it refuses, verifyDetached must refuse with a reason that says why. Certificates have
// fixed dates and both sides judge them at a fixed time, so the day and zone the suite runs in do not matter.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDetached, type SignatureCheck } from '../../../main/crypto';
import { opensslCmsVerify } from '../../support/cms';
import { opensslPki } from './openssl-pki';

const AT = new Date('2026-06-01T12:00:00Z');
const CONTENT = Buffer.from('0f3a…  data/originals/执法记录仪_20260301.mp4\n', 'utf8');

describe('verifyDetached on signatures made by openssl', () => {
  const pki = opensslPki();
  const { certificate, run } = pki;
  const dir = { path: pki.dir };
  const sign = (name: string, signer: string, extra: string[] = []): string => pki.sign(name, signer, 'content.bin', extra);

  const pem = pki.pem;
  const ours = (sigFile: string, o: { ca?: string; content?: Buffer; signature?: Buffer; at?: Date } = {}): SignatureCheck =>
    verifyDetached({ content: o.content ?? CONTENT, signatureDer: o.signature ?? readFileSync(sigFile), caCertPem: pem(o.ca ?? 'root'), at: o.at ?? AT });
  const theirs = (sigFile: string, o: { ca?: string; content?: string; at?: Date } = {}) =>
    opensslCmsVerify({ signature: sigFile, content: join(dir.path, o.content ?? 'content.bin'), caFile: join(dir.path, `${o.ca ?? 'root'}.pem`), at: o.at ?? AT, cwd: dir.path });

  const signatures: Record<string, string> = {};

  beforeAll(() => {
    pki.file('content.bin', CONTENT);
    certificate({ name: 'root', cn: 'Root CA', kind: 'rsa', ext: 'v3_ca' });
    certificate({ name: 'other', cn: 'Root CA', kind: 'rsa', ext: 'v3_ca' }); // same name, other key
    certificate({ name: 'inter', cn: 'Intermediate CA', kind: 'rsa', issuer: 'root', ext: 'v3_ca', to: '20340101000000Z' });
    certificate({ name: 'ec', cn: 'EC signer', kind: 'ec', issuer: 'root', ext: 'v3_user' });
    certificate({ name: 'rsa', cn: 'RSA signer', kind: 'rsa', issuer: 'root', ext: 'v3_user' });
    certificate({ name: 'leaf', cn: 'Leaf signer', kind: 'ec', issuer: 'inter', ext: 'v3_user' });
    certificate({ name: 'short', cn: 'Short-lived signer', kind: 'rsa', issuer: 'root', ext: 'v3_user', from: '20260301000000Z', to: '20270301000000Z' });
    signatures.ec = sign('ec', 'ec');
    signatures.sha512 = sign('sha512', 'rsa', ['-md', 'sha512']);
    signatures.ecSha512 = sign('ec-sha512', 'ec', ['-md', 'sha512']);
    signatures.pss = sign('pss', 'rsa', ['-keyopt', 'rsa_padding_mode:pss', '-md', 'sha256']);
    signatures.noattr = sign('noattr', 'rsa', ['-noattr']);
    signatures.chain = sign('chain', 'leaf', ['-certfile', 'inter.pem']);
    signatures.short = sign('short', 'short');
  });
  afterAll(() => pki.remove());

  const accepted: Array<[string, string, string]> = [
    ['EC P-256 with SHA-256', 'ec', 'EC signer'],
    ['RSA with SHA-512', 'sha512', 'RSA signer'],
    ['EC P-256 with SHA-512', 'ecSha512', 'EC signer'],
    ['RSA-PSS', 'pss', 'RSA signer'],
    ['no signed attributes', 'noattr', 'RSA signer'],
    ['a signer under an intermediate CA', 'chain', 'Leaf signer'],
  ];
  it.each(accepted)('accepts %s, as openssl does', (_name, key, signer) => {
    const file = signatures[key]!;
    const verdict = theirs(file);
    expect(verdict.out).toContain('Verification successful');
    expect(verdict.ok).toBe(true);
    const check = ours(file);
    expect(check.reason).toBeUndefined();
    expect(check).toMatchObject({ ok: true, signer: { commonName: signer } });
    expect(check.signerFingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the PSS parameters openssl wrote', () => {
    expect(run(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', signatures.pss!])).toContain('rsassaPss');
  });

  it('refuses a signature without signed attributes when no time is given to judge the certificate at', () => {
    const check = verifyDetached({ content: CONTENT, signatureDer: readFileSync(signatures.noattr!), caCertPem: pem('root') });
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/no signingTime/) });
  });

  describe('refused by both', () => {
    const refused: Array<[string, (file: string) => { ours: SignatureCheck; theirs: ReturnType<typeof theirs> }, RegExp]> = [
      ['a CA with the same name but another key', (f) => ({ ours: ours(f, { ca: 'other' }), theirs: theirs(f, { ca: 'other' }) }), /not accepted under the given CA/],
      [
        'tampered content',
        (f) => {
          const changed = Buffer.from(CONTENT);
          changed[3] = (changed[3] ?? 0) ^ 1;
          writeFileSync(join(dir.path, 'changed.bin'), changed);
          return { ours: ours(f, { content: changed }), theirs: theirs(f, { content: 'changed.bin' }) };
        },
        /content does not match the signed message digest/,
      ],
      [
        'a tampered signature value',
        (f) => {
          const bad = readFileSync(f);
          bad[bad.length - 5] = (bad[bad.length - 5] ?? 0) ^ 1;
          const file = join(dir.path, `tampered-${bad.length}.p7s`);
          writeFileSync(file, bad);
          return { ours: ours(file), theirs: theirs(file) };
        },
        /signature value does not verify/,
      ],
      [
        'a check after the signer certificate expired',
        (f) => ({ ours: ours(f, { at: new Date('2036-06-01T00:00:00Z') }), theirs: theirs(f, { at: new Date('2036-06-01T00:00:00Z') }) }),
        /not yet valid or expired/,
      ],
    ];
    const shapes = ['ec', 'pss', 'chain'];
    for (const [name, attempt, reason] of refused) {
      it.each(shapes)(`${name} (%s)`, (key) => {
        const r = attempt(signatures[key]!);
        expect(r.theirs.ok).toBe(false);
        expect(r.ours.ok).toBe(false);
        expect(r.ours.reason).toMatch(reason);
      });
    }

    it('a signer certificate not valid yet or no longer valid at the time checked', () => {
      for (const at of [new Date('2026-02-01T00:00:00Z'), new Date('2027-06-01T00:00:00Z')]) {
        expect(theirs(signatures.short!, { at }).ok).toBe(false);
        expect(ours(signatures.short!, { at })).toMatchObject({ ok: false, reason: expect.stringMatching(/not yet valid or expired/) });
      }
      expect(theirs(signatures.short!).ok).toBe(true);
      expect(ours(signatures.short!).ok).toBe(true);
    });

    it('a chain whose intermediate is left out of the signature', () => {
      const file = sign('chain-without-intermediate', 'leaf');
      expect(theirs(file).ok).toBe(false);
      expect(ours(file)).toMatchObject({ ok: false, reason: expect.stringMatching(/not accepted under the given CA/) });
    });
  });
});
