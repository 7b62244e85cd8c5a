import type { Migration } from './migration';

/**
 * An approval covers exactly what its approver was shown (issue 10): the media a request covers are
 * recorded when it is approved, and grants, the viewing register and the disc check use that set
 * only. A case's items added later are not covered; they need a new approval.
 *
 * Backfill: approvals decided before this migration (approved, expired or revoked after approval)
 * get the set their scope names at migration time, the nearest record of what they were shown
 * that exists. Items added to a case between such an approval and this migration are therefore
 * still covered by it; the audit log's 'case.add_items' and 'access.approve' entries tell which.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'approval_items',
  up: `
    CREATE TABLE access_request_items (
      request_id INTEGER NOT NULL REFERENCES access_requests(id),
      media_id   INTEGER NOT NULL REFERENCES media(id),
      PRIMARY KEY (request_id, media_id)
    ) WITHOUT ROWID;
    -- The grant lookup on every media request goes by media.
    CREATE INDEX access_request_items_media ON access_request_items(media_id, request_id);

    INSERT INTO access_request_items (request_id, media_id)
      SELECT r.id, r.scope_id FROM access_requests r JOIN media m ON m.id = r.scope_id
        WHERE r.scope_kind = 'media' AND r.valid_from IS NOT NULL
      UNION
      SELECT r.id, m.id FROM access_requests r JOIN media m ON m.recording_id = r.scope_id
        WHERE r.scope_kind = 'recording' AND r.valid_from IS NOT NULL
      UNION
      SELECT r.id, ci.media_id FROM access_requests r JOIN case_items ci ON ci.case_id = r.scope_id
        WHERE r.scope_kind = 'case' AND r.valid_from IS NOT NULL;

    -- Written once, by the approval itself; never changed or removed afterwards.
    CREATE TRIGGER access_request_items_only_approved BEFORE INSERT ON access_request_items
    WHEN (SELECT status FROM access_requests WHERE id = NEW.request_id) IS NOT 'approved'
    BEGIN SELECT RAISE(ABORT, 'approval items are recorded only for an approved request'); END;
    CREATE TRIGGER access_request_items_fixed BEFORE UPDATE ON access_request_items
    BEGIN SELECT RAISE(ABORT, 'what an approval covers never changes'); END;
    CREATE TRIGGER access_request_items_never_deleted BEFORE DELETE ON access_request_items
    BEGIN SELECT RAISE(ABORT, 'what an approval covers is never deleted'); END;
  `,
};
