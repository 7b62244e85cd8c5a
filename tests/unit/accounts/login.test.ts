import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLogin, recordLoginOutcome } from '../../../main/accounts';
import { asPem, hashPassword, privateKeyIterations, REAL_SECRET_COSTS } from '../../../main/crypto';
import { migrate, openDatabase, type Db } from '../../../main/store';
import { tempDir } from '../../support/services';

const NOW = new Date('2026-11-27T04:01:00Z');
const LOCKED_UNTIL = '2026-11-27T04:16:00.000Z';

/** A user locked out until LOCKED_UNTIL; the lock-out check returns before any key or password is read. */
function lockedUser(): Db {
  const db = openDatabase(path.join(tempDir(), 'evidence.db'));
  migrate(db, NOW);
  db.prepare(
    "INSERT INTO users (login, display_name, password_hash, private_key_enc, cert_pem, locked_until, created_at, updated_at) VALUES ('chief', '李队长', 'h', 'k', 'c', ?, ?, ?)",
  ).run(LOCKED_UNTIL, NOW.toISOString(), NOW.toISOString());
  return db;
}

// The machine's zone is whatever this process runs in (CI runs the suite under America/Los_Angeles too);
// every Date accessor that reads it throws here, so the message can only come from the office's zone.
const MACHINE_ZONE_READERS = ['getHours', 'getMinutes', 'getDate', 'getDay', 'getMonth', 'getFullYear', 'getTimezoneOffset', 'toLocaleString', 'toLocaleTimeString', 'toLocaleDateString'] as const;

function forbidMachineZone(): void {
  for (const name of MACHINE_ZONE_READERS) {
    vi.spyOn(Date.prototype, name).mockImplementation(() => {
      throw new Error(`Date.prototype.${name} reads the machine's time zone`);
    });
  }
}

describe('lock-out message', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['Asia/Shanghai', '12:16'],
    ['America/Los_Angeles', '20:16'],
    ['UTC', '04:16'],
  ])('tells the end of the lock-out in the office zone %s (%s), never the machine zone', async (timeZone, hhmm) => {
    const db = lockedUser();
    forbidMachineZone();
    const outcome = await checkLogin(db, 'chief', 'any-password', NOW, timeZone);
    vi.restoreAllMocks();
    db.close();
    expect(outcome).toMatchObject({ ok: false, reason: 'locked', lockedUntil: new Date(LOCKED_UNTIL) });
    expect(outcome.ok ? null : outcome.error.userMessage).toBe(`密码错误次数过多，账户已锁定，请于 ${hhmm} 后再试`);
  });
});

describe('re-wrapping a weak key at login (issue 10 item 6)', () => {
  const PASSWORD = 'chief-pass-1';

  /** A user whose key is stored as before issue 10: KeyObject.export, 2048 PBKDF2 iterations. */
  async function weakKeyUser(): Promise<Db> {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, NOW);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const old = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSWORD });
    db.prepare("INSERT INTO users (login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES ('chief', '李队长', ?, ?, 'c', 'now', 'now')").run(
      await hashPassword(PASSWORD),
      old,
    );
    return db;
  }
  const stored = (db: Db) => asPem((db.prepare('SELECT private_key_enc FROM users').get() as { private_key_enc: string }).private_key_enc);

  it('stores the re-wrapped key only over the key this login decrypted, so a password changed meanwhile keeps its own', async () => {
    const db = await weakKeyUser();
    const outcome = await checkLogin(db, 'chief', PASSWORD, NOW, 'Asia/Shanghai', { costs: { ...REAL_SECRET_COSTS, keyIterations: 4096 } });
    if (!outcome.ok) throw outcome.error;
    expect(outcome.rewrap).toMatchObject({ fromIterations: 2048, toIterations: 4096 });
    const meanwhile = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nchanged meanwhile\n-----END ENCRYPTED PRIVATE KEY-----\n';
    db.prepare('UPDATE users SET private_key_enc = ?').run(meanwhile);
    expect(recordLoginOutcome(db, outcome)).toEqual({ rewrapped: false });
    expect(stored(db)).toBe(meanwhile);
  });

  it('re-wraps a weaker key, and leaves one that has the count', async () => {
    const db = await weakKeyUser();
    const first = await checkLogin(db, 'chief', PASSWORD, NOW, 'Asia/Shanghai', { costs: { ...REAL_SECRET_COSTS, keyIterations: 4096 } });
    if (!first.ok) throw first.error;
    expect(recordLoginOutcome(db, first)).toEqual({ rewrapped: true });
    expect(privateKeyIterations(stored(db))).toBe(4096);
    const second = await checkLogin(db, 'chief', PASSWORD, NOW, 'Asia/Shanghai', { costs: { ...REAL_SECRET_COSTS, keyIterations: 4096 } });
    expect(second.ok && second.rewrap).toBeNull();
  });
});
