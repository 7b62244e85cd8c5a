import { describe, expect, it } from 'vitest';
import { newestTextPage } from '../../../main/library/text-newest';
import type { LibraryQuery } from '../../../main/library';
import { fullQuery, generatedArchive, plainIds } from './plain-query';

/** A query with its text and the API's defaults. */
const textQuery = (q: Partial<LibraryQuery> & { text: string }, limit = 100): LibraryQuery & { text: string } => ({ ...fullQuery(q, limit), text: q.text });

/** A new text's first page read newest id first (main/library/text-newest.ts) must be the plain query's page. */
describe('a new free text’s first page, its matches read newest id first', () => {
  const { db, lib } = generatedArchive(3000, 20);
  const texts = () => {
    const archive = lib();
    return [`${archive.recorders[3]!.serial.slice(3)}_2023`, '拒绝配合', '殴打他人', '_2023', '无此文字'];
  };

  it('gives the plain query’s page for file-name pieces, note phrases, case titles and a text with no match', () => {
    let compared = 0;
    for (const text of texts()) {
      for (const limit of [1, 7, 50]) {
        for (const offset of [0, 13]) {
          const q = { ...textQuery({ text }, limit), offset };
          const page = newestTextPage(db(), q, true);
          expect(page, JSON.stringify(q)).not.toBeNull();
          expect(page, JSON.stringify(q)).toEqual(plainIds(db(), q));
          compared += page!.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('finds old ids whose start is later than every newer id’s (a recorder whose clock ran ahead), and ties by id', () => {
    const text = texts()[0]!;
    const q = textQuery({ text }, 10);
    const oldest = db().prepare('SELECT rowid FROM media_name_text WHERE media_name_text MATCH ? ORDER BY rowid LIMIT 3').pluck().all(`"${text}"`) as number[];
    const latest = db().prepare('SELECT max(start_at) FROM media').pluck().get() as string;
    const later = new Date(Date.parse(latest) + 86_400_000).toISOString();
    db().prepare('UPDATE media SET start_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(later, JSON.stringify(oldest));
    const page = newestTextPage(db(), q, true);
    expect(page).toEqual(plainIds(db(), q));
    // The same start: the higher id first.
    expect(page!.slice(0, 3)).toEqual([...oldest].sort((a, b) => b - a));
  });

  it('leaves to the caller a text naming an officer, a short text, other filters, other orders, cursors and deep pages', () => {
    const archive = lib();
    const officer = archive.officers.find((o) => [...o.name].length === 3)!.name;
    const text = texts()[1]!;
    expect(newestTextPage(db(), textQuery({ text: officer }), true)).toBeNull();
    expect(newestTextPage(db(), textQuery({ text: '拒绝' }), true)).toBeNull();
    expect(newestTextPage(db(), textQuery({ text, kind: 'video' }), false)).toBeNull();
    expect(newestTextPage(db(), textQuery({ text, order: 'asc' }), true)).toBeNull();
    expect(newestTextPage(db(), textQuery({ text, sort: 'size' }), true)).toBeNull();
    expect(newestTextPage(db(), textQuery({ text, after: { key: archive.lastStart, id: 5 } }), true)).toBeNull();
    expect(newestTextPage(db(), { ...textQuery({ text }), offset: 1000 }, true)).toBeNull();
  });
});
