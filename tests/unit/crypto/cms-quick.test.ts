// verifyDetachedQuick (the day seals' check) must give verifyDetached's verdict on every input: it passes our own
// signer's shape by node:crypto alone, and hands everything else, and every refusal, to PKI.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { signDetached, verifyDetached, verifyDetachedQuick, type Pem, type VerifyArgs } from '../../../main/crypto';
import { acceptedQuickly } from '../../../main/crypto/cms-quick';
import { makeOffice, USER_NAME, type Office } from './helpers';

const ISSUED = new Date('2026-01-05T08:00:00Z');
const SIGNED = new Date('2026-03-01T10:20:30Z');
const CONTENT = Buffer.from('{"day":"2026-03-01","firstSeq":1,"headSeq":42,"timeZone":"Asia/Shanghai"}\n', 'utf8');

const flipped = (buf: Buffer, index: number, bit: number): Buffer => {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] ?? 0) ^ bit;
  return copy;
};

describe('verifyDetachedQuick', () => {
  let office: Office;
  let rogue: Office;
  let signature: Buffer;
  const sign = (content: Buffer, o: Office, signingTime = SIGNED, chain: Pem[] = [o.caCertPem], certPem = o.userCertPem, key = o.userKeys.privateKeyPem) =>
    signDetached({ content, signer: { certPem, privateKeyPem: key }, chain, signingTime });
  const good = (): VerifyArgs => ({ content: CONTENT, signatureDer: signature, caCertPem: office.caCertPem });

  beforeAll(async () => {
    [office, rogue] = await Promise.all([makeOffice(ISSUED), makeOffice(ISSUED)]);
    signature = sign(CONTENT, office);
  });

  it('passes our own signature without PKI.js, reporting exactly what verifyDetached reports', () => {
    expect(acceptedQuickly(good())).toBe(true);
    const quick = verifyDetachedQuick(good());
    expect(quick).toEqual(verifyDetached(good()));
    expect(quick).toMatchObject({ ok: true, signer: USER_NAME, signingTime: SIGNED, signerSerialHex: '8a01' });
    expect(quick.signerFingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    // Also with only the signer carried, and with a time given to judge the certificates at.
    const bare = { ...good(), signatureDer: sign(CONTENT, office, SIGNED, []) };
    expect(acceptedQuickly(bare)).toBe(true);
    expect(verifyDetachedQuick({ ...good(), at: new Date('2026-06-01T00:00:00Z') }).ok).toBe(true);
  });

  const refused: Array<[string, () => VerifyArgs, RegExp]> = [
    ['one changed content byte', () => ({ ...good(), content: flipped(CONTENT, 10, 1) }), /digest/],
    ['empty content', () => ({ ...good(), content: Buffer.alloc(0) }), /digest/],
    ['a different CA with the same name', () => ({ ...good(), caCertPem: rogue.caCertPem }), /not accepted/],
    ['a signer not issued by the CA', () => ({ ...good(), signatureDer: sign(CONTENT, rogue) }), /not accepted/],
    ['garbage bytes', () => ({ ...good(), signatureDer: Buffer.from('this is not a signature at all') }), /DER/],
    ['trailing bytes', () => ({ ...good(), signatureDer: Buffer.concat([signature, Buffer.from([0, 0])]) }), /DER/],
    ['a flipped signature bit', () => ({ ...good(), signatureDer: flipped(signature, signature.length - 1, 1) }), /value/],
    ['a check time after the certificates expire', () => ({ ...good(), at: new Date('2060-01-01T00:00:00Z') }), /not accepted under the given CA at 2060/],
    ['a signing time before the signer certificate', () => ({ ...good(), signatureDer: sign(CONTENT, office, new Date('2025-12-31T00:00:00Z')) }), /not accepted|expired/],
    [
      'a signature made with the CA certificate itself',
      () => ({ ...good(), signatureDer: sign(CONTENT, office, SIGNED, [], office.caCertPem, office.caKeys.privateKeyPem) }),
      /key usage|CA certificate/,
    ],
    [
      'a signature that carries a certificate from elsewhere',
      () => ({ ...good(), signatureDer: sign(CONTENT, office, SIGNED, [office.caCertPem, rogue.userCertPem]) }),
      /not on the signer's chain to the CA/,
    ],
  ];
  it.each(refused)('refuses %s with PKI.js’s reason', (_name, input, reason) => {
    const args = input();
    expect(acceptedQuickly(args)).toBe(false);
    const quick = verifyDetachedQuick(args);
    expect(quick.ok).toBe(false);
    expect(quick.reason).toMatch(reason);
    expect(quick).toEqual(verifyDetached(args));
  });

  // Nothing in the file may change and still pass the quick path: every byte, two bits each (PKI.js's own
  // test can afford only every fifth byte).
  it('never passes a signature with any byte changed', () => {
    const passed: string[] = [];
    for (let index = 0; index < signature.length; index++) {
      for (const bit of [0x01, 0x80]) {
        if (acceptedQuickly({ ...good(), signatureDer: flipped(signature, index, bit) })) passed.push(`${index}^${bit}`);
      }
    }
    expect(passed).toEqual([]);
  });
});
