import type { Migration } from './migration';

/**
 * Failed logins for names no account has (issue 10, item 12), counted and locked out exactly like an
 * account's (users.failed_logins, users.locked_until), so that a wrong name and a wrong password get
 * the same answers. Rows are only ever names someone tried; the audit log has each attempt anyway.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'login_failures',
  up: `
    CREATE TABLE login_failures (
      login         TEXT PRIMARY KEY COLLATE NOCASE,
      failed_logins INTEGER NOT NULL CHECK (failed_logins >= 0),
      locked_until  TEXT
    );
  `,
};
