import type { Migration } from './migration';

/**
 * The library at a million media (issue 14 item 1): free text through FTS5 with the trigram
 * tokenizer (finds any Chinese or Latin substring of three characters or more, case-insensitively),
 * one index per source so that renaming an officer or retitling a case touches one row, not every
 * media row of theirs. Each index is an external-content table kept in step by triggers, which run
 * inside the transaction of the change: a rolled-back change leaves no index row behind.
 * Media rows are never deleted and their names never change (0002), so their index only inserts.
 */
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

    CREATE TRIGGER media_note_text_ins AFTER INSERT ON media_notes
    BEGIN INSERT INTO media_note_text (rowid, text) VALUES (new.media_id, new.text); END;
    CREATE TRIGGER media_note_text_upd AFTER UPDATE OF text, media_id ON media_notes
    BEGIN
      INSERT INTO media_note_text (media_note_text, rowid, text) VALUES ('delete', old.media_id, old.text);
      INSERT INTO media_note_text (rowid, text) VALUES (new.media_id, new.text);
    END;
    CREATE TRIGGER media_note_text_del AFTER DELETE ON media_notes
    BEGIN INSERT INTO media_note_text (media_note_text, rowid, text) VALUES ('delete', old.media_id, old.text); END;

    CREATE TRIGGER case_text_ins AFTER INSERT ON cases
    BEGIN INSERT INTO case_text (rowid, number, title) VALUES (new.id, new.number, new.title); END;
    CREATE TRIGGER case_text_upd AFTER UPDATE OF number, title, id ON cases
    BEGIN
      INSERT INTO case_text (case_text, rowid, number, title) VALUES ('delete', old.id, old.number, old.title);
      INSERT INTO case_text (rowid, number, title) VALUES (new.id, new.number, new.title);
    END;
    CREATE TRIGGER case_text_del AFTER DELETE ON cases
    BEGIN INSERT INTO case_text (case_text, rowid, number, title) VALUES ('delete', old.id, old.number, old.title); END;

    CREATE TRIGGER officer_text_ins AFTER INSERT ON officers
    BEGIN INSERT INTO officer_text (rowid, name, badge_no) VALUES (new.id, new.name, new.badge_no); END;
    CREATE TRIGGER officer_text_upd AFTER UPDATE OF name, badge_no, id ON officers
    BEGIN
      INSERT INTO officer_text (officer_text, rowid, name, badge_no) VALUES ('delete', old.id, old.name, old.badge_no);
      INSERT INTO officer_text (rowid, name, badge_no) VALUES (new.id, new.name, new.badge_no);
    END;
    CREATE TRIGGER officer_text_del AFTER DELETE ON officers
    BEGIN INSERT INTO officer_text (officer_text, rowid, name, badge_no) VALUES ('delete', old.id, old.name, old.badge_no); END;

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
