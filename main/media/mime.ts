import { extensionOf } from './classify';
import type { MediaKind } from './types';

// Only media types are ever served: no HTML, no SVG (it can carry script), no octet-stream downloads.
const BY_EXT: Record<string, string> = {
  mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/mp4', lrv: 'video/mp4', '3gp': 'video/3gpp', '3g2': 'video/3gpp2',
  avi: 'video/x-msvideo', mkv: 'video/x-matroska', webm: 'video/webm', ts: 'video/mp2t', mts: 'video/mp2t',
  m2ts: 'video/mp2t', mpg: 'video/mpeg', mpeg: 'video/mpeg', vob: 'video/mpeg', wmv: 'video/x-ms-wmv',
  asf: 'video/x-ms-asf', flv: 'video/x-flv',
  wav: 'audio/wav', mp3: 'audio/mpeg', aac: 'audio/aac', m4a: 'audio/mp4', amr: 'audio/amr', wma: 'audio/x-ms-wma',
  flac: 'audio/flac', ogg: 'audio/ogg', opus: 'audio/ogg', ac3: 'audio/ac3',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', bmp: 'image/bmp', gif: 'image/gif', webp: 'image/webp',
  tif: 'image/tiff', tiff: 'image/tiff', heic: 'image/heic', heif: 'image/heif',
};

const FALLBACK: Record<MediaKind, string | null> = { video: 'video/mp4', audio: 'audio/mpeg', photo: 'image/jpeg', other: null };

/** The Content-Type an original is served with, or null when it is not a media file at all. */
export function mediaContentType(kind: MediaKind, fileName: string): string | null {
  if (kind === 'other') return null;
  const byExt = BY_EXT[extensionOf(fileName)];
  // The extension must agree with the kind ingest decided from the probe; else the kind's default.
  return byExt && byExt.startsWith(kindPrefix(kind)) ? byExt : FALLBACK[kind];
}

function kindPrefix(kind: MediaKind): string {
  return kind === 'photo' ? 'image/' : `${kind}/`;
}

export const PREVIEW_CONTENT_TYPE = { video: 'video/mp4', audio: 'audio/mp4' } as const;
export const THUMB_CONTENT_TYPE = 'image/jpeg';
