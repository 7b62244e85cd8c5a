import { AppError } from '../common';
import { dockingsBetween, type RecorderId } from '../devices';
import { loadRecording, type RecordingDto } from '../library';
import type { Db } from '../store';
import { latestAdjustment } from './adjustments';
import { chooseCameras, correctedSpan, SEARCH_MARGIN_MS, shiftSeconds, type CameraCandidate } from './offsets';
import type { CameraDriftDto, MulticamCameraDto } from './types';

/** How long after a recording a docking still speaks for its recorder's clock. */
const DRIFT_LOOKAHEAD_MS = 2 * 86_400_000;
/** Candidates offered beside the anchor. */
const MAX_CANDIDATES = 12;

interface Loaded extends CameraCandidate {
  recording: RecordingDto;
  drift: CameraDriftDto;
  adjustment: MulticamCameraDto['adjustment'];
  shiftSec: number;
  cases: string[];
}

function recorderOf(db: Db, recordingId: number): number | null {
  const r = db.prepare('SELECT recorder_id FROM recordings WHERE id = ?').get(recordingId) as { recorder_id: number | null } | undefined;
  if (!r) throw new AppError('NOT_FOUND', '录像不存在');
  return r.recorder_id;
}

/** The first docking of the recorder from the recording's start on that measured its clock. */
function driftOf(db: Db, recorderId: number | null, rec: RecordingDto): CameraDriftDto {
  if (recorderId === null) return { seconds: null, basis: null, measuredAt: null };
  const from = new Date(rec.startAt);
  const to = new Date(Date.parse(rec.endAt) + DRIFT_LOOKAHEAD_MS);
  const d = dockingsBetween(db, from, to, recorderId as RecorderId).find((x) => x.driftSec !== null);
  return d ? { seconds: d.driftSec, basis: d.basis, measuredAt: d.at } : { seconds: null, basis: null, measuredAt: null };
}

function caseIdsOf(db: Db, recordingId: number): Map<number, string> {
  const rows = db
    .prepare('SELECT DISTINCT c.id, c.number FROM media m JOIN case_items ci ON ci.media_id = m.id JOIN cases c ON c.id = ci.case_id WHERE m.recording_id = ?')
    .all(recordingId) as { id: number; number: string }[];
  return new Map(rows.map((r) => [r.id, r.number]));
}

function load(db: Db, recordingId: number, anchorCases: Map<number, string>): Loaded {
  const recorderId = recorderOf(db, recordingId);
  const recording = loadRecording(db, recordingId);
  const drift = driftOf(db, recorderId, recording);
  const adjustment = latestAdjustment(db, recordingId);
  const clock = { driftSec: drift.seconds, adjustSec: adjustment?.seconds ?? 0 };
  const span = correctedSpan({ startMs: Date.parse(recording.startAt), endMs: Date.parse(recording.endAt) }, clock);
  const cases = [...caseIdsOf(db, recordingId).keys()].filter((id) => anchorCases.has(id)).map((id) => anchorCases.get(id)!);
  return { recordingId, recorderId, span, sameCase: cases.length > 0, recording, drift, adjustment, shiftSec: shiftSeconds(clock), cases };
}

/** Recordings that may overlap the anchor once clocks are corrected, and those of the anchor's cases. */
function candidateIds(db: Db, anchorId: number, rec: RecordingDto): number[] {
  const from = new Date(Date.parse(rec.startAt) - SEARCH_MARGIN_MS).toISOString();
  const to = new Date(Date.parse(rec.endAt) + SEARCH_MARGIN_MS).toISOString();
  const near = db.prepare('SELECT id FROM recordings WHERE start_at < ? AND end_at > ? AND id <> ?').all(to, from, anchorId) as { id: number }[];
  const inCases = db
    .prepare(
      `SELECT DISTINCT m2.recording_id AS id FROM media m JOIN case_items ci ON ci.media_id = m.id
       JOIN case_items ci2 ON ci2.case_id = ci.case_id JOIN media m2 ON m2.id = ci2.media_id
       WHERE m.recording_id = ? AND m2.recording_id IS NOT NULL AND m2.recording_id <> ?`,
    )
    .all(anchorId, anchorId) as { id: number }[];
  return [...new Set([...near, ...inCases].map((r) => r.id))];
}

/**
 * 多机位同步 for one recording: the anchor and the recordings that overlap it on the true axis (each recorder's
 * clock drift at docking and the hand correction applied), or share a case with it. Leave to view is the API's
 * to add (`canView`, `denied` are left true/null here).
 */
export function findCameras(db: Db, anchorRecordingId: number): MulticamCameraDto[] {
  const anchorCases = caseIdsOf(db, anchorRecordingId);
  const anchor = load(db, anchorRecordingId, anchorCases);
  const others = candidateIds(db, anchorRecordingId, anchor.recording).map((id) => load(db, id, anchorCases));
  return chooseCameras(anchor, others)
    .slice(0, MAX_CANDIDATES + 1)
    .map(({ candidate: c, relation, overlapSec, preselected }) => ({
      recording: c.recording,
      relation,
      cases: c.cases,
      drift: c.drift,
      adjustment: c.adjustment,
      shiftSec: c.shiftSec,
      correctedStartAt: new Date(c.span.startMs).toISOString(),
      correctedEndAt: new Date(c.span.endMs).toISOString(),
      overlapSec,
      preselected,
      canView: true,
      denied: null,
    }));
}
