import type { Migration } from './migration';

/**
 * Day seals that chain (issue 10, item 2), and the audit tables made append-only (item 14).
 *
 * A seal now signs a JSON document (`content`, kept byte for byte as signed and also written to
 * `seals/<day>.json` with its `.p7s`) that names the rows it covers (`first_seq`..`head_seq`), the
 * hash of the previous seal, when it was made and whether that was late. The columns beside it
 * repeat those values for queries; `verify` checks they agree with the signed content.
 *
 * Seals made before this version are kept as they are and marked `legacy`: their signatures cover
 * only (day, head seq, head hash), no key is at hand during a migration to re-sign them, and
 * re-signing old days now would only make them look newer than they are. They are still checked
 * against the log, the first chained seal names the hash of the last legacy one, and `verify` says
 * that they have no file outside the database.
 *
 * The table is rebuilt rather than altered so the checks can tie content to the legacy flag, and
 * `head_seq` becomes unique: one seal covers each run of rows.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'seal_chain',
  up: `
    CREATE TABLE audit_seals_new (
      day            TEXT PRIMARY KEY,
      first_seq      INTEGER,
      head_seq       INTEGER NOT NULL UNIQUE,
      head_hash      TEXT NOT NULL,
      prev_seal_hash TEXT,
      late           INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      legacy         INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
      content        TEXT,
      signer_id      INTEGER NOT NULL REFERENCES users(id),
      signature      BLOB NOT NULL,
      sealed_at      TEXT NOT NULL,
      CHECK ((legacy = 1) = (content IS NULL)),
      CHECK (legacy = 1 OR (first_seq IS NOT NULL AND prev_seal_hash IS NOT NULL AND first_seq BETWEEN 1 AND head_seq AND length(prev_seal_hash) = 64))
    );
    INSERT INTO audit_seals_new (day, head_seq, head_hash, legacy, signer_id, signature, sealed_at)
      SELECT day, head_seq, head_hash, 1, signer_id, signature, sealed_at FROM audit_seals;
    DROP TABLE audit_seals;
    ALTER TABLE audit_seals_new RENAME TO audit_seals;

    -- Append-only. Whoever owns the file can drop these; the hash chain, the seals and their files
    -- are what catch him. These stop a slip in the program and a casual edit with a SQLite tool.
    CREATE TRIGGER audit_log_never_changed BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit entries never change'); END;
    CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit entries are never deleted'); END;
    CREATE TRIGGER audit_seals_never_changed BEFORE UPDATE ON audit_seals
    BEGIN SELECT RAISE(ABORT, 'audit seals never change'); END;
    CREATE TRIGGER audit_seals_never_deleted BEFORE DELETE ON audit_seals
    BEGIN SELECT RAISE(ABORT, 'audit seals are never deleted'); END;
  `,
};
