/** A disc to check, either a folder (a mounted disc or a copy) or an ISO image / pseudo-drive file, read the same way. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { openIsoImage } from './iso-reader';
import { discError } from '../common';

export interface DiscSource {
  kind: 'folder' | 'image';
  /** Posix paths of every file, relative to the disc root. */
  files: Map<string, { size: number }>;
  stream(path: string): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

async function listFolder(root: string): Promise<Map<string, { size: number }>> {
  const out = new Map<string, { size: number }>();
  const walk = async (dir: string): Promise<void> => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else if (d.isFile()) out.set(relative(root, p).split(sep).join('/'), { size: (await stat(p)).size });
    }
  };
  await walk(root);
  return out;
}

export async function openDiscSource(path: string): Promise<DiscSource> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw discError('DISC_UNREADABLE_IMAGE', `no such disc, folder or image: ${path}`, { cause: e, userMessage: `找不到光盘、文件夹或映像：${path}` });
  }
  if (st.isDirectory()) {
    const files = await listFolder(path);
    return {
      kind: 'folder',
      files,
      stream: (p) => createReadStream(join(path, ...p.split('/')), { highWaterMark: 4 * 1024 * 1024 }),
      close: async () => {},
    };
  }
  const img = await openIsoImage(path);
  const byPath = new Map(img.files.map((f) => [f.path, f]));
  return {
    kind: 'image',
    files: new Map(img.files.map((f) => [f.path, { size: f.size }])),
    stream: (p) => {
      const entry = byPath.get(p);
      if (!entry) throw discError('DISC_UNREADABLE_IMAGE', `no ${p} in the image`);
      return img.read(entry);
    },
    close: () => img.close(),
  };
}

export async function hashStream(chunks: AsyncIterable<Buffer>, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  for await (const c of chunks) {
    if (signal?.aborted) throw discError('DISC_ABORTED', 'aborted while reading the disc');
    h.update(c);
    onBytes?.(c.length);
  }
  return h.digest('hex');
}

export async function readWhole(src: DiscSource, path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of src.stream(path)) parts.push(c);
  return Buffer.concat(parts);
}
