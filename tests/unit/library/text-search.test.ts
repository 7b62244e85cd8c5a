import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/store';
import { setNote } from '../../../main/library';
import { makeOfficeApi } from '../../support/services';
import { officeSuite } from '../../support/office-suite';
import { generateLibrary } from '../../support/library-rows';

/** What free text may find in one media row, read with plain SQL (no FTS) for an independent expectation. */
interface Searchable {
  id: number;
  name: string;
  note: string | null;
  officer: string | null;
  badge: string | null;
  cases: string;
}

function searchable(db: Db): Searchable[] {
  return db
    .prepare(
      `SELECT m.id, m.original_name AS name, n.text AS note, o.name AS officer, o.badge_no AS badge,
              (SELECT group_concat(c.number || ' ' || c.title, ' | ') FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = m.id) AS cases
       FROM media m LEFT JOIN media_notes n ON n.media_id = m.id LEFT JOIN officers o ON o.id = m.officer_id`,
    )
    .all() as Searchable[];
}

/** The FTS5 'integrity-check' command: fails when an external-content index is not in step with its table. */
function expectIndexesInStep(db: Db): void {
  for (const table of ['media_name_text', 'media_note_text', 'case_text', 'officer_text']) {
    expect(() => db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run(), table).not.toThrow();
  }
}

