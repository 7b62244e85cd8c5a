import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openDatabase } from '../../../main/store';
import { tempDir } from '../../support/services';
import { APPLIED_AT, expectAppliesOnce } from './migration-support';

const V9 = MIGRATIONS.findIndex((m) => m.version === 9);

describe('migration 0009 failed logins for unknown names', () => {
  it('applies on top of the earlier schema with data in place, once', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V9));
    db.exec(`INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, failed_logins, created_at, updated_at) VALUES (1, 'admin', 'A', 'h', 'k', 'c', 3, 'now', 'now')`);
    expectAppliesOnce(db, 9);
    expect(db.prepare('SELECT failed_logins FROM users').get()).toEqual({ failed_logins: 3 });
  });

  it('one row per name, whatever its letter case, as logins are; the count is never negative', () => {
    const db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, APPLIED_AT, MIGRATIONS.slice(0, V9 + 1));
    const add = db.prepare('INSERT INTO login_failures (login, failed_logins) VALUES (?, ?)');
    add.run('nobody', 1);
    expect(() => add.run('NoBody', 1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run('ghost', -1)).toThrow(/CHECK/);
  });
});
