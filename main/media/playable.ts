import type { MediaFlag, MediaKind } from './types';

/** The stored facts about a media item that decide how it can be shown. */
export interface PlayableFacts {
  kind: MediaKind;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  flags: readonly MediaFlag[];
}

// What Chromium (and so Electron) decodes without proprietary add-ons beyond its H.264/AAC build.
const MP4_FAMILY = /(^|,)(mov|mp4|m4a)(,|$)/;
const PLAYABLE_AUDIO_IN_MP4 = new Set(['aac', 'mp3']);
const PLAYABLE_AUDIO_FILES: Record<string, ReadonlySet<string>> = {
  wav: new Set(['pcm_s16le', 'pcm_u8', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le']),
  mp3: new Set(['mp3']),
  ogg: new Set(['vorbis', 'opus']),
  flac: new Set(['flac']),
};
const BROWSER_IMAGE_CODECS = new Set(['mjpeg', 'png', 'gif', 'webp', 'bmp']);

/** A file ffmpeg cannot read cannot be converted either. */
export function canPreview(f: PlayableFacts): boolean {
  return f.kind !== 'other' && !f.flags.includes('zero_byte') && !f.flags.includes('unreadable');
}

/**
 * True when the player needs a preview proxy: Chromium plays H.264 with AAC or MP3 in MP4, and
 * common audio files; HEVC, odd containers or odd audio codecs do not play and get an H.264/AAC copy.
 */
export function needsProxy(f: PlayableFacts): boolean {
  if (!canPreview(f)) return false;
  const container = f.container ?? '';
  if (f.kind === 'photo') return !BROWSER_IMAGE_CODECS.has(f.videoCodec ?? '');
  if (f.kind === 'audio') {
    if (MP4_FAMILY.test(container)) return !PLAYABLE_AUDIO_IN_MP4.has(f.audioCodec ?? '');
    const ok = Object.entries(PLAYABLE_AUDIO_FILES).some(([c, codecs]) => container.split(',').includes(c) && codecs.has(f.audioCodec ?? ''));
    return !ok;
  }
  if (!MP4_FAMILY.test(container) || f.videoCodec !== 'h264') return true;
  return f.audioCodec !== null && !PLAYABLE_AUDIO_IN_MP4.has(f.audioCodec);
}
