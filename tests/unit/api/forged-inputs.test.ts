import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeOfficeApi, type TestApi } from '../../support/services';

/** Forged or malformed requests, each refused with a clean Chinese error and no internals. */
describe('forged and malformed input', () => {
  let t: TestApi;
  let admin: Client;
  beforeAll(async () => ({ t, admin } = await makeOfficeApi()), 60_000);
  afterAll(() => t.cleanup());

  const cases: [string, unknown, unknown, string][] = [
    ['unknown method', 'users.dropAll', {}, 'UNKNOWN_METHOD'],
    ['prototype key as method', '__proto__', {}, 'UNKNOWN_METHOD'],
    ['constructor as method', 'constructor', {}, 'UNKNOWN_METHOD'],
    ['method name not a string', 42, {}, 'UNKNOWN_METHOD'],
    ['extra field smuggled in', 'users.create', { login: 'x1', displayName: 'x', badgeNo: null, password: 'password-12', roles: ['officer'], isAdmin: true }, 'INVALID_INPUT'],
    ['unknown role', 'users.create', { login: 'x2', displayName: 'x', badgeNo: null, password: 'password-12', roles: ['root'] }, 'INVALID_INPUT'],
    ['no roles', 'users.create', { login: 'x3', displayName: 'x', badgeNo: null, password: 'password-12', roles: [] }, 'INVALID_INPUT'],
    ['short password', 'users.create', { login: 'x4', displayName: 'x', badgeNo: null, password: 'short', roles: ['officer'] }, 'INVALID_INPUT'],
    ['login with path characters', 'users.create', { login: '../etc', displayName: 'x', badgeNo: null, password: 'password-12', roles: ['officer'] }, 'INVALID_INPUT'],
    ['input is an array', 'users.list', [1, 2], 'INVALID_INPUT'],
    ['input is a string', 'audit.list', 'SELECT *', 'INVALID_INPUT'],
    ['id is a string', 'users.update', { id: '1 OR 1=1' }, 'INVALID_INPUT'],
    ['negative id', 'users.update', { id: -1 }, 'INVALID_INPUT'],
    ['huge limit', 'audit.list', { limit: 1e9 }, 'INVALID_INPUT'],
    ['setup twice', 'setup.initialize', { officeName: 'x', unitName: 'y', timeZone: 'Asia/Shanghai', admin: { login: 'evil', displayName: 'e', password: 'password-12' } }, 'ALREADY_SET_UP'],
    ['bad time zone', 'office.update', { timeZone: 'Mars/Olympus' }, 'INVALID_INPUT'],
    ['unknown user', 'users.update', { id: 9999, displayName: 'x' }, 'NOT_FOUND'],
  ];

  for (const [name, method, input, code] of cases) {
    it(name, async () => {
      const r = await t.raw(admin, method, input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.message).not.toMatch(/at .*\.ts|Error:|SQLITE/);
    });
  }

  it('keeps the last admin: cannot disable or demote them', async () => {
    const users = await t.call(admin, 'users.list');
    const me = users.find((u) => u.login === 'admin')!;
    expect((await t.raw(admin, 'users.update', { id: me.id, disabled: true })).ok).toBe(false);
    expect(await t.raw(admin, 'users.update', { id: me.id, roles: ['custodian'] })).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
  });

  it('a duplicate login is refused and nothing half-written remains', async () => {
    const before = (await t.call(admin, 'users.list')).length;
    const r = await t.raw(admin, 'users.create', { login: 'CHIEF', displayName: 'x', badgeNo: null, password: 'password-12', roles: ['officer'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'LOGIN_TAKEN' } });
    expect((await t.call(admin, 'users.list')).length).toBe(before);
  });
});
