import type { Migration } from './migration';

/**
 * Viewing only with leave (issue 5; rules art. 3, 12–14): access requests, who an approval names,
 * and the register columns that point at the grant. A request is never deleted: a grant that ends
 * is revoked or runs out (expiry is computed from valid_until, never stored), so the register can
 * always say on whose approval a viewing happened.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'access',
  up: `
    CREATE TABLE access_requests (
      id              INTEGER PRIMARY KEY,
      -- 工作查阅 work (art. 12), 办案查阅 case (art. 14), 公开使用 public (art. 13)
      type            TEXT NOT NULL CHECK (type IN ('work', 'case', 'public')),
      scope_kind      TEXT NOT NULL CHECK (scope_kind IN ('media', 'recording', 'case')),
      scope_id        INTEGER NOT NULL,
      reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      requested_by    INTEGER NOT NULL REFERENCES users(id),
      requested_at    TEXT NOT NULL,
      status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
      decided_by      INTEGER REFERENCES users(id),
      decided_at      TEXT,
      decision_reason TEXT,
      valid_from      TEXT,
      valid_until     TEXT,
      revoked_by      INTEGER REFERENCES users(id),
      revoked_at      TEXT,
      revoke_reason   TEXT,
      CHECK (status <> 'pending' OR decided_at IS NULL),
      CHECK (status NOT IN ('approved', 'rejected') OR decided_at IS NOT NULL),
      CHECK ((valid_from IS NULL) = (valid_until IS NULL)),
      CHECK (valid_until IS NULL OR valid_until > valid_from),
      CHECK (status <> 'approved' OR valid_from IS NOT NULL),
      CHECK (status <> 'rejected' OR length(trim(coalesce(decision_reason, ''))) > 0),
      CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
    );
    CREATE INDEX access_requests_state ON access_requests(status, requested_at);
    CREATE INDEX access_requests_requester ON access_requests(requested_by, requested_at);
    -- The grant lookup on every media request goes by scope.
    CREATE INDEX access_requests_scope ON access_requests(scope_kind, scope_id, status);
    CREATE TRIGGER access_requests_never_deleted BEFORE DELETE ON access_requests
    BEGIN SELECT RAISE(ABORT, 'access requests are never deleted'); END;
    -- Once decided, what was asked for and who decided it stay as they were.
    CREATE TRIGGER access_requests_fixed BEFORE UPDATE OF type, scope_kind, scope_id, reason, requested_by, requested_at ON access_requests
    BEGIN SELECT RAISE(ABORT, 'what an access request asked for never changes'); END;

    -- For classified items (art. 3) the approval names who may view; nobody else may.
    CREATE TABLE access_request_users (
      request_id INTEGER NOT NULL REFERENCES access_requests(id),
      user_id    INTEGER NOT NULL REFERENCES users(id),
      PRIMARY KEY (request_id, user_id)
    ) WITHOUT ROWID;
    CREATE INDEX access_request_users_user ON access_request_users(user_id, request_id);

    CREATE INDEX viewings_grant ON viewings(grant_id) WHERE grant_id IS NOT NULL;
  `,
};
