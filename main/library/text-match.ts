import type { Db } from '../store';
import { cachedCount } from './count-cache';

/**
 * Free text of the library: file names, notes, case numbers and titles, officer names and badges.
 * Three characters or more go through the FTS5 trigram indexes of migration 0014 (any substring,
 * Chinese or Latin, case-insensitive). Trigrams cannot find one or two characters, so a shorter text
 * (a two-character name such as 张三, a surname) is looked for with LIKE in the small tables only
 * (officers, cases, notes); file names are left out there, since a one- or two-character piece of
 * a recorder's file name (a digit, "MP") matches most of the archive and would scan a million names.
 * A short text is tested row by row instead of gathered when other filters pick few rows (`perRow`: one
 * officer's files) or it names an officer with many: gathering every note with the text (a word in one
 * note of ten: 100 000 notes read at a million media) costs more than looking up the walked rows' notes.
 */
export function textMatch(db: Db, text: string, params: Record<string, unknown>, opts: { gather?: boolean; perRow?: boolean } = {}): string {
  const long = [...text].length >= 3;
  let others: string;
  let officers: number[];
  const like = (column: string) => `${column} LIKE :like ESCAPE '\\'`;
  if (long) {
    params.fts = ftsPhrase(text);
    others = `SELECT rowid FROM media_name_text WHERE media_name_text MATCH :fts
      UNION SELECT rowid FROM media_note_text WHERE media_note_text MATCH :fts
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT rowid FROM case_text WHERE case_text MATCH :fts)`;
    officers = db.prepare('SELECT rowid FROM officer_text WHERE officer_text MATCH ?').pluck().all(params.fts) as number[];
  } else {
    params.like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    others = `SELECT media_id FROM media_notes WHERE ${like('text')}
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT id FROM cases WHERE ${like('number')} OR ${like('title')})`;
    officers = db.prepare(`SELECT id FROM officers WHERE ${like('name')} OR ${like('badge_no')}`).pluck().all({ like: params.like }) as number[];
  }
  if (officers.length) params.textOfficers = JSON.stringify(officers);
  // An officer's footage is tens of thousands of rows: gathering them into a set and sorting it costs
  // far more than walking the sort order until a page is found, which a share of 1 % or more keeps short.
  // A sparse match is gathered: walking the whole order for it would read every media row. So is any
  // match asked for as a set (`gather`: a count, text-pages.ts' list in sort order).
  const dense = !opts.gather && officers.length > 0 && officerShare(db, params.textOfficers as string) >= 0.01;
  if (!long && !opts.gather && (opts.perRow || dense)) {
    const tests = [
      `EXISTS (SELECT 1 FROM media_notes n WHERE n.media_id = m.id AND ${like('n.text')})`,
      `m.id IN (SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT id FROM cases WHERE ${like('number')} OR ${like('title')}))`,
    ];
    if (officers.length) tests.push('m.officer_id IN (SELECT value FROM json_each(:textOfficers))');
    return `(${tests.join(' OR ')})`;
  }
  if (!officers.length) return `m.id IN (${others})`;
  return dense
    ? `(m.id IN (${others}) OR m.officer_id IN (SELECT value FROM json_each(:textOfficers)))`
    : `m.id IN (${others} UNION SELECT mo.id FROM media mo WHERE mo.officer_id IN (SELECT value FROM json_each(:textOfficers)))`;
}

/** The share of all media that these officers' files are. */
function officerShare(db: Db, officers: string): number {
  const theirs = cachedCount(db, 'SELECT COUNT(*) FROM media WHERE officer_id IN (SELECT value FROM json_each(:o))', { o: officers });
  // Media rows are never deleted (0002), so the largest id is their number: no count of a million rows after each change.
  return theirs / Math.max(1, (db.prepare('SELECT max(id) FROM media').pluck().get() as number | null) ?? 0);
}

/** The text as one quoted FTS5 phrase: taken literally, never as FTS5 query syntax. */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
