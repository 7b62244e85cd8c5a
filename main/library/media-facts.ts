import type { MediaFlag, MediaKind } from '../media';
import type { Db } from '../store';
import type { Classification } from '../common';

/** What the media handler and the view policy need to know about one original. */
export interface MediaFacts {
  id: number;
  sha256: string;
  size: number;
  storedPath: string;
  originalName: string;
  kind: MediaKind;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  durationSec: number | null;
  hasAudio: boolean;
  flags: MediaFlag[];
  classification: Classification;
  recordingId: number | null;
  officerId: number | null;
  recorderId: number | null;
  /** Disposed of after its retention (art. 11(3)): its bytes and every copy are gone. */
  disposed: { disposalId: number; at: string } | null;
}

interface Row {
  id: number;
  sha256: string;
  size: number;
  stored_path: string;
  original_name: string;
  kind: MediaKind;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  duration_sec: number | null;
  has_audio: number;
  flags: string;
  classification: Classification;
  recording_id: number | null;
  officer_id: number | null;
  recorder_id: number | null;
  disposal_id: number | null;
  disposed_at: string | null;
}

export function parseFlags(json: string): MediaFlag[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is MediaFlag => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function loadMediaFacts(db: Db, id: number): MediaFacts | null {
  const r = db
    .prepare(
      `SELECT id, sha256, size, stored_path, original_name, kind, container, video_codec, audio_codec, duration_sec, has_audio,
              flags, classification, recording_id, officer_id, recorder_id, disposal_id, disposed_at
       FROM media WHERE id = ?`,
    )
    .get(id) as Row | undefined;
  if (!r) return null;
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    storedPath: r.stored_path,
    originalName: r.original_name,
    kind: r.kind,
    container: r.container,
    videoCodec: r.video_codec,
    audioCodec: r.audio_codec,
    durationSec: r.duration_sec,
    hasAudio: r.has_audio === 1,
    flags: parseFlags(r.flags),
    classification: r.classification,
    recordingId: r.recording_id,
    officerId: r.officer_id,
    recorderId: r.recorder_id,
    disposed: r.disposal_id !== null && r.disposed_at !== null ? { disposalId: r.disposal_id, at: r.disposed_at } : null,
  };
}
