import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeOfficeApi, type TestApi } from '../../support/services';

describe('login, lock-out, idle logout and passwords', () => {
  let t: TestApi;
  let admin: Client;
  beforeEach(async () => ({ t, admin } = await makeOfficeApi()), 60_000);
  afterEach(() => t.cleanup());

  it('setup logs the admin in with admin and custodian roles, and the chief can log in', async () => {
    const me = await t.call(admin, 'session.current');
    expect(me).toMatchObject({ login: 'admin', roles: ['admin', 'custodian'] });
    expect(me?.sections).toContain('settings');
    const chief = t.client('chief');
    const info = await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    expect(info.roles).toEqual(['chief']);
    expect(info.sections).toContain('audit');
    expect(info.sections).not.toContain('settings');
  });

  it('a wrong password is refused and audited', async () => {
    const c = t.client('x');
    // The same answer whether the login exists or not (issue 10 item 12; more in login-attacks.test.ts).
    const answer = { ok: false, error: { code: 'AUTH_FAILED', message: '用户名或密码错误（还可尝试 4 次）' } };
    expect(await t.raw(c, 'session.login', { login: 'chief', password: 'nope-nope' })).toEqual(answer);
    expect(await t.raw(c, 'session.login', { login: 'nobody', password: 'nope-nope' })).toEqual(answer);
    const page = await t.call(admin, 'audit.list', { action: 'session.login_failed' });
    expect(page.entries.map((e) => e.details.reason).sort()).toEqual(['unknown_user', 'wrong_password']);
  });

  it('locks the account after 5 failures for 15 minutes, even against the right password', async () => {
    const c = t.client('x');
    for (let i = 0; i < 4; i++) expect((await t.raw(c, 'session.login', { login: 'chief', password: 'wrong-pass' })).ok).toBe(false);
    expect(await t.raw(c, 'session.login', { login: 'chief', password: 'wrong-pass' })).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED' } });
    // Locked at 02:00Z for 15 minutes: the message tells the office's time (Asia/Shanghai), whatever the machine's zone.
    expect(await t.raw(c, 'session.login', { login: 'chief', password: 'chief-pass-1' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_LOCKED', message: '密码错误次数过多，账户已锁定，请于 10:15 后再试' },
    });
    t.clock.advance(14 * 60_000);
    expect(await t.raw(c, 'session.login', { login: 'chief', password: 'chief-pass-1' })).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED' } });
    t.clock.advance(2 * 60_000);
    expect((await t.raw(c, 'session.login', { login: 'chief', password: 'chief-pass-1' })).ok).toBe(true);
  });

  it('logs out after the idle time, and activity keeps the session alive', async () => {
    t.clock.advance(29 * 60_000);
    expect((await t.raw(admin, 'users.list')).ok).toBe(true);
    t.clock.advance(29 * 60_000);
    expect((await t.raw(admin, 'users.list')).ok).toBe(true);
    t.clock.advance(31 * 60_000);
    expect(await t.raw(admin, 'users.list')).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await t.raw(admin, 'users.list')).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('honours a configured idle time', async () => {
    await t.call(admin, 'office.update', { idleMinutes: 5 });
    t.clock.advance(6 * 60_000);
    expect(await t.raw(admin, 'office.get')).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('a new user must change the initial password; the key is re-encrypted, not replaced', async () => {
    const created = await t.call(admin, 'users.create', { login: 'zhangsan', displayName: '张三', badgeNo: '0123', password: 'initial-pass', roles: ['officer'] });
    expect(created.mustChangePassword).toBe(true);
    const db = t.services.archive.open().db;
    const certBefore = (db.prepare('SELECT cert_pem FROM users WHERE login = ?').get('zhangsan') as { cert_pem: string }).cert_pem;
    const c = t.client('zs');
    await t.call(c, 'session.login', { login: 'zhangsan', password: 'initial-pass' });
    expect(await t.raw(c, 'office.get')).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await t.raw(c, 'session.changePassword', { oldPassword: 'bad-old-pass', newPassword: 'next-pass-1' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await t.call(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'next-pass-1' });
    expect((await t.raw(c, 'office.get')).ok).toBe(true);
    await t.call(c, 'session.logout');
    expect((await t.raw(c, 'session.login', { login: 'zhangsan', password: 'initial-pass' })).ok).toBe(false);
    expect((await t.raw(c, 'session.login', { login: 'zhangsan', password: 'next-pass-1' })).ok).toBe(true);
    const certAfter = (db.prepare('SELECT cert_pem FROM users WHERE login = ?').get('zhangsan') as { cert_pem: string }).cert_pem;
    expect(certAfter).toBe(certBefore);
  });

  it('disabling a user ends their session and refuses their login; they are never deleted', async () => {
    const u = await t.call(admin, 'users.create', { login: 'lisi', displayName: '李四', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    const c = t.client('ls');
    await t.call(c, 'session.login', { login: 'lisi', password: 'initial-pass' });
    await t.call(admin, 'users.update', { id: u.id, disabled: true });
    expect(await t.raw(c, 'session.current')).toEqual({ ok: true, value: null });
    expect(await t.raw(c, 'session.login', { login: 'lisi', password: 'initial-pass' })).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });
    expect((await t.call(admin, 'users.list')).find((x) => x.login === 'lisi')?.disabled).toBe(true);
  });

  it('reset password issues a new certificate and keeps the old one on record', async () => {
    const u = await t.call(admin, 'users.create', { login: 'wangwu', displayName: '王五', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    await t.call(admin, 'users.resetPassword', { id: u.id, newPassword: 'reset-pass-1' });
    const db = t.services.archive.open().db;
    expect((db.prepare('SELECT COUNT(*) AS n FROM user_certificates WHERE user_id = ?').get(u.id) as { n: number }).n).toBe(2);
    expect((await t.raw(t.client('w'), 'session.login', { login: 'wangwu', password: 'reset-pass-1' })).ok).toBe(true);
  });

  it('a second admin created by the first can issue certificates', async () => {
    await t.call(admin, 'users.create', { login: 'admin2', displayName: '赵管理', badgeNo: null, password: 'initial-pass', roles: ['admin'] });
    const c = t.client('a2');
    await t.call(c, 'session.login', { login: 'admin2', password: 'initial-pass' });
    await t.call(c, 'session.changePassword', { oldPassword: 'initial-pass', newPassword: 'admin2-pass' });
    const made = await t.call(c, 'users.create', { login: 'zhaoliu', displayName: '赵六', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    expect(made.login).toBe('zhaoliu');
  });

  it('every change is in the audit chain, which verifies, and past days get sealed at login', async () => {
    await t.call(admin, 'users.create', { login: 'sunqi', displayName: '孙七', badgeNo: null, password: 'initial-pass', roles: ['officer'] });
    t.clock.advance(26 * 3600_000);
    const chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    const report = await t.call(chief, 'audit.verify');
    expect(report.ok).toBe(true);
    expect(report.sealedDays).toBe(1);
    const actions = (await t.call(chief, 'audit.list', { limit: 500 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['office.setup', 'session.login', 'user.create', 'audit.verify']));
  });

  it('a rewritten sealed day is caught by its seal', async () => {
    t.clock.advance(26 * 3600_000);
    const chief = t.client('chief');
    await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
    const db = t.services.archive.open().db;
    // Rewrite row 1 and recompute nothing: the seal over the old head still names the old hash.
    // The insider drops the trigger that keeps seals unchanged first; he owns the file.
    db.exec('DROP TRIGGER audit_seals_never_changed');
    db.prepare("UPDATE audit_seals SET head_hash = 'ab' || substr(head_hash, 3)").run();
    const report = await t.call(chief, 'audit.verify');
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['seal_missing_row', 'seal_invalid']));
  });
});
