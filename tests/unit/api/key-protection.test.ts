// Issue 10 item 6: private keys were protected by 2048 PBKDF2 iterations. This file runs the real count
// (600 000), through the real setup, login and password change; the rest of the suite uses a small one.
import { spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { asPem, privateKeyIterations, REAL_SECRET_COSTS } from '../../../main/crypto';
import { makeTestApi, setUpOffice, tempDir, type TestApi } from '../../support/services';

interface KeyRow {
  private_key_enc: string;
  cert_pem: string;
}

describe('private keys at the real PBKDF2 count', () => {
  let t: TestApi;
  let admin: Client;
  beforeAll(async () => {
    t = makeTestApi({ costs: REAL_SECRET_COSTS });
    admin = await setUpOffice(t, { fresh: true });
  }, 120_000);
  afterAll(() => t.cleanup());

  const db = () => t.services.archive.open().db;
  const row = (login: string) => db().prepare('SELECT private_key_enc, cert_pem FROM users WHERE login = ?').get(login) as KeyRow;
  const rewraps = () => db().prepare("SELECT seq, at, target, details FROM audit_log WHERE action = 'key.rewrapped' ORDER BY seq").all() as { seq: number; at: string; target: string; details: string }[];

  /** What `openssl pkey -passin` makes of a stored key: its public key must be the certificate's. */
  const opensslUnlock = (stored: KeyRow, password: string) => {
    const dir = tempDir('ew-key-');
    const file = path.join(dir, 'key.pem');
    writeFileSync(file, stored.private_key_enc);
    const r = spawnSync('openssl', ['pkey', '-in', file, '-passin', `pass:${password}`, '-pubout'], { encoding: 'utf8' });
    return { status: r.status, matchesCert: r.stdout === new X509Certificate(stored.cert_pem).publicKey.export({ type: 'spki', format: 'pem' }) };
  };

  it('setup and users.create store keys with 600 000 iterations that openssl unlocks with the password', async () => {
    await t.call(admin, 'users.create', { login: 'zhangsan', displayName: '张三', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    for (const [login, password] of [
      ['admin', 'admin-pass-1'],
      ['chief', 'chief-pass-1'],
      ['zhangsan', 'initial-pass'],
    ] as const) {
      expect(privateKeyIterations(asPem(row(login).private_key_enc)), login).toBe(600_000);
      expect(opensslUnlock(row(login), password), login).toEqual({ status: 0, matchesCert: true });
    }
  });

  it('a key stored the old way (2048 iterations) still logs in, and is re-wrapped in the login transaction', async () => {
    const before = row('chief');
    const plain = createPrivateKey({ key: before.private_key_enc, passphrase: 'chief-pass-1' });
    // What the program wrote before issue 10: KeyObject.export's PBES2, always 2048 iterations.
    const old = plain.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'chief-pass-1' }) as string;
    expect(privateKeyIterations(asPem(old))).toBe(2048);
    db().prepare('UPDATE users SET private_key_enc = ? WHERE login = ?').run(old, 'chief');

    await t.call(t.client('chief'), 'session.login', { login: 'chief', password: 'chief-pass-1' });
    const after = row('chief');
    expect(privateKeyIterations(asPem(after.private_key_enc))).toBe(600_000);
    expect(createPrivateKey({ key: after.private_key_enc, passphrase: 'chief-pass-1' }).export({ type: 'pkcs8', format: 'pem' })).toBe(
      plain.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(opensslUnlock(after, 'chief-pass-1')).toEqual({ status: 0, matchesCert: true });

    const [rewrap, ...more] = rewraps();
    expect(more).toEqual([]);
    expect(rewrap).toMatchObject({ target: `user:${(db().prepare("SELECT id FROM users WHERE login = 'chief'").get() as { id: number }).id}` });
    expect(JSON.parse(rewrap!.details)).toEqual({ fromIterations: 2048, toIterations: 600_000 });
    // Written with the login's own entry, in its transaction: the row just before it, at the same instant.
    const login = db().prepare('SELECT action, at FROM audit_log WHERE seq = ?').get(rewrap!.seq - 1);
    expect(login).toEqual({ action: 'session.login', at: rewrap!.at });

    // Once is enough.
    await t.call(t.client('chief2'), 'session.login', { login: 'chief', password: 'chief-pass-1' });
    expect(rewraps()).toHaveLength(1);
  });

  it('a password change writes the key with 600 000 iterations under the new password', async () => {
    const c = t.client('zs');
    await t.call(c, 'session.login', { login: 'zhangsan', password: 'initial-pass' });
    await t.call(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'next-pass-1' });
    expect(privateKeyIterations(asPem(row('zhangsan').private_key_enc))).toBe(600_000);
    expect(opensslUnlock(row('zhangsan'), 'next-pass-1')).toEqual({ status: 0, matchesCert: true });
  });
});
