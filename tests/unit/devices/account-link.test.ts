import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../main/api';
import { makeTestApi, setUpOffice, type TestApi } from '../../support/services';

// Issue 11 item 1: a person is one thing. An account with a badge is the officer with that badge.
describe('accounts and officers are one person', () => {
  let t: TestApi;
  let admin: Client;
  beforeEach(async () => {
    t = makeTestApi();
    admin = await setUpOffice(t); // admin is also the custodian
  }, 60_000);
  afterEach(() => t.cleanup());

  const user = (login: string, displayName: string, badgeNo: string | null, extra: Record<string, unknown> = {}) => ({
    login,
    displayName,
    badgeNo,
    password: 'initial-pass',
    roles: ['officer'],
    ...extra,
  });
  const officers = () => t.call(admin, 'officers.list');

  it('links an account to the officer ingest registered with the same badge', async () => {
    const o = await t.call(admin, 'officers.create', { name: '张三', badgeNo: '012345' });
    const u = await t.call(admin, 'users.create', user('zhangsan', '张三', '012345'));
    expect(u.officerId).toBe(o.id);
    expect((await officers()).find((x) => x.id === o.id)?.userId).toBe(u.id);
    const entry = (await t.call(admin, 'audit.list', { action: 'user.create', limit: 1 })).entries[0]!;
    expect(entry.details).toMatchObject({ officer: { id: o.id, badgeNo: '012345', created: false } });
  });

  it('creates the officer when none has the badge, and an officer created later links to the account', async () => {
    const u = await t.call(admin, 'users.create', user('lisi', '李四', '020202'));
    const made = (await officers()).find((x) => x.badgeNo === '020202');
    expect(made).toMatchObject({ name: '李四', userId: u.id, active: true });
    expect(u.officerId).toBe(made!.id);

    // An account from before the link (badge set, no officer): the officer registered later is linked to it.
    const legacy = await t.call(admin, 'users.create', user('zhaoliu', '赵六', null));
    t.services.archive.open().db.prepare("UPDATE users SET badge_no = '070707' WHERE id = ?").run(legacy.id);
    expect(await t.call(admin, 'officers.create', { name: '赵六', badgeNo: '070707' })).toMatchObject({ userId: legacy.id });

    const w = await t.call(admin, 'users.create', user('wangwu', '王五', null));
    expect(w.officerId).toBeNull();
    await t.call(admin, 'users.update', { id: w.id, badgeNo: '030303' });
    expect((await officers()).find((x) => x.badgeNo === '030303')?.userId).toBe(w.id);
  });

  it('refuses a badge another account holds, in Chinese', async () => {
    await t.call(admin, 'users.create', user('zhangsan', '张三', '012345'));
    expect(await t.raw(admin, 'users.create', user('zhangsan2', '张三', '012345'))).toMatchObject({
      ok: false,
      error: { code: 'BADGE_TAKEN', message: '警号“012345”已由账户 张三（zhangsan）使用，一个警号只能对应一个账户' },
    });
    const other = await t.call(admin, 'users.create', user('lisi', '李四', null));
    expect(await t.raw(admin, 'users.update', { id: other.id, badgeNo: '012345' })).toMatchObject({ ok: false, error: { code: 'BADGE_TAKEN' } });
    expect((await t.call(admin, 'users.list')).filter((u) => u.badgeNo === '012345')).toHaveLength(1);
  });

  it('asks the admin to pick when the badge matches nobody but a same-name officer exists', async () => {
    const o = await t.call(admin, 'officers.create', { name: '张三', badgeNo: '012345' });
    const typo = await t.raw(admin, 'users.create', user('zhangsan', '张三', '012354'));
    expect(typo).toMatchObject({ ok: false, error: { code: 'OFFICER_AMBIGUOUS', message: expect.stringContaining('张三（警号 012345）') as unknown } });
    // Nothing was written by the refused call.
    expect((await t.call(admin, 'users.list')).some((u) => u.login === 'zhangsan')).toBe(false);
    const picked = await t.call(admin, 'users.create', user('zhangsan', '张三', '012354', { officerId: o.id }));
    expect(picked).toMatchObject({ officerId: o.id, badgeNo: '012345' });
    const fresh = await t.call(admin, 'users.create', user('zhangsan2', '张三', '099999', { newOfficer: true }));
    expect((await officers()).find((x) => x.badgeNo === '099999')?.userId).toBe(fresh.id);
  });

  it('the 人员 screen links and unlinks an account, refusing a different badge or a second officer', async () => {
    const o = await t.call(admin, 'officers.create', { name: '赵六', badgeNo: '040404' });
    const plain = await t.call(admin, 'users.create', user('zhaoliu', '赵六', null));
    const accounts = await t.call(admin, 'officers.accounts');
    expect(accounts.find((a) => a.id === plain.id)).toMatchObject({ login: 'zhaoliu', displayName: '赵六', officerId: null });
    expect(await t.call(admin, 'officers.update', { id: o.id, userId: plain.id })).toMatchObject({ userId: plain.id });
    expect((await t.call(admin, 'users.list')).find((u) => u.id === plain.id)).toMatchObject({ badgeNo: '040404', officerId: o.id });

    const other = await t.call(admin, 'officers.create', { name: '钱七', badgeNo: '050505' });
    expect(await t.raw(admin, 'officers.update', { id: other.id, userId: plain.id })).toMatchObject({ ok: false, error: { code: 'BADGE_MISMATCH' } });
    const withBadge = await t.call(admin, 'users.create', user('sunba', '孙八', '060606'));
    expect(await t.raw(admin, 'officers.update', { id: o.id, userId: withBadge.id })).toMatchObject({ ok: false, error: { code: 'BADGE_MISMATCH' } });

    expect(await t.call(admin, 'officers.update', { id: o.id, userId: null })).toMatchObject({ userId: null });
    const entry = (await t.call(admin, 'audit.list', { action: 'officer.update', limit: 1 })).entries[0]!;
    expect(entry.details).toMatchObject({ before: { userId: plain.id }, after: { userId: null } });
  });
});
