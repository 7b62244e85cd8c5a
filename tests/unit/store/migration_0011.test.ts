import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0011 device care', () => {
  it('applies once on top of 0010 and keeps the care records: one open repair and one keeper at a time, nothing deleted', () => {
    const db = databaseBefore(11);
    expectAppliesOnce(db, 11);
    const at = '2026-11-20T02:00:00.000Z';
    db.prepare(
      "INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'k', '保管', 'h', 'k', 'c', ?, ?)",
    ).run(at, at);
    db.prepare("INSERT INTO recorders (id, serial, created_at) VALUES (1, 'R1', ?)").run(at);
    const repair = db.prepare('INSERT INTO recorder_repairs (recorder_id, sent_at, sent_by, fault) VALUES (1, ?, 1, ?)');
    repair.run(at, '黑屏');
    expect(() => repair.run(at, '再次')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE recorder_repairs SET returned_at = ? WHERE id = 1").run(at)).toThrow(/CHECK/); // a return has a result
    const keeper = db.prepare('INSERT INTO device_keepers (user_id, from_at, designated_by) VALUES (1, ?, 1)');
    keeper.run(at);
    expect(() => keeper.run(at)).toThrow(/UNIQUE/);
    const check = db.prepare("INSERT INTO recorder_checks (recorder_id, day, no_fault, battery_ok, storage_ok, clock_ok, checked_at, checked_by) VALUES (1, ?, 1, 1, 1, 1, ?, 1)");
    check.run('2026-11-20', at);
    expect(() => check.run('2026-11-20', at)).toThrow(/UNIQUE/);
    expect(() => check.run('20261121', at)).toThrow(/CHECK/);
    db.prepare("INSERT INTO recorder_incidents (recorder_id, kind, occurred_at, description, reported_at, reported_by) VALUES (1, 'lost', ?, 'x', ?, 1)").run(at, at);
    expect(() => db.prepare("INSERT INTO recorder_incidents (recorder_id, kind, occurred_at, description, reported_at, reported_by) VALUES (1, 'stolen', ?, 'x', ?, 1)").run(at, at)).toThrow(/CHECK/);
    for (const table of ['recorder_checks', 'recorder_repairs', 'recorder_incidents', 'device_keepers']) {
      expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/kept/);
    }
  });
});
