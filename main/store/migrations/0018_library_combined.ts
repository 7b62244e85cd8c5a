import type { Migration } from './migration';

/**
 * Combined library filters at a million media (issue 14 item 1). Each index lets one combination seek
 * its rows already in the page's order instead of walking a sort index past tens of thousands of rows
 * that fail the other filters (photos and audio come first by size), or sorting a whole filter's rows.
 * Index order is the sort key then the rowid, exactly the library's `ORDER BY key, id`.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'library_combined',
  up: `
    -- One recorder's files by size (a recorder holds 5 % of the archive).
    CREATE INDEX media_recorder_size ON media(recorder_id, size);
    -- A category and a kind together by size.
    CREATE INDEX media_category_kind_size ON media(category, kind, size);
    -- Flagged files are few (4 %): one classification of them, by duration, read from the index alone.
    CREATE INDEX media_flagged_class ON media(classification, ifnull(duration_sec, -1), flags) WHERE flags <> '[]';
  `,
};
