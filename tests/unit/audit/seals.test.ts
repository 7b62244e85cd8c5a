import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db, type UserId } from '../../../main/store';
import { appendAudit, sealPastDays, verifyAuditChain } from '../../../main/audit';
import { tempDir } from '../../support/services';

const TZ = 'Asia/Shanghai';
/** A stand-in signature for store tests (real CMS is tested through the API with OpenSSL). */
const sign = (content: Buffer) => createHash('sha256').update('test-key').update(content).digest();
const verifySeal = (content: Buffer, signature: Buffer) => ({ ok: sign(content).equals(signature) });

describe('day seals in the store', () => {
  let db: Db;
  let seals: string;
  let tmp: string;
  const row = (iso: string, action = 'test.step') => appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action, target: null, at: new Date(iso) });
  const seal = (iso: string) => sealPastDays(db, { seals, tmp }, { timeZone: TZ, now: new Date(iso), signer: { id: 1 as UserId, login: 'admin', sign }, verify: verifySeal });
  const verify = (iso: string) => verifyAuditChain(db, { timeZone: TZ, now: new Date(iso), sealsDir: seals, verifySeal });

  beforeEach(() => {
    const dir = tempDir();
    db = openDatabase(path.join(dir, 'evidence.db'));
    migrate(db, new Date('2026-11-01T00:00:00Z'));
    db.exec(`INSERT INTO users (id, login, display_name, password_hash, private_key_enc, cert_pem, created_at, updated_at) VALUES (1, 'admin', 'A', 'h', 'k', 'c', 'now', 'now')`);
    seals = tempDir('ew-seals-');
    tmp = tempDir('ew-tmp-');
  });

  it('seals each past day once, in office time, up to yesterday', () => {
    row('2026-11-19T17:00:00Z'); // 11-20 01:00 in Shanghai, though 11-19 in UTC
    row('2026-11-20T15:00:00Z'); // 11-20 23:00
    row('2026-11-21T02:00:00Z');
    row('2026-11-22T02:00:00Z');
    expect(seal('2026-11-22T03:00:00Z').map((m) => m.day)).toEqual(['2026-11-20', '2026-11-21']);
    expect(seal('2026-11-22T04:00:00Z')).toEqual([]);
    expect(db.prepare('SELECT day, first_seq, head_seq FROM audit_seals ORDER BY head_seq').all()).toEqual([
      { day: '2026-11-20', first_seq: 1, head_seq: 2 },
      { day: '2026-11-21', first_seq: 3, head_seq: 3 },
    ]);
    expect(verify('2026-11-22T04:00:00Z')).toMatchObject({ ok: true, sealedDays: 2 });
  });

  it('a clock set back never reopens a sealed day: its rows go to the next day still open', () => {
    row('2026-11-20T02:00:00Z');
    seal('2026-11-21T02:00:00Z');
    row('2026-11-21T02:00:00Z');
    row('2026-11-20T05:00:00Z'); // the machine clock was a day behind for a while
    expect(seal('2026-11-22T02:00:00Z')).toEqual([{ day: '2026-11-21', late: false, restored: false, fileWritten: true }]);
    expect(db.prepare("SELECT first_seq, head_seq FROM audit_seals WHERE day = '2026-11-21'").get()).toEqual({ first_seq: 2, head_seq: 3 });
    expect(verify('2026-11-22T02:00:00Z')).toMatchObject({ ok: true, problems: [] });
  });

  it('a seal file written by a login that then rolled back is restored by the next login, not signed twice', () => {
    row('2026-11-20T02:00:00Z');
    expect(() =>
      db.transaction(() => {
        seal('2026-11-21T02:00:00Z');
        throw new Error('crash after the file, before the commit');
      })(),
    ).toThrow(/crash/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_seals').get()).toEqual({ n: 0 });
    const file = readFileSync(path.join(seals, '2026-11-20.json'));
    expect(seal('2026-11-21T03:00:00Z')).toEqual([{ day: '2026-11-20', late: false, restored: true, fileWritten: false }]);
    expect(readFileSync(path.join(seals, '2026-11-20.json'))).toEqual(file);
    expect(verify('2026-11-21T03:00:00Z')).toMatchObject({ ok: true, sealedDays: 1 });
  });

  it('a lone signature left by a crash is replaced; a seal file that does not fit is kept and reported', () => {
    row('2026-11-20T02:00:00Z');
    row('2026-11-21T02:00:00Z');
    writeFileSync(path.join(seals, '2026-11-20.json.p7s'), 'half a pair');
    const otherSeal = Buffer.from('{"format":"evidence-audit-seal/2","day":"2026-11-21"}\n');
    writeFileSync(path.join(seals, '2026-11-21.json'), otherSeal);
    expect(seal('2026-11-22T02:00:00Z').map((m) => [m.day, m.fileWritten])).toEqual([
      ['2026-11-20', true],
      ['2026-11-21', false],
    ]);
    expect(verifySeal(readFileSync(path.join(seals, '2026-11-20.json')), readFileSync(path.join(seals, '2026-11-20.json.p7s'))).ok).toBe(true);
    expect(readFileSync(path.join(seals, '2026-11-21.json'))).toEqual(otherSeal);
    expect(existsSync(path.join(seals, '2026-11-21.json.p7s'))).toBe(false);
    const r = verify('2026-11-22T02:00:00Z');
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'seal_file_invalid', message: expect.stringContaining('2026-11-21') })]);
  });

  it('a seal row whose columns were changed to match a rewritten log no longer matches its signed content', () => {
    row('2026-11-20T02:00:00Z');
    row('2026-11-20T03:00:00Z');
    seal('2026-11-21T02:00:00Z');
    db.exec('DROP TRIGGER audit_seals_never_changed');
    db.prepare('UPDATE audit_seals SET head_seq = 1, head_hash = (SELECT hash FROM audit_log WHERE seq = 1)').run();
    expect(verify('2026-11-21T02:00:00Z').problems.map((p) => p.kind)).toEqual(['seal_invalid']);
  });
});
