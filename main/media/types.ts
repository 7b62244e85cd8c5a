// Shared media types. Kept free of I/O so the renderer-facing contract can import them.
import type { LocalDateTime, MediaFlag, MediaKind, StartRule } from '../common';

/** Absolute path of an executable we found (ffmpeg / ffprobe). */
export type ExecutablePath = string & { __brand: 'ExecutablePath' };

export type { MediaFlag, MediaKind };

export interface ProbeResult {
  readable: boolean;
  /** Why ffprobe could not read the file (ffprobe's own stderr line, or a timeout note). */
  error?: string;
  /** ffprobe did not finish within the timeout and was killed. */
  timedOut?: boolean;
  /** ffprobe format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav", "image2". */
  container?: string;
  durationSec?: number;
  videoCodec?: string;
  audioCodec?: string;
  width?: number;
  height?: number;
  hasAudio: boolean;
  hasVideo: boolean;
  /** As written in the file's creation_time tag, parsed as UTC (see decideStartTime for local-as-UTC recorders). */
  creationTime?: Date;
  /** The raw creation_time tag text, kept for the record. */
  creationTimeRaw?: string;
  /** ISO-BMFF box structure ends early (a box claims more bytes than the file has) or has no moov box. */
  truncated?: boolean;
}

/** Wall-clock parts without a zone; one definition for the program, beside its zone conversion. */
export type { LocalDateTime };

export interface RecorderFileName {
  serial?: string;
  badge?: string;
  startLocal?: LocalDateTime;
  seq?: number;
}

export type StartTimeSource = 'creation_time' | 'file_name' | 'mtime';

export type { StartRule };
