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

  it('walks the media of a title word shared by many cases, and tests a phrase in notes of cased scripts as FTS5 folds them', () => {
    const now = new Date(0).toISOString();
    const media = db().prepare('SELECT id FROM media ORDER BY id').pluck().all() as number[];
    const addCase = db().prepare('INSERT INTO cases (number, title, created_by, created_at) VALUES (?, ?, 1, ?)');
    const addItem = db().prepare('INSERT INTO case_items (case_id, media_id, added_by, added_at) VALUES (?, ?, 1, ?)');
    // 90 cases titled alike (more than are gathered whole), each with three files spread over the archive.
    for (let i = 0; i < 90; i++) {
      const id = Number(addCase.run(`TEST-${i}`, `某某妨害公务案${i}`, now).lastInsertRowid);
      for (const k of [0, 1, 2]) addItem.run(id, media[(i * 31 + k * 997) % media.length]!, now);
    }
    // The first case's oldest file recorded last of all: found only by a walk that goes on to the oldest ids.
    const latest = db().prepare('SELECT max(start_at) FROM media').pluck().get() as string;
    db().prepare('UPDATE media SET start_at = ? WHERE id = ?').run(new Date(Date.parse(latest) + 3_600_000).toISOString(), media[0]);
    // Notes whose letters fold differently in JavaScript and SQLite (final sigma, micro sign) beside plain ones.
    const note = db().prepare('INSERT OR REPLACE INTO media_notes (media_id, text, updated_by, updated_at) VALUES (?, ?, 1, ?)');
    const texts = ['ΟΔΟΣ ΚΛΕΙΣΤΗ 路障', 'οδος κλειστη', 'ΟΔΟς ΚΛΕΙΣΤΗ', '5µM reagent', '5μm reagent', 'Plain ODOS KLEISTH'];
    media.slice(-600).forEach((id, i) => (i % 7 === 0 ? note.run(id, texts[(i / 7) % texts.length]!, now) : undefined));
    let compared = 0;
    for (const text of ['妨害公务', 'οδος κλειστη', 'ΟΔΟΣ', 'μm reagent', 'µm REAGENT', 'kleisth']) {
      for (const limit of [5, 60]) {
        const q = textQuery({ text }, limit);
        const page = newestTextPage(db(), q, true);
        expect(page, text).toEqual(plainIds(db(), q));
        compared += page!.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
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
