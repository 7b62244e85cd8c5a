// Issue 10 items 3, 4 and 12: guessing passwords. Every way in (the window, the browser host, the CLI) goes
// through `session.login` or `session.changePassword`, so the attacks run through dispatch, as they would arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, dispatch, type ApiResult, type Client } from '../../../main/api';
import { silentLogger } from '../../../main/log';
import { makeOfficeApi, TEST_COSTS, type TestApi } from '../../support/services';
import { runInProcess } from '../cli/run-cli';

const left = (n: number) => `AUTH_FAILED 用户名或密码错误（还可尝试 ${n} 次）`;
const LOCKS_NOW = 'AUTH_LOCKED 密码连续错误 5 次，账户已锁定 15 分钟';
// The test clock is 2026-11-20 02:00Z: locked for 15 minutes, told in the office's zone (Asia/Shanghai).
const LOCKED = 'AUTH_LOCKED 密码错误次数过多，账户已锁定，请于 10:15 后再试';
const answer = (r: ApiResult<unknown>) => (r.ok ? 'ok' : `${r.error.code} ${r.error.message}`);

describe('password guessing', () => {
  let t: TestApi;
  let admin: Client;
  beforeEach(async () => ({ t, admin } = await makeOfficeApi()), 60_000);
  afterEach(() => t.cleanup());

  const failures = (action: string) =>
    (t.services.archive.open().db.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { details: string }[]).map(
      (r) => JSON.parse(r.details) as Record<string, unknown>,
    );
  const lockedUntil = (login: string) =>
    (t.services.archive.open().db.prepare('SELECT locked_until FROM users WHERE login = ?').get(login) as { locked_until: string | null }).locked_until;

  describe('item 3: the lock-out cannot be raced', () => {
    it('30 wrong passwords at once: exactly the first 5 are counted (4, 3, 2, 1 left, then locked), the other 25 are refused as locked', async () => {
      const clients = Array.from({ length: 30 }, (_, i) => t.client(`attacker-${i}`));
      const results = await Promise.all(clients.map((c) => t.raw(c, 'session.login', { login: 'chief', password: 'wrong-pass' })));
      expect(results.map(answer)).toEqual([left(4), left(3), left(2), left(1), LOCKS_NOW, ...Array<string>(25).fill(LOCKED)]);
      expect(lockedUntil('chief')).toBe('2026-11-20T02:15:00.000Z');
      // The 25 refused unchecked are audited at once; the 5 checked ones after their scrypt, in any order.
      const audited = failures('session.login_failed');
      expect(audited.filter((d) => d.reason === 'locked')).toHaveLength(25);
      expect(audited.filter((d) => d.reason === 'wrong_password').map((d) => d.failures).sort()).toEqual([1, 2, 3, 4, 5]);
      // Locked: the right password is refused too, until the 15 minutes are over.
      expect(answer(await t.raw(t.client('owner'), 'session.login', { login: 'chief', password: 'chief-pass-1' }))).toBe(LOCKED);
      t.clock.advance(15 * 60_000);
      expect((await t.raw(t.client('owner'), 'session.login', { login: 'chief', password: 'chief-pass-1' })).ok).toBe(true);
    });

    it('a right password among concurrent wrong ones past the 5th is refused like them, unchecked', async () => {
      const tries = [...Array<string>(5).fill('wrong-pass'), 'chief-pass-1', 'wrong-pass'];
      const results = await Promise.all(tries.map((password, i) => t.raw(t.client(`c${i}`), 'session.login', { login: 'chief', password })));
      expect(results.map(answer)).toEqual([left(4), left(3), left(2), left(1), LOCKS_NOW, LOCKED, LOCKED]);
    });

    it('two connections to one archive (the window and a CLI run) share one count', async () => {
      const other = createServices({ archiveRoot: t.root, host: { kind: 'cli' }, log: silentLogger, clock: t.clock, costs: TEST_COSTS });
      try {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            i % 2 === 0
              ? t.raw(t.client(`w${i}`), 'session.login', { login: 'chief', password: 'wrong-pass' })
              : dispatch(other, { id: `cli${i}`, sessionId: null }, 'session.login', { login: 'chief', password: 'wrong-pass' }),
          ),
        );
        expect(results.map(answer)).toEqual([left(4), left(3), left(2), left(1), LOCKS_NOW, LOCKED, LOCKED, LOCKED]);
      } finally {
        other.archive.close();
      }
    });

    it('the CLI counts toward the same lock-out and tells it', async () => {
      for (const n of [4, 3, 2]) expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(n));
      const cli = (password: string) =>
        runInProcess(['verify', '--archive', t.root, '--user', 'chief'], { clock: t.clock, vars: { EVIDENCE_PASSWORD: password } });
      expect((await cli('wrong-pass')).stderr).toContain('还可尝试 1 次');
      expect((await cli('wrong-pass')).stderr).toContain('账户已锁定 15 分钟');
      const right = await cli('chief-pass-1');
      expect(right.code).toBe(2);
      expect(right.stderr).toContain('账户已锁定，请于 10:15 后再试');
    });

    it('a success clears the count; failures before it do not add up with failures after it', async () => {
      for (const n of [4, 3, 2, 1]) expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(n));
      expect((await t.raw(t.client('owner'), 'session.login', { login: 'chief', password: 'chief-pass-1' })).ok).toBe(true);
      expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(4));
    });

    it('after a lock-out has run out, counting starts again from 5', async () => {
      for (let i = 0; i < 5; i++) await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' });
      t.clock.advance(16 * 60_000);
      expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(4));
    });
  });

  describe('item 4: guessing the old password through a session', () => {
    const changeOld = (c: Client, oldPassword: string) => t.raw(c, 'session.changePassword', { oldPassword, newPassword: 'next-pass-1' });

    it('counts toward the same lock-out; at the limit the account locks and the guessing session ends', async () => {
      const chief = t.client('chief');
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      const wrong = '原密码不正确';
      for (const n of [4, 3, 2, 1]) expect(answer(await changeOld(chief, 'guess-pass'))).toBe(`AUTH_FAILED ${wrong}（还可尝试 ${n} 次）`);
      expect(answer(await changeOld(chief, 'guess-pass'))).toBe('AUTH_LOCKED 原密码连续错误 5 次，账户已锁定 15 分钟，已退出登录');
      expect(await t.raw(chief, 'session.current')).toEqual({ ok: true, value: null });
      expect(answer(await changeOld(chief, 'chief-pass-1'))).toBe('NOT_LOGGED_IN 请先登录');
      expect(answer(await t.raw(t.client('again'), 'session.login', { login: 'chief', password: 'chief-pass-1' }))).toBe(LOCKED);
      const audited = failures('session.password_change_failed');
      expect(audited.map((d) => d.failures)).toEqual([1, 2, 3, 4, 5]);
      expect(audited[4]).toMatchObject({ reason: 'wrong_old_password', lockedUntil: '2026-11-20T02:15:00.000Z', sessionEnded: true });
    });

    it('wrong logins and wrong old passwords add up', async () => {
      const chief = t.client('chief');
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      for (const n of [4, 3, 2]) expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(n));
      expect(answer(await changeOld(chief, 'guess-pass'))).toBe('AUTH_FAILED 原密码不正确（还可尝试 1 次）');
      expect(answer(await changeOld(chief, 'guess-pass'))).toMatch(/^AUTH_LOCKED /);
    });

    it('10 guesses at once through one session: exactly 5 are counted', async () => {
      const chief = t.client('chief');
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      const results = (await Promise.all(Array.from({ length: 10 }, () => changeOld(chief, 'guess-pass')))).map(answer);
      // The 6th is refused unchecked and ends the session, so the 7th to 10th find no session at all.
      expect(results.slice(5)).toEqual([expect.stringMatching(/^AUTH_LOCKED .*已退出登录$/), ...Array<string>(4).fill('NOT_LOGGED_IN 请先登录')]);
      expect(results.slice(0, 5).filter((a) => a.startsWith('AUTH_FAILED'))).toHaveLength(4);
      const audited = failures('session.password_change_failed');
      expect(audited.filter((d) => d.reason === 'wrong_old_password').map((d) => d.failures).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(lockedUntil('chief')).not.toBeNull();
      expect(await t.raw(chief, 'session.current')).toEqual({ ok: true, value: null });
    });

    it('a locked account cannot change its password through a session it still has', async () => {
      const chief = t.client('chief');
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      for (let i = 0; i < 5; i++) await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' });
      expect(answer(await changeOld(chief, 'chief-pass-1'))).toMatch(/^AUTH_LOCKED /);
      expect(await t.raw(chief, 'session.current')).toEqual({ ok: true, value: null });
    });

    it('the right old password clears the count', async () => {
      const chief = t.client('chief');
      await t.call(chief, 'session.login', { login: 'chief', password: 'chief-pass-1' });
      for (let i = 0; i < 4; i++) await changeOld(chief, 'guess-pass');
      await t.call(chief, 'session.changePassword', { oldPassword: 'chief-pass-1', newPassword: 'next-pass-1' });
      expect(answer(await t.raw(t.client(), 'session.login', { login: 'chief', password: 'wrong-pass' }))).toBe(left(4));
    });
  });

  describe('item 12: an unknown login looks like a wrong password', () => {
    // Each row: who is tried with a wrong password six times; all must read exactly like the first row.
    const targets: [string, string][] = [
      ['an active account', 'chief'],
      ['a login nobody has', 'nobody'],
      ['a login nobody has, in other letter case', 'NoBody2'],
      ['a disabled account', 'lisi'],
    ];

    it.each(targets)('%s: six wrong passwords get the answers an active account gets', async (_what, login) => {
      const u = await t.call(admin, 'users.create', { login: 'lisi', displayName: '李四', badgeNo: null, password: 'lisi-pass-1', roles: ['officer'] });
      await t.call(admin, 'users.update', { id: u.id, disabled: true });
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) answers.push(answer(await t.raw(t.client(), 'session.login', { login, password: 'wrong-pass' })));
      expect(answers).toEqual([left(4), left(3), left(2), left(1), LOCKS_NOW, LOCKED]);
    });

    it('only the right password of a disabled account is told that it is disabled', async () => {
      const u = await t.call(admin, 'users.create', { login: 'lisi', displayName: '李四', badgeNo: null, password: 'lisi-pass-1', roles: ['officer'] });
      await t.call(admin, 'users.update', { id: u.id, disabled: true });
      expect(answer(await t.raw(t.client(), 'session.login', { login: 'lisi', password: 'lisi-pass-1' }))).toBe('AUTH_DISABLED 该账户已停用，请联系管理员');
    });
  });
});
