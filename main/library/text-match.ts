/**
 * Free text of the library: file names, notes, case numbers and titles, officer names and badges.
 * Three characters or more go through the FTS5 trigram indexes of migration 0014 (any substring,
 * Chinese or Latin, case-insensitive). Trigrams cannot find one or two characters, so a shorter text
 * (a two-character name such as 张三, a surname) is looked for with LIKE in the small tables only
 * (officers, cases, notes); file names are left out there, since a one- or two-character piece of
 * a recorder's file name (a digit, "MP") matches most of the archive and would scan a million names.
 */
export function textMatch(text: string, params: Record<string, unknown>): string {
  if ([...text].length >= 3) {
    // One quoted phrase: the text is taken literally, never as FTS5 query syntax.
    params.fts = `"${text.replaceAll('"', '""')}"`;
    return `m.id IN (
      SELECT rowid FROM media_name_text WHERE media_name_text MATCH :fts
      UNION SELECT rowid FROM media_note_text WHERE media_note_text MATCH :fts
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT rowid FROM case_text WHERE case_text MATCH :fts)
      UNION SELECT mo.id FROM media mo WHERE mo.officer_id IN (SELECT rowid FROM officer_text WHERE officer_text MATCH :fts))`;
  }
  params.like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (column: string) => `${column} LIKE :like ESCAPE '\\'`;
  return `m.id IN (
      SELECT media_id FROM media_notes WHERE ${like('text')}
      UNION SELECT ci.media_id FROM case_items ci WHERE ci.case_id IN (SELECT id FROM cases WHERE ${like('number')} OR ${like('title')})
      UNION SELECT mo.id FROM media mo WHERE mo.officer_id IN (SELECT id FROM officers WHERE ${like('name')} OR ${like('badge_no')}))`;
}
