import type { UserRefDto } from '../access';
import type { RecordingDto } from '../library';
import type { CameraRelation } from './offsets';

/** The clock drift of a camera's recorder, from the first docking after the recording began that measured it. */
export interface CameraDriftDto {
  /** Recorder clock minus true time, seconds; null when no docking measured it. */
  seconds: number | null;
  /** How it was measured (main/ingest/drift.ts), e.g. 'info_file_time'. */
  basis: string | null;
  /** When that docking was. */
  measuredAt: string | null;
}

/** The hand correction in force for a camera (the latest of its corrections). */
export interface CameraAdjustmentDto {
  seconds: number;
  reason: string;
  by: UserRefDto;
  at: string;
}

/** One camera (a recording of one recorder) for 多机位同步. */
export interface MulticamCameraDto {
  recording: RecordingDto;
  relation: CameraRelation;
  /** Case numbers it shares with the anchor. */
  cases: string[];
  drift: CameraDriftDto;
  adjustment: CameraAdjustmentDto | null;
  /** Seconds added to the recorder's clock to place this footage on the shared axis (adjustment − drift). */
  shiftSec: number;
  /** The recording's span on the shared axis (ISO, with milliseconds). */
  correctedStartAt: string;
  correctedEndAt: string;
  /** Seconds it shares with the anchor on the shared axis. */
  overlapSec: number;
  preselected: boolean;
  /** Leave to view every segment (authorizeView, now); else `denied` says why and no bytes are served. */
  canView: boolean;
  denied: string | null;
}

export interface MulticamDto {
  anchorRecordingId: number;
  maxCameras: number;
  /** The anchor first, then the candidates. */
  cameras: MulticamCameraDto[];
}
