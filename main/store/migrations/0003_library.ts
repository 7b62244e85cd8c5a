import type { Migration } from './migration';

/**
 * Library and playback (issue 4): the viewing register, notes, bookmarks, cases, and the indexes
 * that keep every library filter fast at 100 000 media. Nothing here touches an original: all of it
 * is metadata beside the `media` row, and `media`'s evidentiary columns stay fixed by 0002's triggers.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'library',
  up: `
    -- One filter, one index; each ends in start_at so the default sort needs no extra step.
    CREATE INDEX media_category ON media(category, start_at);
    CREATE INDEX media_classification ON media(classification, start_at);
    CREATE INDEX media_key_marked ON media(start_at) WHERE key_mark = 1;
    -- Most media carry no flag; the flagged few are found (and their flags read) from this partial index.
    CREATE INDEX media_flagged ON media(start_at, flags) WHERE flags <> '[]';
    -- Sort keys carry start_at so "a date range, by size" is answered from the index alone.
    CREATE INDEX media_size ON media(size, start_at);
    CREATE INDEX media_duration ON media(duration_sec, start_at);
    -- Free text scans this narrow index instead of the wide media rows.
    CREATE INDEX media_name ON media(original_name, start_at);

    -- 查阅登记 (rules art. 14): one row per viewing session, not per HTTP request.
    -- request_type / reason / approver_id / grant_id are filled once the access issue brings grants.
    CREATE TABLE viewings (
      id           INTEGER PRIMARY KEY,
      user_id      INTEGER NOT NULL REFERENCES users(id),
      media_id     INTEGER NOT NULL REFERENCES media(id),
      recording_id INTEGER,
      started_at   TEXT NOT NULL,
      last_at      TEXT NOT NULL,
      basis        TEXT NOT NULL,
      request_type TEXT,
      reason       TEXT,
      approver_id  INTEGER REFERENCES users(id),
      grant_id     INTEGER,
      CHECK (last_at >= started_at)
    );
    CREATE INDEX viewings_user_media ON viewings(user_id, media_id, last_at);
    CREATE INDEX viewings_started ON viewings(started_at);
    CREATE INDEX viewings_media ON viewings(media_id);
    CREATE TRIGGER viewings_never_deleted BEFORE DELETE ON viewings
    BEGIN SELECT RAISE(ABORT, 'the viewing register is never deleted'); END;

    -- The current note of a media item; earlier texts live in the audit log (old and new value).
    CREATE TABLE media_notes (
      media_id   INTEGER PRIMARY KEY REFERENCES media(id),
      text       TEXT NOT NULL,
      updated_by INTEGER NOT NULL REFERENCES users(id),
      updated_at TEXT NOT NULL
    );

    CREATE TABLE bookmarks (
      id         INTEGER PRIMARY KEY,
      media_id   INTEGER NOT NULL REFERENCES media(id),
      offset_sec REAL NOT NULL CHECK (offset_sec >= 0),
      label      TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    );
    CREATE INDEX bookmarks_media ON bookmarks(media_id, offset_sec);

    -- 案件. A case that is open holds its media beyond their own retention date (art. 11(3)).
    CREATE TABLE cases (
      id                 INTEGER PRIMARY KEY,
      number             TEXT NOT NULL UNIQUE COLLATE NOCASE,
      title              TEXT NOT NULL,
      handler_officer_id INTEGER REFERENCES officers(id),
      description        TEXT NOT NULL DEFAULT '',
      classification     TEXT NOT NULL DEFAULT 'normal' CHECK (classification IN ('normal', 'privacy', 'business_secret', 'state_secret')),
      status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at          TEXT,
      created_by         INTEGER NOT NULL REFERENCES users(id),
      created_at         TEXT NOT NULL,
      CHECK ((status = 'open') = (closed_at IS NULL))
    );
    CREATE INDEX cases_created ON cases(created_at);

    CREATE TABLE case_items (
      case_id  INTEGER NOT NULL REFERENCES cases(id),
      media_id INTEGER NOT NULL REFERENCES media(id),
      added_by INTEGER NOT NULL REFERENCES users(id),
      added_at TEXT NOT NULL,
      PRIMARY KEY (case_id, media_id)
    ) WITHOUT ROWID;
    CREATE INDEX case_items_media ON case_items(media_id, case_id);

    -- Retention as it applies today, never stored: a media item in an open case is held
    -- (held_by_case = 1, no end date); after its cases close it is kept at least until the last
    -- closing date. Disposal (a later issue) must read this view, not media.retention_until.
    CREATE VIEW media_retention AS
    SELECT m.id AS media_id,
           m.retention_until AS own_until,
           EXISTS (SELECT 1 FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = m.id AND c.status = 'open') AS held_by_case,
           (SELECT max(c.closed_at) FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = m.id) AS last_case_closed_at
    FROM media m;
  `,
};
