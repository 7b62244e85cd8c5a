import type { MediaFlag, MediaKind, ProbeResult } from './types';

const VIDEO_EXT = new Set([
  'mp4', 'mov', 'm4v', 'avi', 'mkv', 'ts', 'mts', 'm2ts', '3gp', '3g2', 'wmv', 'asf', 'flv', 'mpg', 'mpeg', 'vob',
  'h264', 'h265', 'hevc', '264', '265', 'webm', 'lrv',
]);
const AUDIO_EXT = new Set(['wav', 'mp3', 'aac', 'm4a', 'amr', 'wma', 'flac', 'ogg', 'opus', 'ac3']);
const PHOTO_EXT = new Set(['jpg', 'jpeg', 'png', 'bmp', 'gif', 'tif', 'tiff', 'webp', 'heic', 'heif', 'dng']);

export function extensionOf(fileName: string): string {
  const m = /\.([^.\\/]+)$/.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
}

/** By extension only: what scanning can say before anything is probed. */
export function kindFromExtension(fileName: string): MediaKind {
  const ext = extensionOf(fileName);
  if (VIDEO_EXT.has(ext)) return 'video';
  if (AUDIO_EXT.has(ext)) return 'audio';
  if (PHOTO_EXT.has(ext)) return 'photo';
  return 'other';
}

/** ffprobe's demuxers for still images ("image2", "jpeg_pipe", "png_pipe", …). */
export function isImageContainer(container: string | undefined): boolean {
  return !!container && /(^|,)(image2|[a-z0-9]+_pipe|gif|webp)(,|$)/.test(container);
}

/** Text "video" ffprobe can decode (ANSI art from the tty demuxer, bintext): not a picture. */
const TEXT_VIDEO_CODECS = new Set(['ansi', 'bintext', 'xbin', 'idf']);

/**
 * The file's kind from its content (issue 11, item 2). A readable file is what its streams are: a still image is a
 * photo, picture is video, sound alone is audio, and a readable file with neither (lyrics, subtitles, text) is a
 * document ('other') whatever its name says. An unreadable file keeps the kind its name promises only when that is a
 * media kind (damaged footage stays evidence, flagged unreadable); anything else is a document, never video.
 */
export function classifyKind(fileName: string, probe?: ProbeResult): MediaKind {
  const byExt = kindFromExtension(fileName);
  if (!probe?.readable) return byExt;
  const picture = probe.hasVideo && !TEXT_VIDEO_CODECS.has(probe.videoCodec ?? '');
  if (isImageContainer(probe.container) || (byExt === 'photo' && picture)) return 'photo';
  if (picture) return 'video';
  if (probe.hasAudio) return 'audio';
  return 'other';
}

/**
 * Status flags of one original from its probe and size. 'clock_suspect' is added by the caller from
 * decideStartTime. A zero-byte file gets only 'zero_byte' (it is trivially unreadable).
 */
export function mediaFlags(probe: ProbeResult, size: number, kind?: MediaKind): MediaFlag[] {
  if (size === 0) return ['zero_byte'];
  // A document has no picture or sound to judge: "unreadable" or "no audio" would be false alarms.
  if (kind === 'other') return [];
  const flags: MediaFlag[] = [];
  if (!probe.readable) flags.push('unreadable');
  if (probe.truncated) flags.push('truncated');
  const isPhoto = kind === 'photo' || isImageContainer(probe.container);
  // Rules art. 2: sound and picture are recorded together.
  if (probe.readable && probe.hasVideo && !probe.hasAudio && !isPhoto && kind !== 'audio') flags.push('no_audio');
  return flags;
}
