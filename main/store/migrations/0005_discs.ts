import type { Migration } from './migration';

/**
 * Evidence discs and their record forms (rules art. 11(4), DESIGN §7–8). A record form's signatures cover the
 * canonical content stored beside them; a signature is never deleted, only marked void when the form is edited
 * after signing. The disc register keeps what went on each disc and the outcome of every step.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'discs',
  up: `
    -- 记录表. content is the canonical JSON that signatures cover (fields, case and disc number together).
    CREATE TABLE record_forms (
      id          INTEGER PRIMARY KEY,
      case_id     INTEGER NOT NULL REFERENCES cases(id),
      disc_no     TEXT NOT NULL,
      fields      TEXT NOT NULL,
      content     TEXT NOT NULL,
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'officer_signed', 'chief_signed', 'locked')),
      scan_file   TEXT,
      scan_sha256 TEXT,
      created_by  INTEGER NOT NULL REFERENCES users(id),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX record_forms_case ON record_forms(case_id, created_at);
    CREATE UNIQUE INDEX record_forms_disc_no ON record_forms(disc_no);
    -- A locked form is filed with a disc: nothing about it changes any more.
    CREATE TRIGGER record_forms_locked BEFORE UPDATE ON record_forms
    WHEN OLD.state = 'locked'
    BEGIN SELECT RAISE(ABORT, 'a locked record form never changes'); END;
    CREATE TRIGGER record_forms_never_deleted BEFORE DELETE ON record_forms
    BEGIN SELECT RAISE(ABORT, 'record forms are never deleted'); END;

    CREATE TABLE record_form_signatures (
      id             INTEGER PRIMARY KEY,
      form_id        INTEGER NOT NULL REFERENCES record_forms(id),
      role           TEXT NOT NULL CHECK (role IN ('officer', 'chief')),
      user_id        INTEGER NOT NULL REFERENCES users(id),
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      signature      BLOB NOT NULL,
      cert_serial    TEXT NOT NULL,
      signed_at      TEXT NOT NULL,
      void_at        TEXT,
      void_reason    TEXT,
      CHECK ((void_at IS NULL) = (void_reason IS NULL))
    );
    CREATE INDEX record_form_signatures_form ON record_form_signatures(form_id, signed_at);
    -- At most one valid signature per role.
    CREATE UNIQUE INDEX record_form_signatures_valid ON record_form_signatures(form_id, role) WHERE void_at IS NULL;
    CREATE TRIGGER record_form_signatures_fixed BEFORE UPDATE OF form_id, role, user_id, content_sha256, signature, cert_serial, signed_at ON record_form_signatures
    BEGIN SELECT RAISE(ABORT, 'a signature never changes, it can only be voided'); END;
    CREATE TRIGGER record_form_signatures_never_deleted BEFORE DELETE ON record_form_signatures
    BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;

    -- 光盘登记. One row per disc; contents lists every payload file with the hash the store holds.
    CREATE TABLE discs (
      id             TEXT PRIMARY KEY,
      case_id        INTEGER NOT NULL REFERENCES cases(id),
      record_form_id INTEGER NOT NULL REFERENCES record_forms(id),
      disc_index     INTEGER NOT NULL CHECK (disc_index >= 1),
      disc_count     INTEGER NOT NULL CHECK (disc_count >= disc_index),
      media_type     TEXT NOT NULL,
      label          TEXT NOT NULL,
      contents       TEXT NOT NULL,
      image_file     TEXT NOT NULL,
      image_bytes    INTEGER NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      built_by       INTEGER NOT NULL REFERENCES users(id),
      built_at       TEXT NOT NULL,
      burned_by      INTEGER REFERENCES users(id),
      burned_at      TEXT,
      drive          TEXT,
      readback_ok    INTEGER CHECK (readback_ok IN (0, 1)),
      readback_at    TEXT,
      readback_by    INTEGER REFERENCES users(id),
      readback       TEXT,
      CHECK ((burned_at IS NULL) = (burned_by IS NULL)),
      CHECK ((readback_at IS NULL) = (readback_ok IS NULL))
    );
    CREATE INDEX discs_case ON discs(case_id, disc_index);
    CREATE INDEX discs_built ON discs(built_at);
    CREATE TRIGGER discs_never_deleted BEFORE DELETE ON discs
    BEGIN SELECT RAISE(ABORT, 'the disc register is never deleted'); END;
    CREATE TRIGGER discs_contents_fixed BEFORE UPDATE OF id, case_id, record_form_id, disc_index, disc_count, contents, manifest_sha256, built_by, built_at ON discs
    BEGIN SELECT RAISE(ABORT, 'what went on a disc never changes'); END;
  `,
};
