import type { Db } from '../store';
import type { LibraryQuery } from './search';
import { ftsPhrase } from './text-match';

/** Past this many matches read, the walk gives up and the caller gathers them all as before. */
const READ_MOST = 4_000;
/** A page this deep is left to the caller. */
const DEEPEST = 500;
/** Ids per block of `media_start_bound` (0021). */
const BLOCK_SHIFT = 10;

/**
 * The first page of a free text of three characters or more, newest first, without gathering every match: the
 * file names' and notes' matches are read newest id first (FTS5 reads a phrase in rowid order and stops at the
 * limit), a block at a time, beside the newest media of matching cases, until the page's rows are found and no
 * lower id can start later than its last row (`media_start_bound`, 0021). At a million media a file-name piece's
 * matches took 66–88 ms to gather; its 200 newest ids 18 ms. Null when this does not apply or would read too long: a text that
 * names an officer (their files are walked by the officer index instead), another filter, another sort or order,
 * a cursor or a deep offset; the caller then answers as before.
 */
export function newestTextPage(db: Db, q: LibraryQuery & { text: string }, alone: boolean): number[] | null {
  const want = q.offset + q.limit;
  if ([...q.text].length < 3 || !alone || q.sort !== 'startAt' || q.order !== 'desc' || q.after || want > DEEPEST) return null;
  const fts = ftsPhrase(q.text);
  if (db.prepare('SELECT 1 FROM officer_text WHERE officer_text MATCH ? LIMIT 1').get(fts)) return null;
  const byName = db.prepare('SELECT rowid FROM media_name_text WHERE media_name_text MATCH :fts AND rowid < :below ORDER BY rowid DESC LIMIT :n').pluck();
  const byNote = db.prepare('SELECT rowid FROM media_note_text WHERE media_note_text MATCH :fts AND rowid < :below ORDER BY rowid DESC LIMIT :n').pluck();
  const startOf = db.prepare('SELECT m.id, m.start_at FROM json_each(:ids) p JOIN media m ON m.id = p.value').raw();
  const latestBelow = db.prepare('SELECT max(max_start) FROM media_start_bound WHERE block <= :block').pluck();

  // The page so far, in the library's order (start, then id, both descending), at most `want` rows. It starts with
  // the matching cases' media, known whole: only their first `want` can be on the page.
  let top = db
    .prepare(
      `SELECT m.id, m.start_at FROM media m WHERE m.id IN (SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT rowid FROM case_text WHERE case_text MATCH :fts))
       ORDER BY m.start_at DESC, m.id DESC LIMIT :want`,
    )
    .raw()
    .all({ fts, want }) as [number, string][];
  let below = Number.MAX_SAFE_INTEGER;
  let read = 0;
  for (let n = 2 * want; ; n *= 2) {
    // Every match at or above `floor` is known: a source that filled its batch is complete down to its last id.
    let floor = 0;
    const batches = [byName, byNote].map((s) => s.all({ fts, below, n }) as number[]);
    for (const b of batches) if (b.length === n) floor = Math.max(floor, b[n - 1]!);
    const ids = new Set<number>();
    for (const b of batches) for (const id of b) if (id >= floor) ids.add(id);
    read += ids.size;
    const seen = new Set(top.map((r) => r[0]));
    const rows = (startOf.all({ ids: JSON.stringify([...ids]) }) as [number, string][]).filter((r) => !seen.has(r[0]));
    top = [...top, ...rows].sort((a, b) => (a[1] === b[1] ? b[0] - a[0] : a[1] < b[1] ? 1 : -1)).slice(0, want);
    if (floor === 0) break;
    below = floor;
    // A row below `floor` comes after the page's last when it starts no later: on a tie its lower id sorts after.
    const last = top.length === want ? top[want - 1]! : null;
    const latest = latestBelow.get({ block: (floor - 1) >> BLOCK_SHIFT }) as string | null;
    if (last && (latest === null || latest <= last[1])) break;
    if (read > READ_MOST) return null;
  }
  return top.slice(q.offset).map((r) => r[0]);
}
