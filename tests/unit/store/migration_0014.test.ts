import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0014 public-use copies and their hand-outs', () => {
  it('applies once; a copy and a hand-out never change and never go', () => {
    const db = databaseBefore(14);
    expectAppliesOnce(db, 14);
    db.pragma('foreign_keys = OFF');
    const h = 'a'.repeat(64);
    db.prepare(
      `INSERT INTO public_copies (id, media_id, request_id, file_name, sha256, bytes, source_sha256, operations, label, ffmpeg_version, command, provenance_file, provenance_sha256, docx_file, made_by, made_at)
       VALUES (1, 1, 1, 'GK-0001.mp4', ?, 10, ?, '{}', 'l', 'v', '[]', 'p', ?, 'd', 1, 't')`,
    ).run(h, h, h);
    expect(() => db.prepare("UPDATE public_copies SET sha256 = ?").run('b'.repeat(64))).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM public_copies').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO public_copies (id, media_id, request_id, file_name, sha256, bytes, source_sha256, operations, label, ffmpeg_version, command, provenance_file, provenance_sha256, docx_file, made_by, made_at) VALUES (2, 1, 1, 'x', 'short', 10, ?, '{}', 'l', 'v', '[]', 'p', ?, 'd', 1, 't')").run(h, h)).toThrow(/CHECK/);
    db.prepare("INSERT INTO public_copy_handouts (copy_id, recipient, reason, destination, sha256, handed_by, handed_at) VALUES (1, '融媒体中心', '通稿', '/x', ?, 1, 't')").run(h);
    expect(() => db.prepare("UPDATE public_copy_handouts SET recipient = 'y'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM public_copy_handouts').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO public_copy_handouts (copy_id, recipient, reason, destination, sha256, handed_by, handed_at) VALUES (1, ' ', '通稿', '/x', ?, 1, 't')").run(h)).toThrow(/CHECK/);
  });
});
