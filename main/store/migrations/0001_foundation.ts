import type { Migration } from './migration';

/** Office, people and the audit chain: what every later feature records into. */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up: `
    CREATE TABLE office (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      name         TEXT NOT NULL,
      unit_name    TEXT NOT NULL,
      time_zone    TEXT NOT NULL,
      idle_minutes INTEGER NOT NULL DEFAULT 30 CHECK (idle_minutes BETWEEN 1 AND 480),
      ca_cert_pem  TEXT NOT NULL,
      created_at   TEXT NOT NULL
    );

    CREATE TABLE users (
      id                   INTEGER PRIMARY KEY,
      login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name         TEXT NOT NULL,
      badge_no             TEXT,
      password_hash        TEXT NOT NULL,
      private_key_enc      TEXT NOT NULL,
      cert_pem             TEXT NOT NULL,
      disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      failed_logins        INTEGER NOT NULL DEFAULT 0,
      locked_until         TEXT,
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      created_at           TEXT NOT NULL,
      updated_at           TEXT NOT NULL
    );

    CREATE TABLE user_roles (
      user_id INTEGER NOT NULL REFERENCES users(id),
      role    TEXT NOT NULL CHECK (role IN ('officer', 'custodian', 'chief', 'township_leader', 'admin')),
      PRIMARY KEY (user_id, role)
    );

    -- Every certificate a user ever had, so old signatures stay attributable after a key reset.
    CREATE TABLE user_certificates (
      serial_hex TEXT PRIMARY KEY,
      user_id    INTEGER NOT NULL REFERENCES users(id),
      cert_pem   TEXT NOT NULL,
      issued_at  TEXT NOT NULL
    );

    -- The office CA key, wrapped for each admin's public key (hybrid RSA-OAEP + AES-GCM).
    CREATE TABLE ca_key_wraps (
      user_id     INTEGER PRIMARY KEY REFERENCES users(id),
      wrapped_key TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      seq         INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor_id    INTEGER,
      actor_login TEXT,
      action      TEXT NOT NULL,
      target      TEXT,
      details     TEXT NOT NULL,
      prev_hash   TEXT NOT NULL,
      hash        TEXT NOT NULL UNIQUE
    );
    CREATE INDEX audit_log_at ON audit_log(at);
    CREATE INDEX audit_log_action ON audit_log(action);

    CREATE TABLE audit_seals (
      day        TEXT PRIMARY KEY,
      head_seq   INTEGER NOT NULL,
      head_hash  TEXT NOT NULL,
      signer_id  INTEGER NOT NULL REFERENCES users(id),
      signature  BLOB NOT NULL,
      sealed_at  TEXT NOT NULL
    );
  `,
};
