// Issue 10 item 12: a login nobody has must cost the same scrypt work as a wrong password, and get the
// same answer. No timings here (they belong to the bench): scrypt's own calls are counted instead.
import { scrypt, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLogin } from '../../../main/accounts';
import { hashPassword } from '../../../main/crypto';
import { migrate, openDatabase, type Db } from '../../../main/store';
import { tempDir } from '../../support/services';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, scrypt: vi.fn(real.scrypt) };
});

const NOW = new Date('2026-11-27T04:01:00Z');
const TZ = 'Asia/Shanghai';

async function office(): Promise<Db> {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, NOW);
  const add = db.prepare(
    "INSERT INTO users (login, display_name, password_hash, private_key_enc, cert_pem, disabled, locked_until, created_at, updated_at) VALUES (?, ?, ?, 'k', 'c', ?, ?, 'now', 'now')",
  );
  add.run('chief', '李队长', await hashPassword('chief-pass-1'), 0, null);
  add.run('lisi', '李四', await hashPassword('lisi-pass-1'), 1, null);
  add.run('locked', '王五', await hashPassword('wangwu-pass-1'), 0, '2026-11-27T04:16:00.000Z');
  // A name nobody has, already locked out by five earlier tries.
  db.prepare("INSERT INTO login_failures (login, failed_logins, locked_until) VALUES ('ghost', 5, '2026-11-27T04:16:00.000Z')").run();
  return db;
}

/** scrypt's calls since the last clear: cost parameters and key length, which set its work. */
const scryptCalls = () =>
  vi.mocked(scrypt).mock.calls.map((c) => {
    const o = c[3] as ScryptOptions;
    return { keylen: c[2], N: o.N, r: o.r, p: o.p };
  });

describe('an unknown login costs what a wrong password costs', () => {
  let db: Db;
  beforeEach(async () => {
    db = await office();
    vi.mocked(scrypt).mockClear();
  });

  const answer = async (login: string, password: string) => {
    const outcome = await checkLogin(db, login, password, NOW, TZ);
    if (outcome.ok) throw new Error('unexpected success');
    return { code: outcome.error.code, message: outcome.error.userMessage };
  };

  it('a wrong password runs scrypt once, with the parameters every stored hash has', async () => {
    expect(await answer('chief', 'wrong-pass')).toEqual({ code: 'AUTH_FAILED', message: '用户名或密码错误（还可尝试 4 次）' });
    expect(scryptCalls()).toEqual([{ keylen: 32, N: 2 ** 15, r: 8, p: 1 }]);
  });

  it.each([
    ['a login nobody has', 'nobody', 'wrong-pass'],
    ['a login nobody has, typed in capitals', 'NOBODY', 'wrong-pass'],
    ['a disabled account, wrong password', 'lisi', 'wrong-pass'],
  ])('%s: the same one scrypt run and the same answer', async (_what, login, password) => {
    expect(await answer(login, password)).toEqual({ code: 'AUTH_FAILED', message: '用户名或密码错误（还可尝试 4 次）' });
    expect(scryptCalls()).toEqual([{ keylen: 32, N: 2 ** 15, r: 8, p: 1 }]);
  });

  it('a locked account and a locked-out unknown name are both refused without scrypt, with the same answer', async () => {
    const locked = { code: 'AUTH_LOCKED', message: '密码错误次数过多，账户已锁定，请于 12:16 后再试' };
    expect(await answer('locked', 'wangwu-pass-1')).toEqual(locked);
    expect(await answer('ghost', 'any-pass')).toEqual(locked);
    expect(scryptCalls()).toEqual([]);
  });
});
