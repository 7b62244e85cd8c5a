import { describe, expect, it } from 'vitest';
import { databaseBefore, expectAppliesOnce } from './migration-support';

describe('migration 0017 public-use copy hand-outs on a disc', () => {
  it('applies once; old rows are folder hand-outs, a disc hand-out names its volume and image, and none ever changes', () => {
    const db = databaseBefore(17);
    db.pragma('foreign_keys = OFF');
    const h = 'a'.repeat(64);
    const insert = (cols: string, vals: string) =>
      db.prepare(`INSERT INTO public_copy_handouts (copy_id, recipient, reason, destination, sha256, handed_by, handed_at${cols}) VALUES (1, '融媒体中心', '通稿', '/x', ?, 1, 't'${vals})`);
    insert('', '').run(h);
    expectAppliesOnce(db, 17);
    expect(db.prepare('SELECT medium, volume_id AS volumeId, image_sha256 AS imageSha256, read_back AS readBack FROM public_copy_handouts').get()).toEqual({ medium: 'folder', volumeId: null, imageSha256: null, readBack: null });
    insert(', medium, volume_id, image_sha256, read_back', ", 'disc', 'PUBLIC_COPY_GK_0001_NOT_EVIDENCE', ?, 'ok'").run(h, h);
    expect(() => insert(', medium', ", 'usb'").run(h)).toThrow(/CHECK/);
    expect(() => insert(', volume_id', ", 'V'").run(h)).toThrow(/CHECK/);
    expect(() => insert(', medium, image_sha256', ", 'disc', 'short'").run(h)).toThrow(/CHECK/);
    expect(() => insert(', medium, read_back', ", 'disc', 'maybe'").run(h)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE public_copy_handouts SET medium = 'disc'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM public_copy_handouts').run()).toThrow(/never deleted/);
  });
});
