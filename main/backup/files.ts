import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from '../ingest';

/** Every file under `dir`, as paths relative to it with `/`, sorted; none when it does not exist. */
export async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

/**
 * Copies the files under `from` that `keep` accepts into `to`, reading each copy back against its source.
 * Returns each copy's path (relative to `to`) and hash, and the copies that did not match.
 */
export async function copyTree(
  from: string,
  to: string,
  keep: (rel: string) => boolean = () => true,
): Promise<{ files: { relPath: string; sha256: string }[]; problems: string[] }> {
  const files: { relPath: string; sha256: string }[] = [];
  const problems: string[] = [];
  for (const rel of (await listFiles(from)).filter(keep)) {
    const target = path.join(to, ...rel.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, ...rel.split('/')), target);
    const [copy, source] = [await hashFile(target), await hashFile(path.join(from, ...rel.split('/')))];
    if (copy !== source) problems.push(`copy differs from its source: ${rel}`);
    files.push({ relPath: rel, sha256: copy });
  }
  return { files, problems };
}
