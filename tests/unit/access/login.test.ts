import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLogin } from '../../../main/access';
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
