import { open } from 'node:fs/promises';
import { openIsoImage } from '../../main/disc';

/**
 * Flips one byte of a file inside an ISO image, as a scratch on the disc would: the byte `offset` into the first file
 * whose path on the disc `pick` accepts. Returns that path.
 */
export async function flipByteInImage(image: string, pick: (discPath: string) => boolean, offset: number): Promise<string> {
  const img = await openIsoImage(image);
  const victim = img.files.find((f) => pick(f.path));
  await img.close();
  if (!victim) throw new Error(`no file in ${image} to flip a byte of`);
  const pos = victim.extents[0]!.lba * 2048 + offset;
  const fh = await open(image, 'r+');
  try {
    const b = Buffer.alloc(1);
    await fh.read(b, 0, 1, pos);
    b[0] = b[0]! ^ 0xff;
    await fh.write(b, 0, 1, pos);
  } finally {
    await fh.close();
  }
  return victim.path;
}
