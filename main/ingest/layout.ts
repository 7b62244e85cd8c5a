import path from 'node:path';

/** A folder name that is safe on every OS and still readable (Chinese kept). */
export function safeSegment(name: string): string {
  const cleaned = [...name.normalize('NFC')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
  return cleaned.slice(0, 120) || '_';
}

/** `originals/YYYY/MM/DD/<recorder>/<original name>`, relative to the archive root, with '/' separators. */
export function storedRelPath(day: string, recorderLabel: string, originalName: string): string {
  const [y, m, d] = day.split('-');
  return ['originals', y, m, d, safeSegment(recorderLabel), safeSegment(originalName)].join('/');
}

export function dayRelDir(day: string): string {
  const [y, m, d] = day.split('-');
  return ['originals', y, m, d].join('/');
}

/** Another name in the same folder when two different files share a name: `A.MP4` → `A~2.MP4`. */
export function alternateName(relPath: string, n: number): string {
  const ext = path.posix.extname(relPath);
  return `${relPath.slice(0, relPath.length - ext.length)}~${n}${ext}`;
}

export function toAbsolute(root: string, relPath: string): string {
  return path.join(root, ...relPath.split('/'));
}
