import type { Migration } from './migration';

/**
 * Retention (rules art. 11(3), issue 12 item 4): holds, disposal requests and the disposed mark on an original.
 * An original's bytes leave the archive only by an executed disposal: the triggers refuse marking a media row
 * disposed unless an executed disposal record (approved by one person, carried out by another, its signed record
 * stored) lists that very file with its hash, and refuse it for case-linked, held or classified footage.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'retention',
  up: `
    -- A hold keeps footage indefinitely: an investigation, or a hold the chief sets with a reason (art. 11(3)).
    CREATE TABLE retention_holds (
      id             INTEGER PRIMARY KEY,
      media_id       INTEGER NOT NULL REFERENCES media(id),
      kind           TEXT NOT NULL CHECK (kind IN ('investigation', 'chief')),
      reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      set_by         INTEGER NOT NULL REFERENCES users(id),
      set_at         TEXT NOT NULL,
      released_by    INTEGER REFERENCES users(id),
      released_at    TEXT,
      release_reason TEXT,
      CHECK ((released_at IS NULL) = (released_by IS NULL)),
      CHECK ((released_at IS NULL) = (release_reason IS NULL)),
      CHECK (release_reason IS NULL OR length(trim(release_reason)) > 0)
    );
    CREATE INDEX retention_holds_media ON retention_holds(media_id, released_at);

    CREATE TRIGGER retention_holds_never_deleted BEFORE DELETE ON retention_holds
    BEGIN SELECT RAISE(ABORT, 'holds are never deleted, only released'); END;
    CREATE TRIGGER retention_holds_release_only BEFORE UPDATE ON retention_holds
    WHEN OLD.released_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.media_id IS NOT OLD.media_id OR NEW.kind IS NOT OLD.kind
      OR NEW.reason IS NOT OLD.reason OR NEW.set_by IS NOT OLD.set_by OR NEW.set_at IS NOT OLD.set_at
    BEGIN SELECT RAISE(ABORT, 'a hold is only ever released, once'); END;

    -- A disposal: requested (custodian), approved or rejected (chief, not the requester), executed (another person than
    -- the approver), with its signed record (DOCX + CMS) in forms/.
    CREATE TABLE disposals (
      id               INTEGER PRIMARY KEY,
      state            TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'executed')),
      reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      items_sha256     TEXT NOT NULL CHECK (length(items_sha256) = 64),
      requested_by     INTEGER NOT NULL REFERENCES users(id),
      requested_at     TEXT NOT NULL,
      decided_by       INTEGER REFERENCES users(id),
      decided_at       TEXT,
      decision_reason  TEXT,
      executed_by      INTEGER REFERENCES users(id),
      executed_at      TEXT,
      record_file      TEXT,
      record_sha256    TEXT,
      signature_file   TEXT,
      signature_sha256 TEXT,
      CHECK (decided_by IS NULL OR decided_by <> requested_by),
      CHECK (executed_by IS NULL OR executed_by <> decided_by),
      CHECK ((state = 'requested') = (decided_by IS NULL)),
      CHECK ((state = 'executed') = (executed_by IS NOT NULL)),
      CHECK (state <> 'executed' OR (executed_at IS NOT NULL AND record_file IS NOT NULL AND length(record_sha256) = 64
                                     AND signature_file IS NOT NULL AND length(signature_sha256) = 64))
    );

    -- The files of a disposal as its approver saw them: fixed once the request is made.
    CREATE TABLE disposal_items (
      disposal_id INTEGER NOT NULL REFERENCES disposals(id),
      media_id    INTEGER NOT NULL REFERENCES media(id),
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      keep_until  TEXT NOT NULL,
      due_reason  TEXT NOT NULL,
      PRIMARY KEY (disposal_id, media_id)
    ) WITHOUT ROWID;
    CREATE INDEX disposal_items_media ON disposal_items(media_id);

    CREATE TRIGGER disposals_never_deleted BEFORE DELETE ON disposals
    BEGIN SELECT RAISE(ABORT, 'disposal records are never deleted'); END;
    CREATE TRIGGER disposals_forward_only BEFORE UPDATE ON disposals
    WHEN OLD.state IN ('rejected', 'executed')
      OR (NEW.state = 'executed' AND OLD.state <> 'approved')
      OR (NEW.state IN ('approved', 'rejected') AND OLD.state <> 'requested')
      OR (NEW.state = 'requested' AND OLD.state <> 'requested')
      OR (OLD.state <> 'requested' AND (NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at))
      OR NEW.items_sha256 IS NOT OLD.items_sha256 OR NEW.requested_by IS NOT OLD.requested_by OR NEW.reason IS NOT OLD.reason
    BEGIN SELECT RAISE(ABORT, 'a disposal only moves forward: requested, then approved or rejected, then executed'); END;
    CREATE TRIGGER disposal_items_fixed_update BEFORE UPDATE ON disposal_items
    BEGIN SELECT RAISE(ABORT, 'the files of a disposal never change'); END;
    CREATE TRIGGER disposal_items_fixed_delete BEFORE DELETE ON disposal_items
    BEGIN SELECT RAISE(ABORT, 'the files of a disposal never change'); END;
    CREATE TRIGGER disposal_items_only_while_requested BEFORE INSERT ON disposal_items
    WHEN NOT EXISTS (SELECT 1 FROM disposals d WHERE d.id = NEW.disposal_id AND d.state = 'requested')
    BEGIN SELECT RAISE(ABORT, 'files are listed only on a disposal being requested'); END;

    -- The disposed mark: the row, hash and metadata stay; the bytes are gone.
    ALTER TABLE media ADD COLUMN disposal_id INTEGER REFERENCES disposals(id);
    ALTER TABLE media ADD COLUMN disposed_at TEXT;

    CREATE TRIGGER media_disposal_only_by_record BEFORE UPDATE OF disposal_id, disposed_at ON media
    BEGIN
      SELECT RAISE(ABORT, 'a disposed original stays disposed') WHERE OLD.disposal_id IS NOT NULL;
      SELECT RAISE(ABORT, 'an original is disposed of only by an executed disposal record that lists it')
      WHERE NEW.disposal_id IS NULL OR NEW.disposed_at IS NULL OR NOT EXISTS (
        SELECT 1 FROM disposals d JOIN disposal_items i ON i.disposal_id = d.id
        WHERE d.id = NEW.disposal_id AND d.state = 'executed' AND d.executed_at = NEW.disposed_at
          AND i.media_id = NEW.id AND i.sha256 = NEW.sha256);
      SELECT RAISE(ABORT, 'classified footage is never disposed of') WHERE NEW.classification <> 'normal';
      SELECT RAISE(ABORT, 'footage in an open case is never disposed of')
      WHERE EXISTS (SELECT 1 FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = NEW.id AND c.status = 'open');
      SELECT RAISE(ABORT, 'held footage is never disposed of')
      WHERE EXISTS (SELECT 1 FROM retention_holds h WHERE h.media_id = NEW.id AND h.released_at IS NULL);
    END;

    -- Nothing disposed goes into a case.
    CREATE TRIGGER case_items_not_disposed BEFORE INSERT ON case_items
    WHEN EXISTS (SELECT 1 FROM media m WHERE m.id = NEW.media_id AND m.disposal_id IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'a disposed original cannot join a case'); END;
  `,
};
