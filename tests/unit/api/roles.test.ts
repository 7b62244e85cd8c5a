import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, methodNames, type Client } from '../../../main/api';
import { ROLES, type Role } from '../../../main/common';
import { makeTestApi, setUpOffice, type TestApi } from '../../support/services';

/** Every role against every method: refused exactly where the contract does not list the role. */
describe('role checks at the API', () => {
  let t: TestApi;
  const byRole = new Map<Role, Client>();

  beforeAll(async () => {
    t = makeTestApi();
    const admin = await setUpOffice(t);
    for (const role of ROLES) {
      const login = `only-${role}`.replace('_', '-');
      await t.call(admin, 'users.create', { login, displayName: `测试${role}`, badgeNo: null, password: 'initial-pass', roles: [role] });
      const c = t.client(role);
      await t.call(c, 'session.login', { login, password: 'initial-pass' });
      await t.call(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'changed-pass' });
      byRole.set(role, c);
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  const restricted = methodNames.filter((m) => Array.isArray(methods[m].access));
  for (const method of restricted) {
    const allowed = methods[method].access as readonly Role[];
    for (const role of ROLES) {
      const shouldRefuse = !allowed.includes(role);
      it(`${method} ${shouldRefuse ? 'refuses' : 'admits'} ${role}`, async () => {
        const r = await t.raw(byRole.get(role)!, method, {});
        if (shouldRefuse) expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限执行此操作' } });
        else expect(r.ok || r.error.code !== 'FORBIDDEN').toBe(true);
      });
    }
  }

  it('refuses every non-public method without a session', async () => {
    const anon = t.client('anon');
    for (const method of methodNames.filter((m) => methods[m].access !== 'public')) {
      const r = await t.raw(anon, method, {});
      expect(r, method).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    }
  });

  it('audits refused calls', async () => {
    const admin = t.client('admin-audit');
    await t.call(admin, 'session.login', { login: 'admin', password: 'admin-pass-1' });
    const page = await t.call(admin, 'audit.list', { action: 'access.denied', limit: 500 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.entries.some((e) => e.actorLogin === 'only-officer' && e.target === 'users.list')).toBe(true);
  });
});
