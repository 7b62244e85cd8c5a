import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { foldsAsSqlite } from '../../../main/library/text-newest';

/**
 * text-newest.ts tests a phrase on candidate rows with `toLowerCase` where every character passes `foldsAsSqlite`.
 * That holds only if SQLite's trigram tokenizer folds each such character the same way: read its folding of every
 * code point of those blocks back from the index's vocabulary.
 */
describe('the characters whose case JavaScript folds as FTS5’s trigram tokenizer does', () => {
  it('agree with SQLite on every code point said to, and disagree on some beyond them', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram'); CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)");
    const put = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)');
    const beyond = [0x3c2, 0xb5, 0x13a0, 0x212a, 0x130];
    db.transaction(() => {
      for (let c = 1; c <= 0x2ffff; c++) {
        const ch = String.fromCodePoint(c);
        if ((c < 0xd800 || c > 0xdfff) && (foldsAsSqlite(ch) || beyond.includes(c))) put.run(c, ch.repeat(3));
      }
    })();
    const differ: number[] = [];
    let checked = 0;
    for (const { term, doc } of db.prepare('SELECT term, doc FROM v').iterate() as Iterable<{ term: string; doc: number }>) {
      const js = String.fromCodePoint(doc).toLowerCase().repeat(3);
      checked++;
      if (term !== js) differ.push(doc);
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(differ.filter((c) => !beyond.includes(c))).toEqual([]);
    expect(differ.length).toBeGreaterThan(0);
    expect(foldsAsSqlite('DSJ007304_20251024.MP4 拒绝配合，当事人！ＡＢＣ')).toBe(true);
    expect(foldsAsSqlite('ΟΔΟΣ')).toBe(false);
    db.close();
  });
});
