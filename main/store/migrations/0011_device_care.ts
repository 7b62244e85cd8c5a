import type { Migration } from './migration';

/**
 * Issue 12 item 3, device care (rules art. 4, 7, 9, 10): the keeper designated for the devices, the pre-use check
 * of each recorder per office day, repairs, and loss or damage with the scanned statements. Rows are kept for the
 * recorder's history; a lost recorder leaves service but none of its records leave the store.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'device_care',
  up: `
    -- The person who keeps and maintains the recorders (art. 7), designated by the chief; one at a time.
    CREATE TABLE device_keepers (
      id            INTEGER PRIMARY KEY,
      user_id       INTEGER NOT NULL REFERENCES users(id),
      from_at       TEXT NOT NULL,
      to_at         TEXT,
      designated_by INTEGER NOT NULL REFERENCES users(id),
      note          TEXT,
      CHECK (to_at IS NULL OR to_at >= from_at)
    );
    CREATE UNIQUE INDEX device_keepers_current ON device_keepers(to_at IS NULL) WHERE to_at IS NULL;

    -- Pre-use check (art. 4): no fault, battery, free storage, clock set to Beijing time; one per recorder per office day.
    CREATE TABLE recorder_checks (
      id          INTEGER PRIMARY KEY,
      recorder_id INTEGER NOT NULL REFERENCES recorders(id),
      day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      no_fault    INTEGER NOT NULL CHECK (no_fault IN (0, 1)),
      battery_ok  INTEGER NOT NULL CHECK (battery_ok IN (0, 1)),
      storage_ok  INTEGER NOT NULL CHECK (storage_ok IN (0, 1)),
      clock_ok    INTEGER NOT NULL CHECK (clock_ok IN (0, 1)),
      note        TEXT,
      checked_at  TEXT NOT NULL,
      checked_by  INTEGER NOT NULL REFERENCES users(id),
      UNIQUE (recorder_id, day)
    );
    CREATE INDEX recorder_checks_day ON recorder_checks(day);

    -- Repairs (art. 9): sent by whom, with what fault, to whom; returned with a result.
    CREATE TABLE recorder_repairs (
      id          INTEGER PRIMARY KEY,
      recorder_id INTEGER NOT NULL REFERENCES recorders(id),
      sent_at     TEXT NOT NULL,
      sent_by     INTEGER NOT NULL REFERENCES users(id),
      fault       TEXT NOT NULL,
      repairer    TEXT,
      returned_at TEXT,
      returned_by INTEGER REFERENCES users(id),
      result      TEXT CHECK (result IN ('repaired', 'unrepairable')),
      result_note TEXT,
      CHECK ((returned_at IS NULL) = (result IS NULL)),
      CHECK (returned_at IS NULL OR returned_at >= sent_at)
    );
    CREATE UNIQUE INDEX recorder_repairs_open ON recorder_repairs(recorder_id) WHERE returned_at IS NULL;

    -- Loss and damage (art. 10): who wore it then, what happened, the chief's decision on compensation.
    CREATE TABLE recorder_incidents (
      id           INTEGER PRIMARY KEY,
      recorder_id  INTEGER NOT NULL REFERENCES recorders(id),
      kind         TEXT NOT NULL CHECK (kind IN ('lost', 'damaged')),
      occurred_at  TEXT NOT NULL,
      officer_id   INTEGER REFERENCES officers(id),
      description  TEXT NOT NULL,
      reported_at  TEXT NOT NULL,
      reported_by  INTEGER NOT NULL REFERENCES users(id),
      decision     TEXT CHECK (decision IN ('no_compensation', 'compensate', 'full_price')),
      decision_note TEXT,
      decided_at   TEXT,
      decided_by   INTEGER REFERENCES users(id),
      CHECK ((decision IS NULL) = (decided_at IS NULL))
    );
    CREATE INDEX recorder_incidents_recorder ON recorder_incidents(recorder_id, occurred_at);

    -- Scanned statements: bytes in the archive's forms/ folder, read-only, identified by their SHA-256.
    CREATE TABLE recorder_incident_files (
      id           INTEGER PRIMARY KEY,
      incident_id  INTEGER NOT NULL REFERENCES recorder_incidents(id),
      file_name    TEXT NOT NULL UNIQUE,
      sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
      size         INTEGER NOT NULL CHECK (size > 0),
      type         TEXT NOT NULL CHECK (type IN ('pdf', 'jpg', 'png')),
      uploaded_name TEXT NOT NULL,
      added_at     TEXT NOT NULL,
      added_by     INTEGER NOT NULL REFERENCES users(id)
    );

    -- The history stays: care records are never deleted, and a statement's bytes and hash never change.
    CREATE TRIGGER recorder_checks_no_delete BEFORE DELETE ON recorder_checks BEGIN SELECT RAISE(ABORT, 'recorder checks are kept'); END;
    CREATE TRIGGER recorder_repairs_no_delete BEFORE DELETE ON recorder_repairs BEGIN SELECT RAISE(ABORT, 'repairs are kept'); END;
    CREATE TRIGGER recorder_incidents_no_delete BEFORE DELETE ON recorder_incidents BEGIN SELECT RAISE(ABORT, 'incidents are kept'); END;
    CREATE TRIGGER recorder_incident_files_no_delete BEFORE DELETE ON recorder_incident_files BEGIN SELECT RAISE(ABORT, 'statements are kept'); END;
    CREATE TRIGGER recorder_incident_files_no_update BEFORE UPDATE ON recorder_incident_files BEGIN SELECT RAISE(ABORT, 'statements are read-only'); END;
    CREATE TRIGGER device_keepers_no_delete BEFORE DELETE ON device_keepers BEGIN SELECT RAISE(ABORT, 'keeper designations are kept'); END;
  `,
};
