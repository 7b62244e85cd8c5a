import { dayStart, nextDay, type CheckItem, type CompensationDecision, type RecorderStatus, type RepairResult } from '../common';
import type { Db } from '../store';
import { checksOfDay, dockingsBetween, type Docking, type RecorderCheck } from './checks';
import { incidentsBetween } from './incidents';
import type { OfficerId, RecorderId } from './register';
import { repairsBetween } from './repairs';

/** Something about the devices on one office day that the daily check (art. 15) names, with its article. */
export type DeviceEvent =
  | { kind: 'check_failed'; article: 4; recorderId: RecorderId; serial: string; checkId: number; failed: CheckItem[]; note: string | null; at: string }
  | { kind: 'repair_sent'; article: 9; recorderId: RecorderId; serial: string; repairId: number; fault: string; at: string }
  | { kind: 'repair_returned'; article: 9; recorderId: RecorderId; serial: string; repairId: number; result: RepairResult; at: string }
  | {
      kind: 'lost' | 'damaged';
      article: 10;
      recorderId: RecorderId;
      serial: string;
      incidentId: number;
      officer: { id: OfficerId; name: string; badgeNo: string } | null;
      description: string;
      decision: CompensationDecision | null;
      at: string;
    };

/** One recorder on one office day: whether it could be used, who wore it when, its check and its dockings. */
export interface RecorderDay {
  recorderId: RecorderId;
  serial: string;
  /** Usable at some time of the day: known by its end, not lost before it, not in repair or retired all day. */
  inService: boolean;
  /** Assignments overlapping the day, clipped to it, in order. */
  wearers: { officerId: OfficerId; name: string; badgeNo: string; fromAt: string; toAt: string }[];
  /** The day's pre-use check (art. 4), or null when none was recorded. */
  check: RecorderCheck | null;
  /** Dockings that day with the clock drift measured at each (art. 4). */
  dockings: Docking[];
}

export interface DeviceDay {
  day: string;
  /** [start, end) of the office day, ISO. */
  start: string;
  end: string;
  recorders: RecorderDay[];
  /** Failed pre-use checks, repairs sent or returned, losses and damage of the day, in time order. */
  events: DeviceEvent[];
}

/**
 * The device side of one office day (`day` in the office's time zone), for the daily check: read-only, derived from
 * the register's rows only. A recorder's status is kept as it is now, not as it was, so whether it was in service
 * that day comes from its records: repairs covering the whole day, a loss before it, retirement by an unrepairable
 * repair before it. A recorder retired by a bare edit (no record) counts as out of service on every day.
 */
export function deviceDay(db: Db, day: string, timeZone: string): DeviceDay {
  const start = dayStart(day, timeZone);
  const end = dayStart(nextDay(day), timeZone);
  const s = start.toISOString();
  const e = end.toISOString();

  // Known by that day: registered before its end, or with records from before it (entered after the fact).
  const recorders = db
    .prepare(
      `SELECT r.id, r.serial, r.status FROM recorders r WHERE r.created_at < @end
         OR EXISTS (SELECT 1 FROM recorder_assignments a WHERE a.recorder_id = r.id AND a.from_at < @end)
         OR EXISTS (SELECT 1 FROM recorder_repairs p WHERE p.recorder_id = r.id AND p.sent_at < @end)
         OR EXISTS (SELECT 1 FROM recorder_incidents i WHERE i.recorder_id = r.id AND i.occurred_at < @end)
         OR EXISTS (SELECT 1 FROM recorder_checks c WHERE c.recorder_id = r.id AND c.day <= @day)
       ORDER BY r.serial`,
    )
    .all({ end: e, day }) as { id: number; serial: string; status: RecorderStatus }[];
  const assignments = db
    .prepare(
      `SELECT a.recorder_id, a.from_at, a.to_at, o.id AS officer_id, o.name, o.badge_no FROM recorder_assignments a JOIN officers o ON o.id = a.officer_id
       WHERE a.from_at < ? AND (a.to_at IS NULL OR a.to_at > ?) ORDER BY a.from_at`,
    )
    .all(e, s) as { recorder_id: number; from_at: string; to_at: string | null; officer_id: number; name: string; badge_no: string }[];
  const repairAllDay = db.prepare('SELECT 1 FROM recorder_repairs WHERE recorder_id = ? AND sent_at <= ? AND (returned_at IS NULL OR returned_at >= ?)');
  const outBefore = db.prepare(
    `SELECT 1 FROM recorder_incidents WHERE recorder_id = ? AND kind = 'lost' AND occurred_at < ?
     UNION ALL SELECT 1 FROM recorder_repairs WHERE recorder_id = ? AND result = 'unrepairable' AND returned_at < ?`,
  );
  const checks = new Map(checksOfDay(db, day).map((c) => [c.recorderId as number, c]));
  const dockings = dockingsBetween(db, start, end);

  const days: RecorderDay[] = recorders.map((r) => {
    const retiredUnrecorded = r.status === 'retired' && !outBefore.get(r.id, e, r.id, e);
    const inService = !retiredUnrecorded && !repairAllDay.get(r.id, s, e) && !outBefore.get(r.id, s, r.id, s);
    return {
      recorderId: r.id as RecorderId,
      serial: r.serial,
      inService,
      wearers: assignments
        .filter((a) => a.recorder_id === r.id)
        .map((a) => ({
          officerId: a.officer_id as OfficerId,
          name: a.name,
          badgeNo: a.badge_no,
          fromAt: a.from_at > s ? a.from_at : s,
          toAt: a.to_at !== null && a.to_at < e ? a.to_at : e,
        })),
      check: checks.get(r.id) ?? null,
      dockings: dockings.filter((d) => d.recorderId === r.id),
    };
  });

  const events: DeviceEvent[] = [];
  for (const c of checks.values()) {
    if (c.failed.length > 0)
      events.push({ kind: 'check_failed', article: 4, recorderId: c.recorderId, serial: c.serial, checkId: c.id, failed: c.failed, note: c.note, at: c.checkedAt });
  }
  for (const p of repairsBetween(db, start, end)) {
    if (p.sentAt >= s && p.sentAt < e) events.push({ kind: 'repair_sent', article: 9, recorderId: p.recorderId, serial: p.serial, repairId: p.id, fault: p.fault, at: p.sentAt });
    if (p.returnedAt && p.result && p.returnedAt >= s && p.returnedAt < e)
      events.push({ kind: 'repair_returned', article: 9, recorderId: p.recorderId, serial: p.serial, repairId: p.id, result: p.result, at: p.returnedAt });
  }
  for (const i of incidentsBetween(db, start, end)) {
    events.push({
      kind: i.kind,
      article: 10,
      recorderId: i.recorderId,
      serial: i.serial,
      incidentId: i.id,
      officer: i.officer,
      description: i.description,
      decision: i.decision,
      // Listed on the day it happened, or on the day it was reported when it happened earlier.
      at: i.occurredAt >= s ? i.occurredAt : i.reportedAt,
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return { day, start: s, end: e, recorders: days, events };
}
