import type { Migration } from './migration';

/**
 * The chief's daily check (日常检查, rules art. 15): his mark on each finding of a day, the corrections he orders
 * (who does what by when, closed with what was done) and his signature over the day's check. Findings themselves are
 * computed from the records each time; a mark names its finding by a stable key. A signed day is not marked again;
 * a correction is closed, never deleted; a signature never changes.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'supervision',
  up: `
    CREATE TABLE supervision_marks (
      day         TEXT NOT NULL,
      finding_key TEXT NOT NULL,
      verdict     TEXT NOT NULL CHECK (verdict IN ('normal', 'needs_correction')),
      note        TEXT NOT NULL DEFAULT '',
      marked_by   INTEGER NOT NULL REFERENCES users(id),
      marked_at   TEXT NOT NULL,
      PRIMARY KEY (day, finding_key)
    ) WITHOUT ROWID;

    CREATE TABLE supervision_corrections (
      id           INTEGER PRIMARY KEY,
      day          TEXT NOT NULL,
      finding_key  TEXT NOT NULL,
      article      TEXT NOT NULL,
      finding      TEXT NOT NULL,
      assignee     TEXT NOT NULL CHECK (length(trim(assignee)) > 0),
      action       TEXT NOT NULL CHECK (length(trim(action)) > 0),
      due_day      TEXT NOT NULL,
      opened_by    INTEGER NOT NULL REFERENCES users(id),
      opened_at    TEXT NOT NULL,
      closed_by    INTEGER REFERENCES users(id),
      closed_at    TEXT,
      outcome      TEXT,
      CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
      CHECK ((closed_at IS NULL) = (outcome IS NULL))
    );
    CREATE INDEX supervision_corrections_open ON supervision_corrections(closed_at, due_day);
    CREATE INDEX supervision_corrections_day ON supervision_corrections(day, finding_key);
    CREATE TRIGGER supervision_corrections_never_deleted BEFORE DELETE ON supervision_corrections
    BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;
    CREATE TRIGGER supervision_corrections_fixed BEFORE UPDATE OF day, finding_key, article, finding, assignee, action, due_day, opened_by, opened_at ON supervision_corrections
    BEGIN SELECT RAISE(ABORT, 'what a correction ordered never changes'); END;
    CREATE TRIGGER supervision_corrections_closed_once BEFORE UPDATE ON supervision_corrections
    WHEN OLD.closed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a closed correction never changes'); END;

    CREATE TABLE supervision_signatures (
      id             INTEGER PRIMARY KEY,
      day            TEXT NOT NULL UNIQUE,
      content        TEXT NOT NULL,
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      signature      BLOB NOT NULL,
      cert_serial    TEXT NOT NULL,
      user_id        INTEGER NOT NULL REFERENCES users(id),
      signed_at      TEXT NOT NULL
    );
    CREATE TRIGGER supervision_signatures_fixed BEFORE UPDATE ON supervision_signatures
    BEGIN SELECT RAISE(ABORT, 'a signed daily check never changes'); END;
    CREATE TRIGGER supervision_signatures_never_deleted BEFORE DELETE ON supervision_signatures
    BEGIN SELECT RAISE(ABORT, 'a signed daily check is never deleted'); END;
    CREATE TRIGGER supervision_marks_signed BEFORE UPDATE ON supervision_marks
    WHEN EXISTS (SELECT 1 FROM supervision_signatures s WHERE s.day = OLD.day)
    BEGIN SELECT RAISE(ABORT, 'the marks of a signed day never change'); END;
    CREATE TRIGGER supervision_marks_signed_insert BEFORE INSERT ON supervision_marks
    WHEN EXISTS (SELECT 1 FROM supervision_signatures s WHERE s.day = NEW.day)
    BEGIN SELECT RAISE(ABORT, 'a signed day takes no new marks'); END;
    CREATE TRIGGER supervision_marks_never_deleted BEFORE DELETE ON supervision_marks
    BEGIN SELECT RAISE(ABORT, 'marks are never deleted'); END;
  `,
};
