import { AppError, type IngestStatus, type MediaFlag, type MediaKind } from '../common';
import type { Db } from '../store';

// Ingest sessions as the API shows them (the history list, one session's files): the ingest domain owns
// these tables' SQL; main/api passes them on as they are.


export interface IngestSessionDto {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: IngestStatus;
  /** The receiving custodian's name (their login in receivedByLogin). */
  receivedBy: string;
  receivedByLogin: string;
  handedOverBy: IngestOfficerDto | null;
  recorderSerial: string | null;
  sourceLabel: string;
  sourceKind: 'recorder' | 'folder';
  filesTotal: number;
  bytesTotal: number;
  filesStored: number;
  filesDuplicate: number;
  filesFailed: number;
  bytesStored: number;
  clockDriftSec: number | null;
  clockDriftBasis: string | null;
  sourceCleared: boolean;
  /** The recorder's info file read at the docking (e.g. DCIM/ZFYINFO.TXT): a record, not footage. */
  recorderInfo: { file: string; text: string } | null;
  error: string | null;
}

export interface IngestItemDto {
  relPath: string;
  size: number;
  outcome: 'stored' | 'duplicate' | 'failed';
  message: string | null;
  sha256: string | null;
  mediaId: number | null;
  storedPath: string | null;
  kind: MediaKind | null;
  startAt: string | null;
  startSource: string | null;
  durationSec: number | null;
  hasAudio: boolean | null;
  videoCodec: string | null;
  flags: MediaFlag[];
}

export interface IngestSessionDetailDto extends IngestSessionDto {
  items: IngestItemDto[];
}

/** An officer as a session names him: the API's OfficerDto (main/devices types its id as a brand). */
export interface IngestOfficerDto {
  id: number;
  name: string;
  badgeNo: string;
  userId: number | null;
  active: boolean;
}

interface SessionRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: IngestSessionDto['status'];
  received_login: string;
  received_name: string;
  officer_id: number | null;
  officer_name: string | null;
  officer_badge: string | null;
  officer_user: number | null;
  officer_active: number | null;
  recorder_serial: string | null;
  source_label: string;
  source_kind: 'recorder' | 'folder';
  files_total: number;
  bytes_total: number;
  files_stored: number;
  files_duplicate: number;
  files_failed: number;
  bytes_stored: number;
  clock_drift_sec: number | null;
  clock_drift_basis: string | null;
  source_cleared: number;
  error: string | null;
  recorder_info: string | null;
}

const SESSION_SELECT = `
  SELECT s.*, u.login AS received_login, u.display_name AS received_name, o.id AS officer_id, o.name AS officer_name, o.badge_no AS officer_badge,
         o.user_id AS officer_user, o.active AS officer_active, r.serial AS recorder_serial
  FROM ingest_sessions s JOIN users u ON u.id = s.received_by
  LEFT JOIN officers o ON o.id = s.handed_over_by LEFT JOIN recorders r ON r.id = s.recorder_id`;

function toSessionDto(r: SessionRow): IngestSessionDto {
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    receivedBy: r.received_name,
    receivedByLogin: r.received_login,
    handedOverBy:
      r.officer_id !== null
        ? { id: r.officer_id, name: r.officer_name ?? '', badgeNo: r.officer_badge ?? '', userId: r.officer_user, active: r.officer_active === 1 }
        : null,
    recorderSerial: r.recorder_serial,
    sourceLabel: r.source_label,
    sourceKind: r.source_kind,
    filesTotal: r.files_total,
    bytesTotal: r.bytes_total,
    filesStored: r.files_stored,
    filesDuplicate: r.files_duplicate,
    filesFailed: r.files_failed,
    bytesStored: r.bytes_stored,
    clockDriftSec: r.clock_drift_sec,
    clockDriftBasis: r.clock_drift_basis,
    sourceCleared: r.source_cleared === 1,
    recorderInfo: r.recorder_info ? (JSON.parse(r.recorder_info) as { file: string; text: string }) : null,
    error: r.error,
  };
}

/** The newest sessions first, a page at a time. */
export function listIngestSessions(db: Db, limit: number, offset: number): IngestSessionDto[] {
  return (db.prepare(`${SESSION_SELECT} ORDER BY s.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as SessionRow[]).map(toSessionDto);
}

/** Whether the archive already holds a file of this name and size (the scan's "already in" hint). */
export function alreadyInArchive(db: Db): (name: string, size: number) => boolean {
  const seen = db.prepare('SELECT 1 FROM media WHERE original_name = ? AND size = ? LIMIT 1');
  return (name, size) => seen.get(name, size) !== undefined;
}

/** One ingest session with every file it met and what became of it. */
export function loadSessionDetail(db: Db, id: number): IngestSessionDetailDto {
  const row = db.prepare(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '导入记录不存在');
  const items = db
    .prepare(
      `SELECT i.rel_path, i.size, i.outcome, i.message, i.sha256, i.media_id, m.stored_path, m.kind, m.start_at, m.start_source,
              m.duration_sec, m.has_audio, m.video_codec, m.flags
       FROM ingest_items i LEFT JOIN media m ON m.id = i.media_id WHERE i.session_id = ? ORDER BY i.id`,
    )
    .all(id) as {
    rel_path: string;
    size: number;
    outcome: IngestItemDto['outcome'];
    message: string | null;
    sha256: string | null;
    media_id: number | null;
    stored_path: string | null;
    kind: MediaKind | null;
    start_at: string | null;
    start_source: string | null;
    duration_sec: number | null;
    has_audio: number | null;
    video_codec: string | null;
    flags: string | null;
  }[];
  return {
    ...toSessionDto(row),
    items: items.map((i) => ({
      relPath: i.rel_path,
      size: i.size,
      outcome: i.outcome,
      message: i.message,
      sha256: i.sha256,
      mediaId: i.media_id,
      storedPath: i.stored_path,
      kind: i.kind,
      startAt: i.start_at,
      startSource: i.start_source,
      durationSec: i.duration_sec,
      hasAudio: i.has_audio === null ? null : i.has_audio === 1,
      videoCodec: i.video_codec,
      flags: i.flags ? (JSON.parse(i.flags) as MediaFlag[]) : [],
    })),
  };
}

