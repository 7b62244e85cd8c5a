import type { Migration } from './migration';

/**
 * The latest start among each block of 1 024 media ids, kept by triggers (issue 14 item 1). Ids rise with ingest,
 * so a new free text's first page can read its matches newest id first and stop once no lower id can start later
 * (`text-newest.ts`) instead of gathering every match. A start is only ever raised here: a bound that is too high
 * costs a longer read, never a missed row.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'media_start_bound',
  up: `
    CREATE TABLE media_start_bound (
      block     INTEGER PRIMARY KEY,
      max_start TEXT NOT NULL
    );
    INSERT INTO media_start_bound (block, max_start) SELECT id >> 10, max(start_at) FROM media GROUP BY id >> 10;
    CREATE TRIGGER media_start_bound_ins AFTER INSERT ON media
    BEGIN
      INSERT INTO media_start_bound (block, max_start) VALUES (new.id >> 10, new.start_at)
        ON CONFLICT (block) DO UPDATE SET max_start = max(max_start, excluded.max_start);
    END;
    CREATE TRIGGER media_start_bound_upd AFTER UPDATE OF start_at, id ON media
    BEGIN
      INSERT INTO media_start_bound (block, max_start) VALUES (new.id >> 10, new.start_at)
        ON CONFLICT (block) DO UPDATE SET max_start = max(max_start, excluded.max_start);
    END;
  `,
};
