import type { Migration } from './migration';

/**
 * People, recorders, ingest sessions and the originals themselves (rules art. 4, 8, 10, 11).
 * Triggers make the evidentiary columns of `media` impossible to change or delete through SQL
 * issued by the program, whatever a future handler might try.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'ingest',
  up: `
    -- Officers are known by name and badge even when they have no login.
    CREATE TABLE officers (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      badge_no   TEXT NOT NULL UNIQUE COLLATE NOCASE,
      user_id    INTEGER UNIQUE REFERENCES users(id),
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    );

    CREATE TABLE recorders (
      id         INTEGER PRIMARY KEY,
      serial     TEXT NOT NULL UNIQUE COLLATE NOCASE,
      brand      TEXT,
      model      TEXT,
      asset_no   TEXT,
      status     TEXT NOT NULL DEFAULT 'in_service' CHECK (status IN ('in_service', 'repair', 'lost', 'retired')),
      notes      TEXT,
      created_at TEXT NOT NULL
    );

    -- Who wears which recorder, over time ("who wears it is responsible", art. 10).
    CREATE TABLE recorder_assignments (
      id          INTEGER PRIMARY KEY,
      recorder_id INTEGER NOT NULL REFERENCES recorders(id),
      officer_id  INTEGER NOT NULL REFERENCES officers(id),
      from_at     TEXT NOT NULL,
      to_at       TEXT,
      CHECK (to_at IS NULL OR to_at > from_at)
    );
    CREATE INDEX recorder_assignments_recorder ON recorder_assignments(recorder_id, from_at);

    -- An ingest session is the daily handover record (art. 8).
    CREATE TABLE ingest_sessions (
      id              INTEGER PRIMARY KEY,
      started_at      TEXT NOT NULL,
      finished_at     TEXT,
      status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
      received_by     INTEGER NOT NULL REFERENCES users(id),
      handed_over_by  INTEGER REFERENCES officers(id),
      recorder_id     INTEGER REFERENCES recorders(id),
      source_label    TEXT NOT NULL,
      source_kind     TEXT NOT NULL CHECK (source_kind IN ('recorder', 'folder')),
      files_total     INTEGER NOT NULL DEFAULT 0,
      bytes_total     INTEGER NOT NULL DEFAULT 0,
      files_stored    INTEGER NOT NULL DEFAULT 0,
      files_duplicate INTEGER NOT NULL DEFAULT 0,
      files_failed    INTEGER NOT NULL DEFAULT 0,
      bytes_stored    INTEGER NOT NULL DEFAULT 0,
      clock_drift_sec REAL,
      clock_drift_basis TEXT,
      source_cleared  INTEGER NOT NULL DEFAULT 0,
      error           TEXT
    );

    -- A recording: consecutive segments of one recorder, gaps kept (art. 6).
    CREATE TABLE recordings (
      id          INTEGER PRIMARY KEY,
      recorder_id INTEGER REFERENCES recorders(id),
      officer_id  INTEGER REFERENCES officers(id),
      start_at    TEXT NOT NULL,
      end_at      TEXT NOT NULL,
      segments    INTEGER NOT NULL,
      gaps        TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX recordings_start ON recordings(start_at);

    CREATE TABLE media (
      id                INTEGER PRIMARY KEY,
      sha256            TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      size              INTEGER NOT NULL CHECK (size >= 0),
      stored_path       TEXT NOT NULL UNIQUE,
      original_name     TEXT NOT NULL,
      original_path     TEXT NOT NULL,
      kind              TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'photo', 'other')),
      recorder_id       INTEGER REFERENCES recorders(id),
      officer_id        INTEGER REFERENCES officers(id),
      ingest_session_id INTEGER NOT NULL REFERENCES ingest_sessions(id),
      recording_id      INTEGER REFERENCES recordings(id),
      start_at          TEXT NOT NULL,
      end_at            TEXT,
      start_source      TEXT NOT NULL CHECK (start_source IN ('creation_time', 'file_name', 'mtime', 'ingest_time')),
      day               TEXT NOT NULL,
      duration_sec      REAL,
      container         TEXT,
      video_codec       TEXT,
      audio_codec       TEXT,
      width             INTEGER,
      height            INTEGER,
      has_audio         INTEGER NOT NULL CHECK (has_audio IN (0, 1)),
      flags             TEXT NOT NULL DEFAULT '[]',
      classification    TEXT NOT NULL DEFAULT 'normal' CHECK (classification IN ('normal', 'privacy', 'business_secret', 'state_secret')),
      key_mark          INTEGER NOT NULL DEFAULT 0 CHECK (key_mark IN (0, 1)),
      category          TEXT,
      retention_until   TEXT NOT NULL,
      created_at        TEXT NOT NULL
    );
    CREATE INDEX media_day ON media(day);
    CREATE INDEX media_start ON media(start_at);
    CREATE INDEX media_officer ON media(officer_id, start_at);
    CREATE INDEX media_recorder ON media(recorder_id, start_at);
    CREATE INDEX media_recording ON media(recording_id);
    CREATE INDEX media_session ON media(ingest_session_id);

    CREATE TRIGGER media_never_deleted BEFORE DELETE ON media
    BEGIN SELECT RAISE(ABORT, 'originals are never deleted'); END;
    CREATE TRIGGER media_evidence_fixed BEFORE UPDATE OF sha256, size, stored_path, original_name, original_path, ingest_session_id, created_at ON media
    BEGIN SELECT RAISE(ABORT, 'the evidentiary columns of an original never change'); END;

    -- Every file a session met, whatever became of it: stored, a duplicate of an earlier one, or failed.
    CREATE TABLE ingest_items (
      id         INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL REFERENCES ingest_sessions(id),
      rel_path   TEXT NOT NULL,
      size       INTEGER NOT NULL,
      sha256     TEXT,
      outcome    TEXT NOT NULL CHECK (outcome IN ('stored', 'duplicate', 'failed')),
      media_id   INTEGER REFERENCES media(id),
      message    TEXT
    );
    CREATE INDEX ingest_items_session ON ingest_items(session_id);

    CREATE TABLE day_manifests (
      day        TEXT PRIMARY KEY,
      files      INTEGER NOT NULL,
      sha256     TEXT NOT NULL,
      signer_id  INTEGER NOT NULL REFERENCES users(id),
      updated_at TEXT NOT NULL
    );

    CREATE TABLE integrity_checks (
      id          INTEGER PRIMARY KEY,
      started_at  TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      scope       TEXT NOT NULL,
      checked     INTEGER NOT NULL,
      missing     INTEGER NOT NULL,
      changed     INTEGER NOT NULL,
      extra       INTEGER NOT NULL,
      report      TEXT NOT NULL,
      run_by      INTEGER REFERENCES users(id)
    );

    CREATE TABLE weekly_consolidations (
      id             INTEGER PRIMARY KEY,
      week_start     TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      created_by     INTEGER NOT NULL REFERENCES users(id),
      integrity_id   INTEGER REFERENCES integrity_checks(id),
      backup_target  TEXT,
      backup_files   INTEGER NOT NULL DEFAULT 0,
      backup_verified INTEGER NOT NULL DEFAULT 0,
      report_path    TEXT NOT NULL,
      report_sha256  TEXT NOT NULL,
      summary        TEXT NOT NULL
    );

    CREATE TABLE office_settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
