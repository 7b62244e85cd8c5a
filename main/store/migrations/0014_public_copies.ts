import type { Migration } from './migration';

/**
 * Public-use copies (公开使用副本, rules art. 13): each copy made from one original under one approved 公开使用
 * request, with its operations, command and hashes as its signed provenance records them; and each hand-out of a
 * copy. A copy is never evidence: it has no media row and nothing of the evidence tables points to it. Neither a
 * copy's row nor a hand-out ever changes or goes.
 */
/** Triggers that refuse any change to or deletion of a row of `table`. */
function fixedForever(table: string, oneRow: string, rows: string): string {
  return `
    CREATE TRIGGER ${table}_fixed BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${oneRow} never changes'); END;
    CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${rows} are never deleted'); END;`;
}

export const migration0014: Migration = {
  version: 14,
  name: 'public_copies',
  up: `
    CREATE TABLE public_copies (
      id                INTEGER PRIMARY KEY,
      media_id          INTEGER NOT NULL REFERENCES media(id),
      request_id        INTEGER NOT NULL REFERENCES access_requests(id),
      file_name         TEXT NOT NULL UNIQUE,
      sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes             INTEGER NOT NULL CHECK (bytes > 0),
      source_sha256     TEXT NOT NULL CHECK (length(source_sha256) = 64),
      operations        TEXT NOT NULL,
      label             TEXT NOT NULL,
      ffmpeg_version    TEXT NOT NULL,
      command           TEXT NOT NULL,
      provenance_file   TEXT NOT NULL,
      provenance_sha256 TEXT NOT NULL CHECK (length(provenance_sha256) = 64),
      docx_file         TEXT NOT NULL,
      made_by           INTEGER NOT NULL REFERENCES users(id),
      made_at           TEXT NOT NULL
    );
    CREATE INDEX public_copies_media ON public_copies(media_id);
${fixedForever('public_copies', 'a public copy record', 'public copy records')}

    CREATE TABLE public_copy_handouts (
      id          INTEGER PRIMARY KEY,
      copy_id     INTEGER NOT NULL REFERENCES public_copies(id),
      recipient   TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
      reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      destination TEXT NOT NULL,
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      handed_by   INTEGER NOT NULL REFERENCES users(id),
      handed_at   TEXT NOT NULL
    );
    CREATE INDEX public_copy_handouts_copy ON public_copy_handouts(copy_id);
${fixedForever('public_copy_handouts', 'a hand-out record', 'hand-out records')}
  `,
};
