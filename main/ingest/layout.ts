import path from 'node:path';
import { fitName, neutralName, utf8Bytes } from '../common';

/**
 * Most UTF-8 bytes of one stored name: file systems allow 255, and a recorder volume (exFAT allows 255
 * UTF-16 characters) can bring far more; the rest is margin for the collision suffix and other tools.
 */
export const SEGMENT_MAX_BYTES = 200;

/**
 * A file or folder name that is safe on every OS and still readable (Chinese kept): no control or bidi
 * characters, nothing Windows refuses, at most SEGMENT_MAX_BYTES with `suffix` (e.g. `~2`) before the
 * extension. The original name is kept in the store, not here.
 */
export function safeSegment(name: string, suffix = ''): string {
  return fitName(neutralName(name), SEGMENT_MAX_BYTES, utf8Bytes, suffix);
}

/**
 * `originals/YYYY/MM/DD/<recorder>/<original name>`, relative to the archive root, with '/' separators.
 * `n` ≥ 2 names another file of the same name in that folder: `A.MP4` → `A~2.MP4`.
 */
export function storedRelPath(day: string, recorderLabel: string, originalName: string, n = 1): string {
  const [y, m, d] = day.split('-');
  return ['originals', y, m, d, safeSegment(recorderLabel), safeSegment(originalName, n > 1 ? `~${n}` : '')].join('/');
}

export function dayRelDir(day: string): string {
  const [y, m, d] = day.split('-');
  return ['originals', y, m, d].join('/');
}

export function toAbsolute(root: string, relPath: string): string {
  return path.join(root, ...relPath.split('/'));
}