describe('library free text (FTS5 trigram) on 3 000 generated media', () => {
  const office = officeSuite(async () => {
    const { t, admin } = await makeOfficeApi();
    const db = t.services.archive.open().db;
    const lib = generateLibrary(db, 3000);
    return { t, admin, db, lib };
  }, 120_000);

  /** Every match, all pages, as ids in ascending order. */
  async function found(text: string): Promise<number[]> {
    const page = await office.t.call(office.admin, 'library.search', { text, limit: 500, sort: 'startAt', order: 'asc' });
    const ids = page.items.map((i) => i.id);
    for (let next = page.next; next; ) {
      const more = await office.t.call(office.admin, 'library.search', { text, limit: 500, sort: 'startAt', order: 'asc', after: next });
      ids.push(...more.items.map((i) => i.id));
      next = more.next;
    }
    // A new text's page comes before its count (null), which library.count takes; the next search brings it along.
    expect(page.total, text).toBeNull();
    const { total } = await office.t.call(office.admin, 'library.count', { text, sort: 'startAt', order: 'asc' });
    expect(ids.length, text).toBe(total);
    expect((await office.t.call(office.admin, 'library.search', { text, limit: 1, sort: 'startAt', order: 'asc' })).total, text).toBe(total);
    return ids.sort((a, b) => a - b);
  }

  const expected = (keep: (s: Searchable) => boolean) =>
    searchable(office.db)
      .filter(keep)
      .map((s) => s.id)
      .sort((a, b) => a - b);
  const has = (text: string) => (s: Searchable) =>
    [s.name, s.note, s.officer, s.badge, s.cases].some((v) => v?.toLowerCase().includes(text.toLowerCase()) ?? false);

  it('generated a brigade’s mix: recordings of segments, 5 % in cases, notes on 10 %', () => {
    expect(office.lib.media).toBe(3000);
    expect(office.lib.recordings).toBeGreaterThan(300);
    const inCases = new Set(office.lib.cases.flatMap((c) => c.mediaIds)).size;
    expect(inCases / 3000).toBeGreaterThan(0.01);
    expect(inCases / 3000).toBeLessThan(0.15);
    expect(office.lib.notes.size / 3000).toBeGreaterThan(0.07);
    expect(office.lib.notes.size / 3000).toBeLessThan(0.13);
  });

  it('finds Chinese substrings: a three-character officer name, part of a case title, part of a note', async () => {
    for (const text of ['刘德明', '某某盗窃', '拒绝配合', '在场']) {
      const want = expected(has(text));
      expect(want.length, text).toBeGreaterThan(0);
      expect(await found(text), text).toEqual(want);
    }
  });

  it('finds a two-character name (张三) in officers and notes, where trigrams cannot: the short-text path', async () => {
    const want = expected((s) => s.officer === '张三' || (s.note?.includes('张三') ?? false));
    expect(want.length).toBeGreaterThan(0);
    expect(await found('张三')).toEqual(want);
    // Short text leaves file names out (a digit would match most of the archive): every name has "MP4" or "JPG".
    expect(expected(has('jp')).length).toBeGreaterThan(100);
    expect(await found('jp')).toEqual([]);
    expect(await found('G0')).toEqual(expected((s) => s.badge !== null));
  });

  it('finds part of a file name or a case number, either case, and takes the text literally', async () => {
    const name = searchable(office.db)[1234]!.name;
    const piece = name.slice(3, 17).toLowerCase();
    expect(await found(piece)).toEqual(expected(has(piece)));
    const number = office.lib.cases[2]!.number;
    expect(await found(number.slice(2))).toEqual(expected(has(number.slice(2))));
    expect(await found('"盗窃" OR 张*')).toEqual([]);
    expect(await found('%_%')).toEqual([]);
  });

  it('keeps the indexes in step on insert, update and delete of notes, cases and officers, and on new media', async () => {
    const mediaId = office.lib.cases[0]!.mediaIds[0]!;
    const at = new Date('2026-11-28T00:00:00Z');
    setNote(office.db, mediaId, '嫌疑人驾驶白色面包车', 1, at);
    expect(await found('白色面包车')).toEqual([mediaId]);
    setNote(office.db, mediaId, '嫌疑人驾驶红色轿车', 1, at);
    expect(await found('白色面包车')).toEqual([]);
    expect(await found('红色轿车')).toEqual([mediaId]);
    setNote(office.db, mediaId, null, 1, at);
    expect(await found('红色轿车')).toEqual([]);

    office.db.prepare("UPDATE cases SET title = '欧阳某某诈骗案' WHERE id = ?").run(office.lib.cases[0]!.id);
    expect(await found('欧阳某某')).toEqual([...office.lib.cases[0]!.mediaIds].sort((a, b) => a - b));
    expect(await found(office.lib.cases[0]!.title)).toEqual(expected(has(office.lib.cases[0]!.title)));

    const officer = office.lib.officers.find((o) => o.name === '刘德明')!;
    const his = expected((s) => s.officer === '刘德明');
    office.db.prepare("UPDATE officers SET name = '司马光明' WHERE id = ?").run(officer.id);
    expect(await found('司马光明')).toEqual(his);
    expect(await found('刘德明')).toEqual(expected(has('刘德明')));
    const loner = Number(office.db.prepare("INSERT INTO officers (name, badge_no, created_at) VALUES ('诸葛亮亮', 'Z99999', 't')").run().lastInsertRowid);
    expect(await found('诸葛亮亮')).toEqual([]);
    // An officer with hardly any footage (under 1 %): his media are gathered, not walked for, with the notes that name him.
    setNote(office.db, mediaId, '诸葛亮亮在场', 1, at);
    expect(await found('诸葛亮亮')).toEqual([mediaId]);
    expect(await found('G00003')).toEqual(expected(has('G00003')));
    setNote(office.db, mediaId, null, 1, at);
    office.db.prepare('DELETE FROM officers WHERE id = ?').run(loner);
    expect(office.db.prepare(`SELECT count(*) FROM officer_text WHERE officer_text MATCH '"诸葛亮"'`).pluck().get()).toBe(0);

    // A new original (its name never changes and it is never deleted: 0002's triggers).
    const session = office.db.prepare('SELECT id FROM ingest_sessions LIMIT 1').pluck().get() as number;
    const added = Number(
      office.db
        .prepare(
          `INSERT INTO media (sha256, size, stored_path, original_name, original_path, kind, ingest_session_id, start_at, start_source, day, has_audio, retention_until, created_at)
           VALUES (?, 1, 'originals/x.bin', '现场照片_甲乙丙.JPG', 'DCIM/x.JPG', 'photo', ?, '2025-01-01T00:00:00.000Z', 'file_name', '2025-01-01', 0, '2099-01-01', 't')`,
        )
        .run('f'.repeat(64), session).lastInsertRowid,
    );
    expect(await found('甲乙丙')).toEqual([added]);
    expectIndexesInStep(office.db);
  });

  it('a change rolled back leaves no index row behind', async () => {
    const mediaId = office.lib.cases[1]!.mediaIds[0]!;
    const officer = office.lib.officers.find((o) => o.name === '王五')!;
    expect(() =>
      office.db.transaction(() => {
        setNote(office.db, mediaId, '回滚的备注内容', 1, new Date('2026-11-28T00:00:00Z'));
        office.db.prepare("UPDATE officers SET name = '回滚的姓名' WHERE id = ?").run(officer.id);
        office.db.prepare("UPDATE cases SET title = '回滚的案件' WHERE id = ?").run(office.lib.cases[1]!.id);
        expect(office.db.prepare(`SELECT count(*) FROM media_note_text WHERE media_note_text MATCH '"回滚的"'`).pluck().get()).toBe(1);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    for (const table of ['media_note_text', 'officer_text', 'case_text']) {
      expect(office.db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH '"回滚的"'`).pluck().get(), table).toBe(0);
    }
    expect(await found('回滚的')).toEqual([]);
    expect(await found('王五')).toEqual(expected(has('王五')));
    expectIndexesInStep(office.db);
  });
});
