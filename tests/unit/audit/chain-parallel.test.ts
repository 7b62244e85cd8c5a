// The chain walk over worker threads (chain-parallel.ts) against the one-thread walk, on a real archive file:
// the same rows, problems and facts, and the workers really ran (audit-chain.test.ts compares whole reports).
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../main/audit';
import { walkWithFacts, type ChainWant } from '../../../main/audit/chain-parallel';
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
});
