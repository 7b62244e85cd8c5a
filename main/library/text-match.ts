import type { Db } from '../store';
import { cachedCount } from './count-cache';

/**
 * Free text of the library: file names, notes, case numbers and titles, officer names and badges.
 * Three characters or more go through the FTS5 trigram indexes of migration 0014 (any substring,
 * Chinese or Latin, case-insensitive). Trigrams cannot find one or two characters, so a shorter text
 * (a two-character name such as 张三, a surname) is looked for with LIKE in the small tables only
 * (officers, cases, notes); file names are left out there, since a one- or two-character piece of
 * a recorder's file name (a digit, "MP") matches most of the archive and would scan a million names.
 */
export function textMatch(db: Db, text: string, params: Record<string, unknown>, opts: { gather?: boolean } = {}): string {
  const long = [...text].length >= 3;
  let others: string;
  let officers: number[];
  if (long) {
    // One quoted phrase: the text is taken literally, never as FTS5 query syntax.
    params.fts = `"${text.replaceAll('"', '""')}"`;
    others = `SELECT rowid FROM media_name_text WHERE media_name_text MATCH :fts
      UNION SELECT rowid FROM media_note_text WHERE media_note_text MATCH :fts
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT rowid FROM case_text WHERE case_text MATCH :fts)`;
    officers = db.prepare('SELECT rowid FROM officer_text WHERE officer_text MATCH ?').pluck().all(params.fts) as number[];
  } else {
    params.like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) => `${column} LIKE :like ESCAPE '\\'`;
    others = `SELECT media_id FROM media_notes WHERE ${like('text')}
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT id FROM cases WHERE ${like('number')} OR ${like('title')})`;
    officers = db.prepare(`SELECT id FROM officers WHERE ${like('name')} OR ${like('badge_no')}`).pluck().all({ like: params.like }) as number[];
  }
  if (!officers.length) return `m.id IN (${others})`;
  params.textOfficers = JSON.stringify(officers);
  // An officer's footage is tens of thousands of rows: gathering them into a set and sorting it costs
  // far more than walking the sort order until a page is found, which a share of 1 % or more keeps short.
  // A sparse match is gathered: walking the whole order for it would read every media row. So is any
  // match asked for as a set (`gather`: text-pages.ts keeps it in sort order).
  const theirs = cachedCount(db, 'SELECT COUNT(*) FROM media WHERE officer_id IN (SELECT value FROM json_each(:o))', { o: params.textOfficers });
  // Media rows are never deleted (0002), so the largest id is their number: no count of a million rows after each change.
  const dense = !opts.gather && theirs * 100 >= ((db.prepare('SELECT max(id) FROM media').pluck().get() as number | null) ?? 0);
  return dense
    ? `(m.id IN (${others}) OR m.officer_id IN (SELECT value FROM json_each(:textOfficers)))`
    : `m.id IN (${others} UNION SELECT mo.id FROM media mo WHERE mo.officer_id IN (SELECT value FROM json_each(:textOfficers)))`;
}
