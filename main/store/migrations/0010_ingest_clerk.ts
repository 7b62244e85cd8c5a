import type { Migration } from './migration';

/**
 * Issue 11 (a clerk's first week): the recorder's info file is kept with its ingest session as a record of
 * the docking (not as footage), and each original says which rule gave its start time (see decideStartTime).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'ingest_clerk',
  up: `
    ALTER TABLE ingest_sessions ADD COLUMN recorder_info TEXT;
    ALTER TABLE media ADD COLUMN start_rule TEXT;
  `,
};
