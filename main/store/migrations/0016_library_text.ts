import type { Migration } from './migration';

/**
 * The library at a million media (issue 14 item 1): free text through FTS5 with the trigram
 * tokenizer (finds any Chinese or Latin substring of three characters or more, case-insensitively),
 * one index per source so that renaming an officer or retitling a case touches one row, not every
 * media row of theirs. Each index is an external-content table kept in step by triggers, which run
 * inside the transaction of the change: a rolled-back change leaves no index row behind.
 * Media rows are never deleted and their names never change (0002), so their index only inserts.
 */
/**
 * The insert, update and delete triggers that keep external-content FTS index `index` in step with `table`
 * (rowid = `key`). FTS5 forgets a row only when told its old values, hence the 'delete' row before each change.
 */
function syncTriggers(index: string, table: string, key: string, columns: readonly string[]): string {
  const cols = columns.join(', ');
  const values = (row: 'new' | 'old'): string => [key, ...columns].map((c) => `${row}.${c}`).join(', ');
  const add = `INSERT INTO ${index} (rowid, ${cols}) VALUES (${values('new')});`;
  const remove = `INSERT INTO ${index} (${index}, rowid, ${cols}) VALUES ('delete', ${values('old')});`;
  return `
    CREATE TRIGGER ${index}_ins AFTER INSERT ON ${table}
    BEGIN ${add} END;
    CREATE TRIGGER ${index}_upd AFTER UPDATE OF ${cols}, ${key} ON ${table}
    BEGIN
      ${remove}
      ${add}
    END;
    CREATE TRIGGER ${index}_del AFTER DELETE ON ${table}
    BEGIN ${remove} END;`;
}

export const migration0016: Migration = {
  version: 16,
  name: 'library_text',
  up: `
    CREATE VIRTUAL TABLE media_name_text USING fts5(original_name, content='media', content_rowid='id', tokenize='trigram');
    CREATE VIRTUAL TABLE media_note_text USING fts5(text, content='media_notes', content_rowid='media_id', tokenize='trigram');
    CREATE VIRTUAL TABLE case_text USING fts5(number, title, content='cases', content_rowid='id', tokenize='trigram');
    CREATE VIRTUAL TABLE officer_text USING fts5(name, badge_no, content='officers', content_rowid='id', tokenize='trigram');

    CREATE TRIGGER media_name_text_ins AFTER INSERT ON media
    BEGIN INSERT INTO media_name_text (rowid, original_name) VALUES (new.id, new.original_name); END;

${syncTriggers('media_note_text', 'media_notes', 'media_id', ['text'])}
${syncTriggers('case_text', 'cases', 'id', ['number', 'title'])}
${syncTriggers('officer_text', 'officers', 'id', ['name', 'badge_no'])}

    -- The rows that were there before this migration.
    INSERT INTO media_name_text (media_name_text) VALUES ('rebuild');
    INSERT INTO media_note_text (media_note_text) VALUES ('rebuild');
    INSERT INTO case_text (case_text) VALUES ('rebuild');
    INSERT INTO officer_text (officer_text) VALUES ('rebuild');

    -- Keyset paging by duration needs a key that is never NULL (no duration sorts lowest, as before),
    -- followed by the id alone: segments cut at fixed lengths tie on it by the hundred thousand.
    DROP INDEX media_duration;
    CREATE INDEX media_duration_key ON media(ifnull(duration_sec, -1));
    -- Counting by kind or "not key-marked" scanned the whole table (a second at a million media).
    CREATE INDEX media_kind ON media(kind, start_at);
    CREATE INDEX media_key_mark ON media(key_mark, start_at);
  `,
};
