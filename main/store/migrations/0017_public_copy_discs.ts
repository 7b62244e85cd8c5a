import type { Migration } from './migration';

/**
 * A public-use copy may be handed out on a disc (公开使用副本光盘) as well as into a folder. The hand-out says which,
 * and for a disc the volume name it was burned under, the image's SHA-256 and whether the disc was read back. Rows
 * written before this are folder hand-outs. The hand-outs' triggers (0014) still refuse any change or deletion.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'public_copy_discs',
  up: `
    ALTER TABLE public_copy_handouts ADD COLUMN medium TEXT NOT NULL DEFAULT 'folder' CHECK (medium IN ('folder', 'disc'));
    ALTER TABLE public_copy_handouts ADD COLUMN volume_id TEXT CHECK (volume_id IS NULL OR medium = 'disc');
    ALTER TABLE public_copy_handouts ADD COLUMN image_sha256 TEXT CHECK (image_sha256 IS NULL OR (medium = 'disc' AND length(image_sha256) = 64));
    ALTER TABLE public_copy_handouts ADD COLUMN read_back TEXT CHECK (read_back IS NULL OR (medium = 'disc' AND read_back IN ('ok', 'unavailable')));
  `,
};
