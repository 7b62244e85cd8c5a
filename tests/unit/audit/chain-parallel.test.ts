// The chain walk over worker threads (chain-parallel.ts) against the one-thread walk, on a real archive file:
// the same rows, problems and facts, and the workers really ran (audit-chain.test.ts compares whole reports).
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../main/audit';
import { walkWithFacts, type ChainWant } from '../../../main/audit/chain-parallel';
import { entryHash } from '../../../main/audit/chain-walk';
import { migrate, openDatabase, type Db, type UserId } from '../../../main/store';
import { tempDir } from '../../support/services';

function seed(db: Db, n: number): void {
  for (let i = 1; i <= n; i++) {
    const action = i % 10 === 1 ? 'session.login' : 'test.step';
    appendAudit(db, { actorId: 1 as UserId, actorLogin: 'admin', action, target: `item:${i}`, details: { i, note: `第${i}步 "引号" \\ \n` }, at: new Date(Date.UTC(2026, 10, 20, 1, i)) });
  }
}

function tamper(db: Db, sql: string): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_never_changed; DROP TRIGGER IF EXISTS audit_log_never_deleted;');
  db.exec(sql);
}

/** Changes a row as `set` says and gives it the hash of what it now holds: consistent in itself, its links are not. */
function forge(db: Db, seq: number, set: string): void {
  tamper(db, `UPDATE audit_log SET ${set} WHERE seq = ${seq}`);
  const r = db.prepare('SELECT at, actor_id AS actorId, actor_login AS actorLogin, action, target, details, prev_hash AS prevHash FROM audit_log WHERE seq = ?').get(seq) as { at: string; actorId: number | null; actorLogin: string | null; action: string; target: string | null; details: string; prevHash: string };
  db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(entryHash(r.prevHash, r, r.details), seq);
}

describe('the chain walk on worker threads', () => {
  let db: Db;
  const want: ChainWant = { named: new Set([5, 17, 40, 999]), afterSeq: 33 };
  beforeEach(() => {
    db = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(db, new Date('2026-11-01T00:00:00Z'));
    seed(db, 40);
  });

  it('finds what one thread finds, in four parts, on an intact chain and on a tampered one', () => {
    const check = () => {
      const alone = walkWithFacts(db, want, 1);
      const parted = walkWithFacts(db, want, 4);
      expect(alone.threads).toBe(1);
      expect(parted.threads).toBe(4);
      expect(parted.walk).toEqual(alone.walk);
      expect(parted.facts).toEqual(alone.facts);
      return parted;
    };
    const intact = check();
    expect(intact.walk).toMatchObject({ rows: 40, problems: [] });
    expect([...intact.facts.named.keys()]).toEqual([5, 17, 40]);
    expect(intact.facts.logins.map((l) => l.seq)).toEqual([1, 11, 21, 31]);
    expect(intact.facts.unsealed.map((u) => u.seq)).toEqual([34, 35, 36, 37, 38, 39, 40]);

    // Edits on both sides of a cut, a row deleted at a cut (10 | 11), and a hole in the numbering.
    tamper(db, "UPDATE audit_log SET target = 'x' WHERE seq IN (3, 22)");
    tamper(db, 'DELETE FROM audit_log WHERE seq = 11');
    const tampered = check();
    expect(tampered.walk.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'edited'],
      [12, 'deleted'],
      [22, 'edited'],
    ]);
  });

  // Workers take rows in blocks of 2048 by a fast path (one string per row) and hand every row that would be
  // reported to the full check; 5000 rows in two parts make several blocks, a hole inside one, rows past afterSeq.
  it('reports each tampering with the fast path as the one-thread walk does', () => {
    const big = openDatabase(path.join(tempDir(), 'evidence.db'));
    migrate(big, new Date('2026-11-01T00:00:00Z'));
    big.transaction(() => seed(big, 5000))();
    const wide: ChainWant = { named: new Set([1, 2048, 2049, 2500, 2501, 4999]), afterSeq: 4900 };
    const same = (sql: string) => {
      if (sql) tamper(big, sql);
      const alone = walkWithFacts(big, wide, 1);
      const parted = walkWithFacts(big, wide, 2);
      expect(parted.threads).toBe(2);
      expect(parted.walk).toEqual(alone.walk);
      expect(parted.facts).toEqual(alone.facts);
      return parted.walk.problems.map((p) => [p.seq, p.kind]);
    };
    expect(same('')).toEqual([]);
    // A stored hash one character short, and a prev_hash one character long: both split the row's string wrong.
    expect(same('UPDATE audit_log SET hash = substr(hash, 1, 63) WHERE seq = 100')).toEqual([
      [100, 'edited'],
      [101, 'inserted'],
    ]);
    expect(same("UPDATE audit_log SET prev_hash = prev_hash || '0' WHERE seq = 3000")).toContainEqual([3000, 'edited']);
    // Rows that hash right but do not link: only the link check stops them (a prev_hash one character long
    // would even split right without the length check).
    forge(big, 1500, `prev_hash = '${'0'.repeat(64)}'`);
    expect(same('')).toEqual(expect.arrayContaining([[1500, 'inserted'], [1501, 'inserted']]));
    forge(big, 3500, "prev_hash = prev_hash || '0'");
    expect(same('')).toEqual(expect.arrayContaining([[3500, 'inserted'], [3501, 'inserted']]));
    // A login's action changed (its logins fact goes), a hole inside a block, two rows swapped past afterSeq.
    expect(same("UPDATE audit_log SET action = 'session.logout' WHERE seq = 1201")).toContainEqual([1201, 'edited']);
    expect(same('DELETE FROM audit_log WHERE seq = 2049')).toContainEqual([2050, 'deleted']);
    tamper(big, 'UPDATE audit_log SET seq = -4950 WHERE seq = 4950; UPDATE audit_log SET seq = 4950 WHERE seq = 4951; UPDATE audit_log SET seq = 4951 WHERE seq = -4950');
    expect(same('')).toContainEqual([4950, 'reordered']);
    big.close();
  });
});
