import type { Db } from '../store';
import type { LibraryQuery } from './search';
import { ftsPhrase } from './text-match';

/** Past this many ids read, the walk gives up and the caller gathers the matches as before. */
const READ_MOST = 4_000;
/** A page this deep is left to the caller. */
const DEEPEST = 500;
/** Ids per block of `media_start_bound` (0021). */
const BLOCK_SHIFT = 10;
/** A trigram in more than this share of the rows is no help in finding the text's rows. */
const DENSE = 0.25;
/** Trigrams looked up for candidates: each more costs another posting list to intersect. */
const TRIGRAMS_MOST = 3;
/** Matching cases up to this many have their media gathered whole; more are walked newest first. */
const CASES_GATHERED = 64;

/** Ids of one kind of match, newest first, below an id; every match down to `readTo` is among them (null: every one below). */
type Source = (below: number, n: number) => { ids: number[]; readTo: number | null };

/**
 * The first page of a free text of three characters or more, newest first, without gathering every match: the
 * file names', notes' and cases' matches are read newest id first, a batch at a time, until the page's rows are
 * found and no lower id can start later than its last row (`media_start_bound`, 0021). Null when this does not
 * apply or would read too long: a text that names an officer (their files are walked by the officer index
 * instead), another filter, another sort or order, a cursor or a deep offset; the caller then answers as before.
 */
