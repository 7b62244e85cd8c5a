import type { Migration } from './migration';

/**
 * 多机位同步 (issue 15 item 1): a hand correction of one camera's start on the shared wall-clock axis, on top of
 * the clock drift its recorder showed at docking. Each correction is a new row (who, when, value, reason); the
 * latest row of a recording is the one in force. Rows are never changed or deleted: the history is the record.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'multicam',
  up: `
    CREATE TABLE multicam_adjustments (
      id           INTEGER PRIMARY KEY,
      recording_id INTEGER NOT NULL REFERENCES recordings(id),
      seconds      REAL NOT NULL CHECK (abs(seconds) <= 3600),
      reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      set_by       INTEGER NOT NULL REFERENCES users(id),
      set_at       TEXT NOT NULL
    );
    CREATE INDEX multicam_adjustments_recording ON multicam_adjustments(recording_id, id);
    CREATE TRIGGER multicam_adjustments_never_deleted BEFORE DELETE ON multicam_adjustments
    BEGIN SELECT RAISE(ABORT, 'offset corrections are never deleted'); END;
    CREATE TRIGGER multicam_adjustments_fixed BEFORE UPDATE ON multicam_adjustments
    BEGIN SELECT RAISE(ABORT, 'an offset correction never changes'); END;
  `,
};
