import { describe, expect, it } from 'vitest';
import { hashPassword, sha256Hex, verifyPassword } from '../../../main/crypto';

describe('passwords', () => {
  // The cost (N=2^15, r=8, p=1) is what makes a guess slow; its time on this machine is measured by
  // `npm run bench -- crypto`, not here.
  it('round-trips, with scrypt and its cost parameters in the stored value', async () => {
    const stored = await hashPassword('执法记录仪2026');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('执法记录仪2026', stored)).toBe(true);
  });

  it('rejects wrong passwords', async () => {
    const stored = await hashPassword('correct horse');
    for (const wrong of ['', 'correct hors', 'correct horse ', 'Correct horse', '执法记录仪2026']) {
      expect(await verifyPassword(wrong, stored)).toBe(false);
    }
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('keeps working when the cost parameters change (they are stored with the hash)', async () => {
    const stored = await hashPassword('pw');
    const [, , r, p, salt, hash] = stored.split('$');
    // Same salt and hash but a different N must not verify: the parameters are part of the check.
    expect(await verifyPassword('pw', ['scrypt', 16384, r, p, salt, hash].join('$'))).toBe(false);
  });

  // Stored values from a damaged or tampered database row: false, never a throw or a huge allocation.
  it.each([
    ['empty', ''],
    ['wrong scheme', 'bcrypt$32768$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA=='],
    ['too few fields', 'scrypt$32768$8$1$c2FsdA=='],
    ['N not a power of two', 'scrypt$30000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['N too large', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['r zero', 'scrypt$32768$0$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['p negative', 'scrypt$32768$8$-1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['empty hash', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$'],
    ['non-numeric N', 'scrypt$abc$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
  ])('rejects a malformed stored value (%s)', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

describe('sha256Hex', () => {
  it('matches the standard test vectors for strings (UTF-8) and buffers', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
    expect(sha256Hex('李明')).toBe(sha256Hex(Buffer.from('李明', 'utf8')));
  });
});
