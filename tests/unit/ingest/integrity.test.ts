// The integrity check re-hashes on the worker thread (issue 14 item 4): the same verdicts as before, progress in
// bytes, and a cancel that stops it and reports what it had checked.
import { chmodSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity, toAbsolute } from '../../../main/ingest';
import type { Db } from '../../../main/store';
import { officeWithIngestedVolume } from '../../support/ingest';
import type { TestApi } from '../../support/services';

let t: TestApi;
let db: Db;
let root: string;
let stored: { stored_path: string; size: number }[];

beforeAll(async () => {
  ({ t } = await officeWithIngestedVolume());
  db = t.services.archive.open().db;
  root = t.root;
  stored = db.prepare('SELECT stored_path, size FROM media ORDER BY day, stored_path').all() as typeof stored;
}, 120_000);
afterAll(() => t.cleanup());

/** Changes one original for the length of `fn`, then puts its bytes back as they were. */
async function withOriginal<T>(rel: string, change: (abs: string) => void, fn: () => Promise<T>): Promise<T> {
  const abs = toAbsolute(root, rel);
  const bytes = readFileSync(abs);
  chmodSync(abs, 0o644);
  change(abs);
  try {
    return await fn();
  } finally {
    writeFileSync(abs, bytes);
    chmodSync(abs, 0o444);
  }
}

describe('checkIntegrity on the worker thread', () => {
  it('the untouched archive passes, and progress ends at every byte of every original', async () => {
    const seen: { done: number; bytes: number; totalBytes: number }[] = [];
    const r = await checkIntegrity(root, db, {}, { onProgress: (done, _total, bytes, totalBytes) => seen.push({ done, bytes, totalBytes }) });
    const total = stored.reduce((n, s) => n + s.size, 0);
    expect(r).toMatchObject({ ok: true, cancelled: false, checked: stored.length, bytes: total, problems: [] });
    expect(seen.at(-1)).toEqual({ done: stored.length, bytes: total, totalBytes: total });
    // Bytes only grow.
    expect(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes)).toBe(true);
  });

  it.each([
    ['a flipped byte', (abs: string) => { const b = readFileSync(abs); b[Math.floor(b.length / 2)]! ^= 0x01; writeFileSync(abs, b); }],
    ['a truncated file', (abs: string) => truncateSync(abs, 100)],
  ])('finds %s as changed, naming the file', async (_name, change) => {
    const victim = stored[1]!.stored_path;
    const r = await withOriginal(victim, change, () => checkIntegrity(root, db, {}));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'changed', path: victim })]);
  });

  it('cancel stops the check and reports what it had checked: not ok, cancelled, nothing looked at after', async () => {
    const ac = new AbortController();
    const victim = stored.at(-1)!.stored_path;
    // The last original is changed: a check that went on would find it.
    const r = await withOriginal(victim, (abs) => truncateSync(abs, 10), () =>
      checkIntegrity(root, db, {}, {
        signal: ac.signal,
        onProgress: (done) => {
          if (done === 1) ac.abort();
        },
      }),
    );
    expect(stored.length).toBeGreaterThan(2);
    expect(r).toMatchObject({ cancelled: true, ok: false, checked: 1, bytes: stored[0]!.size, problems: [] });
  });

  it('a check cancelled before it starts hashes nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await checkIntegrity(root, db, {}, { signal: ac.signal });
    expect(r).toMatchObject({ cancelled: true, ok: false, checked: 0, bytes: 0 });
  });
});
