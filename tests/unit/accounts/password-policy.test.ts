import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireStrongPassword } from '../../../main/accounts';
import type { Client } from '../../../main/api';
import { passwordProblem } from '../../../main/common';
import { makeOfficeApi, makeTestApi, OFFICE_SETUP, type TestApi } from '../../support/services';

describe('the password rule: at least 10 characters, not all digits', () => {
  it('judges lengths in characters and refuses all digits', () => {
    expect(passwordProblem('abcdefghi')).toBe('密码至少 10 位');
    expect(passwordProblem('执法记录仪执法记录仪2')).toBeNull();
    expect(passwordProblem('执法记录仪2026')).toBe('密码至少 10 位');
    expect(passwordProblem('1234567890')).toBe('密码不能全是数字');
    expect(passwordProblem('123456789a')).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toBe('密码过长');
    expect(() => requireStrongPassword('12345678901')).toThrow(expect.objectContaining({ code: 'WEAK_PASSWORD', userMessage: expect.stringContaining('密码不能全是数字') as unknown }));
    expect(() => requireStrongPassword('good-pass-1')).not.toThrow();
  });

  describe('through the API', () => {
    let t: TestApi;
    let admin: Client;
    beforeEach(async () => ({ t, admin } = await makeOfficeApi()), 60_000);
    afterEach(() => t.cleanup());

    const refused = (message: string) => ({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) as unknown } });

    it('refuses a weak password at user creation, reset and change, and accepts a good one', async () => {
      const base = { login: 'zhang', displayName: '张三', badgeNo: null, roles: ['officer'] };
      expect(await t.raw(admin, 'users.create', { ...base, password: 'short-pw' })).toMatchObject(refused('密码至少 10 位'));
      expect(await t.raw(admin, 'users.create', { ...base, password: '0123456789' })).toMatchObject(refused('密码不能全是数字'));
      const u = await t.call(admin, 'users.create', { ...base, password: 'initial-pass' });
      expect(await t.raw(admin, 'users.resetPassword', { id: u.id, newPassword: '20261127' })).toMatchObject(refused('密码至少 10 位'));
      expect(await t.raw(admin, 'users.resetPassword', { id: u.id, newPassword: '2026112701' })).toMatchObject(refused('密码不能全是数字'));
      const c = t.client('zhang');
      await t.call(c, 'session.login', { login: 'zhang', password: 'initial-pass' });
      expect(await t.raw(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: '9876543210' })).toMatchObject(refused('密码不能全是数字'));
      expect(await t.raw(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'new-pass' })).toMatchObject(refused('密码至少 10 位'));
      expect((await t.raw(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'zhang-pass-2026' })).ok).toBe(true);
    });
  });

  it('refuses a weak password at setup', async () => {
    const t = makeTestApi();
    try {
      const c = t.client('setup');
      const weak = { ...OFFICE_SETUP, admin: { ...OFFICE_SETUP.admin, password: '1234567890' } };
      expect(await t.raw(c, 'setup.initialize', weak)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('密码不能全是数字') as unknown } });
      const short = { ...OFFICE_SETUP, chief: { ...OFFICE_SETUP.chief, password: 'chief-1' } };
      expect(await t.raw(c, 'setup.initialize', short)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('密码至少 10 位') as unknown } });
    } finally {
      t.cleanup();
    }
  });
});