export function newestTextPage(db: Db, q: LibraryQuery & { text: string }, alone: boolean): number[] | null {
  const want = q.offset + q.limit;
  if ([...q.text].length < 3 || !alone || q.sort !== 'startAt' || q.order !== 'desc' || q.after || want > DEEPEST) return null;
  const fts = ftsPhrase(q.text);
  if (db.prepare('SELECT 1 FROM officer_text WHERE officer_text MATCH ? LIMIT 1').get(fts)) return null;
  const sources = [
    textSource(db, 'media_name_text', 'SELECT m.id, m.original_name FROM json_each(:ids) p JOIN media m ON m.id = p.value', q.text, fts),
    textSource(db, 'media_note_text', 'SELECT n.media_id, n.text FROM json_each(:ids) p JOIN media_notes n ON n.media_id = p.value', q.text, fts),
    caseSource(db, fts),
  ];
  const startOf = db.prepare('SELECT m.id, m.start_at FROM json_each(:ids) p JOIN media m ON m.id = p.value').raw();
  const latestBelow = db.prepare('SELECT max(max_start) FROM media_start_bound WHERE block <= :block').pluck();

  // The page so far, in the library's order (start, then id, both descending), at most `want` rows.
  let top: [number, string][] = [];
  let below = Number.MAX_SAFE_INTEGER;
  let read = 0;
  for (let n = 2 * want; ; n *= 2) {
    // Every match at or above `floor` is known: each source is complete down to the lowest id it read.
    let floor = 0;
    const batches = sources.map((s) => s(below, n));
    for (const b of batches) if (b.readTo !== null) floor = Math.max(floor, b.readTo);
    const ids = new Set<number>();
    for (const b of batches) for (const id of b.ids) if (id >= floor) ids.add(id);
    read += n;
    const rows = startOf.all({ ids: JSON.stringify([...ids]) }) as [number, string][];
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

/**
 * Matches of the text in one trigram index. Read as a phrase, FTS5 checks the positions of every trigram in every
 * row holding them all: a file-name piece such as `007304_2025` shares `007` and `_20` with every name, and its
 * 200 newest matches took 25–55 ms at a million media. So the rows holding the text's rarer trigrams are read
 * (1–4 ms), and the phrase is tested on those rows' texts.
 */
function textSource(db: Db, table: 'media_name_text' | 'media_note_text', contentOf: string, text: string, fts: string): Source {
  const rare = rareTrigrams(db, table, text);
  const read = db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH :match AND rowid < :below ORDER BY rowid DESC LIMIT :n`).pluck();
  const match = rare.length ? rare.map(ftsPhrase).join(' AND ') : fts;
  return (below, n) => {
    const got = read.all({ match, below, n }) as number[];
    const readTo = got.length === n ? got[n - 1]! : null;
    return { ids: rare.length ? phraseAmong(db, contentOf, got, text, fts) : got, readTo };
  };
}

/** Of these rows' texts, those holding the phrase, newest first. */
function phraseAmong(db: Db, contentOf: string, ids: number[], text: string, fts: string): number[] {
  if (!ids.length) return [];
  const rows = db.prepare(contentOf).raw().all({ ids: JSON.stringify(ids) }) as [number, string][];
  const plain = foldsAsSqlite(text);
  const needle = text.toLowerCase();
  const found: number[] = [];
  const odd: [number, string][] = [];
  for (const [id, content] of rows) {
    if (plain && foldsAsSqlite(content)) {
      if (content.toLowerCase().includes(needle)) found.push(id);
    } else odd.push([id, content]);
  }
  // Text in a cased script beyond ASCII: the tokenizer's own folding decides, in a scratch index (35 µs a row).
  if (odd.length) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_candidates USING fts5(text, tokenize='trigram'); DELETE FROM temp.text_candidates");
    const put = db.prepare('INSERT INTO temp.text_candidates(rowid, text) VALUES (?, ?)');
    for (const row of odd) put.run(...row);
    found.push(...(db.prepare('SELECT rowid FROM temp.text_candidates WHERE text_candidates MATCH ?').pluck().all(fts) as number[]));
  }
  return found.sort((a, b) => b - a);
}

/**
 * Whether every character is one whose case FTS5's trigram tokenizer folds as `toLowerCase` does: ASCII, and the
 * caseless blocks Chinese text is written in (CJK, kana, Hangul, general and full-width punctuation, full-width
 * Latin). Beyond them the two differ on 460 code points (ς, µ, Cherokee…); `fold.test.ts` pins the equality.
 */
export function foldsAsSqlite(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (!(c < 0x80 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ffff))) return false;
  }
  return true;
}

/** Rows sampled for a trigram's share: its 100th row counted from the oldest. */
const SAMPLE = 100;
const shares = new WeakMap<Db, Map<string, number>>();

/**
 * The text's trigrams rarer than `DENSE`, rarest first, at most `TRIGRAMS_MOST`; none when all are dense (then the
 * phrase itself finds matches fast, being in most rows). A trigram's share is guessed from where its 100th row lies,
 * kept per connection: it costs a fraction of a millisecond, and typing a text asks for the same trigrams again.
 */
function rareTrigrams(db: Db, table: string, text: string): string[] {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  const known = shares.get(db) ?? new Map<string, number>();
  shares.set(db, known);
  const probe = db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid LIMIT 1 OFFSET ${SAMPLE - 1}`).pluck();
  const share = (gram: string) => {
    const key = `${table}\u0000${gram}`;
    let s = known.get(key);
    if (s === undefined) {
      const at = probe.get(ftsPhrase(gram)) as number | undefined;
      s = at === undefined ? 0 : SAMPLE / at;
      known.set(key, s);
    }
    return s;
  };
  return [...grams]
    .map((g) => [g, share(g)] as const)
    .filter(([, s]) => s < DENSE)
    .sort((a, b) => a[1] - b[1])
    .slice(0, TRIGRAMS_MOST)
    .map(([g]) => g);
}

/**
 * Media of the cases whose number or title holds the text. A few cases' media are gathered whole; a common title
 * word (殴打他人: 1 265 cases, 5 765 media at a million) is walked down the case items' media index instead.
 */
function caseSource(db: Db, fts: string): Source {
  const cases = db.prepare('SELECT rowid FROM case_text WHERE case_text MATCH ?').pluck().all(fts) as number[];
  const json = JSON.stringify(cases);
  if (cases.length <= CASES_GATHERED) {
    const all = db.prepare('SELECT DISTINCT media_id FROM case_items WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY media_id DESC').pluck().all(json) as number[];
    return (below, n) => ({ ids: all.filter((id) => id < below).slice(0, n), readTo: null });
  }
  const walk = db.prepare(
    `SELECT DISTINCT media_id FROM case_items INDEXED BY case_items_media WHERE media_id < :below AND case_id IN (SELECT value FROM json_each(:cases))
     ORDER BY media_id DESC LIMIT :n`,
  ).pluck();
  return (below, n) => {
    const ids = walk.all({ below, n, cases: json }) as number[];
    return { ids, readTo: ids.length === n ? ids[n - 1]! : null };
  };
}
