import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Db, type Store } from '../../../main/store';
import { warmOrder, warmPagesAside } from '../../../main/store/warm-pages';
import { TestClock, tempDir } from '../../support/services';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

/** A migrated archive with some media, notes and an audit trail, small enough that the open does not warm it. */
function archive(): Db {
  const store = openStore(tempDir('ew-warm-'), new TestClock());
  stores.push(store);
  const { db } = store;
  db.exec(`CREATE TABLE unrelated (id INTEGER PRIMARY KEY, blob BLOB); INSERT INTO unrelated (blob) VALUES (randomblob(200000))`);
  return db;
}

const bytesOf = (db: Db, names: string[]): number =>
  names.reduce((sum, name) => sum + (db.prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?').pluck().get(name) as number), 0);

describe('reading the library pages into the file cache at open', () => {
  it('reads the text indexes first, then the library tables, then their indexes, and nothing else', () => {
    const order = warmOrder(archive());
    const textIndex = /^(media_name_text|media_note_text|case_text|officer_text)_/;
    const firstTable = order.findIndex((n) => !textIndex.test(n));
    expect(order.slice(0, firstTable)).toContain('media_name_text_data');
    expect(order.slice(firstTable).some((n) => textIndex.test(n))).toBe(false);
    expect(order.slice(firstTable, firstTable + 5).sort()).toEqual(['case_items', 'cases', 'media', 'media_notes', 'recordings']);
    expect(order).toContain('media_officer');
    expect(order.indexOf('media_officer')).toBeGreaterThan(order.indexOf('recordings'));
    expect(order.some((n) => /audit|unrelated|users/.test(n))).toBe(false);
  });

  it('is not started for a small archive, which its own first queries read quickly', () => {
    const db = archive();
    expect(warmPagesAside(db)).toBeNull();
    expect(stores[0]!.warmed).toBeNull();
  });

  it('reads every page of those b-trees on a connection of its own', async () => {
    const db = archive();
    const run = warmPagesAside(db, { fromBytes: 0 })!;
    const r = await run.done;
    expect(r.warmed).toBe(true);
    expect(r.btrees).toEqual(warmOrder(db));
    expect(r.bytes).toBe(bytesOf(db, r.btrees));
    expect(r.bytes).toBeGreaterThan(0);
  });

  it('stops once its budget is read', async () => {
    const db = archive();
    const r = await warmPagesAside(db, { fromBytes: 0, budget: 1 })!.done;
    expect(r.btrees).toEqual(warmOrder(db).slice(0, 1));
    expect(r.bytes).toBe(bytesOf(db, r.btrees));
  });

  it('ends, not warmed, when stopped as the archive closes', async () => {
    const run = warmPagesAside(archive(), { fromBytes: 0 })!;
    run.stop();
    const r = await run.done;
    expect(r.warmed).toBe(false);
  });
});
