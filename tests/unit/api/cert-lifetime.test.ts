// Issue 10 item 14 (certificates): a sensible lifetime, counted from the injected clock, and renewed before
// it ends so that nobody's signing stops on the day five years after setup.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { certificateInfo, type Pem } from '../../../main/crypto';
import { makeOfficeApi, type TestApi } from '../../support/services';

const SETUP = new Date('2026-11-20T02:00:00Z');
const years = (n: number, from = SETUP) => {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d;
};
const DAY = 24 * 3600_000;

describe('certificate lifetimes', () => {
  let t: TestApi;
  let admin: Client;
  beforeAll(async () => ({ t, admin } = await makeOfficeApi(SETUP)), 60_000);
  afterAll(() => t.cleanup());

  const db = () => t.services.archive.open().db;
  const certOf = (login: string) => (db().prepare('SELECT cert_pem FROM users WHERE login = ?').get(login) as { cert_pem: Pem }).cert_pem;
  const spki = (pem: string) => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'pem' });

  it('setup issues the office CA for 20 years and each person for 5, from the injected clock', async () => {
    const ca = certificateInfo(t.services.archive.office().caCertPem as Pem);
    expect([ca.notBefore, ca.notAfter]).toEqual([SETUP, years(20)]);
    expect([certificateInfo(certOf('chief')).notBefore, certificateInfo(certOf('chief')).notAfter]).toEqual([SETUP, years(5)]);
    t.clock.advance(3 * DAY + 1234);
    await t.call(admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    await t.call(admin, 'users.create', { login: 'lisi', displayName: '李四', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    const issued = new Date(SETUP.getTime() + 3 * DAY + 1000); // certificates carry whole seconds
    expect(certificateInfo(certOf('lisi')).notBefore).toEqual(issued);
    expect(certificateInfo(certOf('lisi')).notAfter).toEqual(years(5, issued));
  });

  it('an admin login in the last 180 days renews every active certificate: same key, new serial, five more years', async () => {
    const before = { chief: certOf('chief'), admin: certOf('admin'), lisi: certOf('lisi') };
    const lisi = (await t.call(admin, 'users.list')).find((u) => u.login === 'lisi')!;
    await t.call(admin, 'users.update', { id: lisi.id, disabled: true });

    t.clock.current = new Date(years(5).getTime() - 181 * DAY);
    await t.call(admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    expect(certOf('chief')).toBe(before.chief); // not yet

    t.clock.current = new Date(years(5).getTime() - 100 * DAY);
    const at = t.clock.now();
    await t.call(admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    for (const login of ['chief', 'admin'] as const) {
      const now = certOf(login);
      expect(now, login).not.toBe(before[login]);
      expect(spki(now), login).toBe(spki(before[login]));
      expect(certificateInfo(now).notAfter, login).toEqual(years(5, at));
    }
    expect(certOf('lisi'), 'a disabled account is not renewed').toBe(before.lisi);
    const renewed = (await t.call(admin, 'audit.list', { action: 'user.cert_renewed' })).entries.map((e) => e.details.login).sort();
    expect(renewed).toEqual(['admin', 'chief']);
    // Renewed, not revoked: what the old certificate signed stays valid, and it still ends on its own date.
    expect(db().prepare('SELECT COUNT(*) AS n FROM cert_revocations').get()).toEqual({ n: 1 }); // lisi's, at disabling
  });

  it('after the first certificate has ended, the chief still logs in and seals, and the audit chain verifies', async () => {
    t.clock.current = new Date(years(5).getTime() + 10 * DAY);
    const chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    const report = await t.call(chief, 'audit.verify');
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
