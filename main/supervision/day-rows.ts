// The rows one day's check reads, loaded once; the sources that judge them are pure (sources/).
import { walkAuditChain } from '../audit';
import { addDays, dayStart, nextDay, type AccessType, type MediaFlag, type MediaKind } from '../common';
import { deviceDay } from '../devices';
import { footageReachingKeepUntil, type RetentionStatus } from '../retention';
import type { Db } from '../store';
import type { DayRows, MediaRow } from './types';

/** Rules art. 4: a recorder clock off by more than a minute at docking is a finding. */
export const DRIFT_LIMIT_SEC = 60;

interface RawMedia {
  id: number;
  original_name: string;
  kind: MediaKind;
  day: string;
  start_at: string;
  end_at: string | null;
  has_audio: number;
  flags: string;
  recorder_id: number | null;
  serial: string | null;
  officer_id: number | null;
  officer_name: string | null;
  recording_id: number | null;
  duration_sec: number | null;
  ingest_session_id: number;
  session_started_at: string;
}

const mediaRow = (r: RawMedia): MediaRow => ({
  id: r.id,
  name: r.original_name,
  kind: r.kind,
  day: r.day,
  startAt: r.start_at,
  endAt: r.end_at,
  hasAudio: r.has_audio === 1,
  flags: JSON.parse(r.flags) as MediaFlag[],
  recorderId: r.recorder_id,
  serial: r.serial,
  officerId: r.officer_id,
  officerName: r.officer_name,
  recordingId: r.recording_id,
  durationSec: r.duration_sec,
  sessionId: r.ingest_session_id,
  sessionStartedAt: r.session_started_at,
});

/** The refusal code an audit row's details name, if any. */
function detailCode(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : null;
  } catch {
    return null;
  }
}

