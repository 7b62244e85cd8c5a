// Each original's retention as it stands on an office day: the facts from the store, the pure rule (keep-until.ts).
import { localDay, type CaseStatus, type Classification, type HoldKind, type KeepBasis } from '../common';
import { officeSetting, type Db } from '../store';
import { disposalRefusal, keepUntil, type KeepUntil, type RetentionFacts, type RetentionPolicy } from './keep-until';

/** The office's retention settings. */
export function retentionPolicy(db: Db): RetentionPolicy {
  return { retentionMonths: Number(officeSetting(db, 'retention_months')), caseRetentionMonths: Number(officeSetting(db, 'case_retention_months')) };
}

export interface RetentionStatus {
  mediaId: number;
  sha256: string;
  size: number;
  storedPath: string;
  originalName: string;
  startAt: string;
  recordedDay: string;
  kind: string;
  durationSec: number | null;
  recorderSerial: string | null;
  officerName: string | null;
  classification: Classification;
  /** Office day from which it may be disposed of; null: kept indefinitely. */
  keepUntil: string | null;
  basis: KeepBasis;
  blockers: KeepBasis[];
  /** Disposed already: the disposal's id and when. */
  disposalId: number | null;
  disposedAt: string | null;
  /** Why it may not be disposed of today (Chinese); null: it may. */
  refusal: string | null;
}

interface MediaRow {
  id: number;
  sha256: string;
  size: number;
  stored_path: string;
  original_name: string;
  start_at: string;
  day: string;
  kind: string;
  duration_sec: number | null;
  retention_until: string;
  classification: Classification;
  disposal_id: number | null;
  disposed_at: string | null;
  serial: string | null;
  officer: string | null;
}

/**
 * The retention status of the given originals (all when `ids` is absent) on office day `today`.
 * Cases and holds are read in two queries beside the media, so a whole archive costs three.
 */
export function retentionStatuses(db: Db, timeZone: string, today: string, ids?: readonly number[]): RetentionStatus[] {
  const only = ids ? 'WHERE m.id IN (SELECT value FROM json_each(?))' : '';
  const args = ids ? [JSON.stringify(ids)] : [];
  const rows = db
    .prepare(
      `SELECT m.id, m.sha256, m.size, m.stored_path, m.original_name, m.start_at, m.day, m.kind, m.duration_sec, m.retention_until,
              m.classification, m.disposal_id, m.disposed_at, r.serial, o.name AS officer
       FROM media m LEFT JOIN recorders r ON r.id = m.recorder_id LEFT JOIN officers o ON o.id = m.officer_id ${only}
       ORDER BY m.day, m.start_at, m.id`,
    )
    .all(...args) as MediaRow[];
  const cases = new Map<number, RetentionFacts['cases'][number][]>();
  for (const c of db
    .prepare(`SELECT ci.media_id, c.status, c.closed_at, c.classification FROM case_items ci JOIN cases c ON c.id = ci.case_id ${ids ? 'WHERE ci.media_id IN (SELECT value FROM json_each(?))' : ''}`)
    .all(...args) as { media_id: number; status: CaseStatus; closed_at: string | null; classification: Classification }[]) {
    const list = cases.get(c.media_id) ?? [];
    list.push({ status: c.status, closedDay: c.closed_at ? localDay(new Date(c.closed_at), timeZone) : null, classification: c.classification });
    cases.set(c.media_id, list);
  }
  const holds = new Map<number, HoldKind[]>();
  for (const h of db
    .prepare(`SELECT media_id, kind FROM retention_holds WHERE released_at IS NULL ${ids ? 'AND media_id IN (SELECT value FROM json_each(?))' : ''}`)
    .all(...args) as { media_id: number; kind: HoldKind }[]) {
    holds.set(h.media_id, [...(holds.get(h.media_id) ?? []), h.kind]);
  }
  const policy = retentionPolicy(db);
  return rows.map((r) => {
    const k: KeepUntil = keepUntil(
      {
        recordedDay: r.day,
        storedUntilDay: localDay(new Date(r.retention_until), timeZone),
        classification: r.classification,
        cases: cases.get(r.id) ?? [],
        activeHolds: holds.get(r.id) ?? [],
      },
      policy,
    );
    return {
      mediaId: r.id,
      sha256: r.sha256,
      size: r.size,
      storedPath: r.stored_path,
      originalName: r.original_name,
      startAt: r.start_at,
      recordedDay: r.day,
      kind: r.kind,
      durationSec: r.duration_sec,
      recorderSerial: r.serial,
      officerName: r.officer,
      classification: r.classification,
      keepUntil: k.keepUntil,
      basis: k.basis,
      blockers: k.blockers,
      disposalId: r.disposal_id,
      disposedAt: r.disposed_at,
      refusal: disposalRefusal(k, today, r.disposal_id !== null),
    };
  });
}

/** Originals listed on a disposal request not yet decided or approved and not yet carried out. */
export function mediaInOpenDisposals(db: Db): Set<number> {
  return new Set(
    (db.prepare("SELECT i.media_id FROM disposal_items i JOIN disposals d ON d.id = i.disposal_id WHERE d.state IN ('requested', 'approved')").all() as { media_id: number }[]).map(
      (r) => r.media_id,
    ),
  );
}

/**
 * For the daily check (issue 12 item 1): originals whose keep-until day falls within [fromDay, toDay] (office days),
 * not disposed and not held indefinitely. Use fromDay = toDay = the checked day for "reaches it that day".
 */
export function footageReachingKeepUntil(db: Db, timeZone: string, fromDay: string, toDay: string): RetentionStatus[] {
  return retentionStatuses(db, timeZone, toDay).filter((s) => s.disposalId === null && s.keepUntil !== null && s.keepUntil >= fromDay && s.keepUntil <= toDay);
}