function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The audit chain as the check reports it (walked once per call; a period's report walks it once for all its days). */
export function auditChainState(db: Db): DayRows['auditChain'] {
  const walk = walkAuditChain(db);
  return { entries: walk.entries.length, problems: walk.problems.length, firstProblem: walk.problems[0]?.message ?? null };
}

/**
 * `keepUntil`: the period's originals reaching their keep-until date (`footageReachingKeepUntil`), when the caller
 * loads them once for many days; each day keeps those of its own day.
 */
export function loadDayRows(
  db: Db,
  args: { day: string; timeZone: string; now: Date; driftLimitSec?: number; auditChain?: DayRows['auditChain']; keepUntil?: readonly RetentionStatus[] },
): DayRows {
  const from = dayStart(args.day, args.timeZone).toISOString();
  const device = deviceDay(db, args.day, args.timeZone);
  const to = dayStart(nextDay(args.day), args.timeZone).toISOString();

  const sessions = (
    db
      .prepare(
        `SELECT s.id, s.started_at, s.finished_at, s.status, s.recorder_id, r.serial, s.handed_over_by, o.name AS officer_name,
                s.files_stored, s.files_failed, s.error, s.clock_drift_sec, s.clock_drift_basis
         FROM ingest_sessions s LEFT JOIN recorders r ON r.id = s.recorder_id LEFT JOIN officers o ON o.id = s.handed_over_by
         WHERE s.started_at >= ? AND s.started_at < ? ORDER BY s.started_at, s.id`,
      )
      .all(from, to) as {
      id: number; started_at: string; finished_at: string | null; status: string; recorder_id: number | null; serial: string | null; handed_over_by: number | null;
      officer_name: string | null; files_stored: number; files_failed: number; error: string | null; clock_drift_sec: number | null; clock_drift_basis: string | null;
    }[]
  ).map((s) => ({
    id: s.id, startedAt: s.started_at, finishedAt: s.finished_at, status: s.status, recorderId: s.recorder_id, serial: s.serial, handedOverBy: s.handed_over_by,
    officerName: s.officer_name, filesStored: s.files_stored, filesFailed: s.files_failed, error: s.error, clockDriftSec: s.clock_drift_sec, clockDriftBasis: s.clock_drift_basis,
  }));

  const media = (
    db
      .prepare(
        `SELECT m.id, m.original_name, m.kind, m.day, m.start_at, m.end_at, m.has_audio, m.flags, m.recorder_id, r.serial, m.officer_id, o.name AS officer_name,
                m.recording_id, m.duration_sec, m.ingest_session_id, s.started_at AS session_started_at
         FROM media m JOIN ingest_sessions s ON s.id = m.ingest_session_id LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id
         WHERE m.day = ? OR (s.started_at >= ? AND s.started_at < ?) ORDER BY m.start_at, m.id`,
      )
      .all(args.day, from, to) as RawMedia[]
  ).map(mediaRow);

  const recordings = (
    db
      .prepare(
        `SELECT g.id, g.start_at, g.end_at, g.segments, g.gaps, r.serial, g.officer_id, o.name AS officer_name
         FROM recordings g LEFT JOIN recorders r ON r.id = g.recorder_id LEFT JOIN officers o ON o.id = g.officer_id
         WHERE g.start_at >= ? AND g.start_at < ? ORDER BY g.start_at, g.id`,
      )
      .all(from, to) as { id: number; start_at: string; end_at: string; segments: number; gaps: string; serial: string | null; officer_id: number | null; officer_name: string | null }[]
  ).map((g) => ({ id: g.id, startAt: g.start_at, endAt: g.end_at, segments: g.segments, serial: g.serial, officerId: g.officer_id, officerName: g.officer_name, gaps: JSON.parse(g.gaps) as DayRows['recordings'][number]['gaps'] }));

  const viewings = (
    db
      .prepare(
        `SELECT v.id, u.display_name AS viewer, v.media_id, m.original_name, v.started_at, v.basis, v.request_type, v.grant_id, v.reason, a.display_name AS approver
         FROM viewings v JOIN users u ON u.id = v.user_id JOIN media m ON m.id = v.media_id LEFT JOIN users a ON a.id = v.approver_id
         WHERE v.started_at >= ? AND v.started_at < ? ORDER BY v.started_at, v.id`,
      )
      .all(from, to) as { id: number; viewer: string; media_id: number; original_name: string; started_at: string; basis: string; request_type: AccessType | null; grant_id: number | null; reason: string | null; approver: string | null }[]
  ).map((v) => ({
    id: v.id, viewer: v.viewer, mediaId: v.media_id, mediaName: v.original_name, startedAt: v.started_at, basis: v.basis, requestType: v.request_type,
    requestId: v.grant_id, reason: v.reason, approver: v.approver,
  }));

  const deniedViews = (
    db
      .prepare(`SELECT seq, at, actor_login, target, details FROM audit_log WHERE action = 'media.view_denied' AND at >= ? AND at < ? ORDER BY seq`)
      .all(from, to) as { seq: number; at: string; actor_login: string | null; target: string | null; details: string }[]
  ).map((d) => {
    return { seq: d.seq, at: d.at, actor: d.actor_login, target: d.target, code: detailCode(d.details) };
  });

  const publicUse = (
    db
      .prepare(
        `SELECT q.id, q.status, q.reason, u.display_name AS requester, d.display_name AS decided_by, q.decided_at,
                (SELECT COUNT(*) FROM access_request_items i WHERE i.request_id = q.id) AS items
         FROM access_requests q JOIN users u ON u.id = q.requested_by LEFT JOIN users d ON d.id = q.decided_by
         WHERE q.type = 'public' AND q.decided_at >= ? AND q.decided_at < ? ORDER BY q.decided_at, q.id`,
      )
      .all(from, to) as { id: number; status: string; reason: string; requester: string; decided_by: string | null; decided_at: string; items: number }[]
  ).map((q) => ({ id: q.id, status: q.status, reason: q.reason, requester: q.requester, decidedBy: q.decided_by, decidedAt: q.decided_at, items: q.items }));

  const discs = (
    db
      .prepare(
        `SELECT d.id, c.number, d.built_at, u.display_name AS built_by, f.state, d.burned_at, d.readback_ok
         FROM discs d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.built_by JOIN record_forms f ON f.id = d.record_form_id
         WHERE d.built_at >= ? AND d.built_at < ? ORDER BY d.built_at, d.id`,
      )
      .all(from, to) as { id: string; number: string; built_at: string; built_by: string; state: string; burned_at: string | null; readback_ok: number | null }[]
  ).map((d) => ({ id: d.id, caseNumber: d.number, builtAt: d.built_at, builtBy: d.built_by, formState: d.state, burnedAt: d.burned_at, readbackOk: d.readback_ok === null ? null : d.readback_ok === 1 }));

  const check = db
    .prepare('SELECT id, finished_at, checked, missing, changed FROM integrity_checks WHERE finished_at < ? ORDER BY finished_at DESC, id DESC LIMIT 1')
    .get(to) as { id: number; finished_at: string; checked: number; missing: number; changed: number } | undefined;

  const weekly = (db.prepare('SELECT id, created_at FROM weekly_consolidations WHERE week_start = ? ORDER BY created_at, id').all(mondayOf(args.day)) as { id: number; created_at: string }[]).map(
    (w) => ({ id: w.id, createdAt: w.created_at }),
  );

  return {
    day: args.day,
    timeZone: args.timeZone,
    now: args.now,
    devices: { recorders: device.recorders, events: device.events },
    sessions,
    media,
    recordings,
    viewings,
    deniedViews,
    publicUse,
    discs,
    integrity: check ? { id: check.id, finishedAt: check.finished_at, checked: check.checked, missing: check.missing, changed: check.changed } : null,
    auditChain: args.auditChain ?? auditChainState(db),
    weekly,
    keepUntil: (args.keepUntil ?? footageReachingKeepUntil(db, args.timeZone, args.day, args.day))
      .filter((k) => k.keepUntil === args.day)
      .map((k) => ({ mediaId: k.mediaId, name: k.originalName, recordedDay: k.recordedDay, serial: k.recorderSerial, officerName: k.officerName })),
    driftLimitSec: args.driftLimitSec ?? DRIFT_LIMIT_SEC,
  };
}
