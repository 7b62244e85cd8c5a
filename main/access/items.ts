import { sha256Hex } from '../crypto';
import type { Db } from '../store';
import type { AccessItemDto } from './types';
import { officerRef } from '../library';
import { mediaClassification, scopeMediaIds } from './classification';
import type { RequestRow } from './requests';

/**
 * What an approval covers (issue 10): the media shown to the approver, recorded when he approves.
 * Grants, the viewing register and the disc check read this set, never the scope as it is later.
 */

/** The fingerprint of a media list as shown: sha256 of the ascending ids, comma-separated. */
export function itemsFingerprint(ids: readonly number[]): string {
  return sha256Hex([...ids].sort((x, y) => x - y).join(','));
}

/** Whether the request was ever approved (then its set is recorded, even if it was revoked or ran out since). */
export const wasApproved = (r: Pick<RequestRow, 'validFrom'>): boolean => r.validFrom !== null;

/** The media an approval recorded, ascending. */
export function approvedMediaIds(db: Db, requestId: number): number[] {
  return (db.prepare('SELECT media_id AS id FROM access_request_items WHERE request_id = ? ORDER BY media_id').all(requestId) as { id: number }[]).map((r) => r.id);
}

/** Records what an approval covers; call inside the approving transaction, after the status is 'approved'. */
export function recordApprovedMedia(db: Db, requestId: number, ids: readonly number[]): void {
  const ins = db.prepare('INSERT INTO access_request_items (request_id, media_id) VALUES (?, ?)');
  for (const id of new Set(ids)) ins.run(requestId, id);
}

/** Once approved, the recorded set; before, what an approval now would cover (the scope as it is). Ascending. */
export function requestMediaIds(db: Db, r: Pick<RequestRow, 'id' | 'validFrom' | 'scopeKind' | 'scopeId'>): number[] {
  if (wasApproved(r)) return approvedMediaIds(db, r.id);
  return scopeMediaIds(db, { kind: r.scopeKind, id: r.scopeId }).sort((x, y) => x - y);
}

interface ItemRow {
  id: number;
  kind: AccessItemDto['kind'];
  original_name: string;
  start_at: string;
  end_at: string | null;
  duration_sec: number | null;
  officer_id: number | null;
  officer_name: string | null;
  officer_badge: string | null;
  recorder_serial: string | null;
}

/** The list an approver is shown: officer, recorder, start, end and length of each item, in time order. */
export function describeItems(db: Db, ids: readonly number[]): AccessItemDto[] {
  const get = db.prepare(
    `SELECT m.id, m.kind, m.original_name, m.start_at, m.end_at, m.duration_sec,
            o.id AS officer_id, o.name AS officer_name, o.badge_no AS officer_badge, r.serial AS recorder_serial
     FROM media m LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN recorders r ON r.id = m.recorder_id WHERE m.id = ?`,
  );
  const cases = db.prepare("SELECT c.number || ' ' || c.title AS label FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.media_id = ? ORDER BY c.number");
  return ids
    .map((id) => get.get(id) as ItemRow | undefined)
    .filter((r): r is ItemRow => r !== undefined)
    .sort((x, y) => (x.start_at < y.start_at ? -1 : x.start_at > y.start_at ? 1 : x.id - y.id))
    .map((r) => ({
      mediaId: r.id,
      kind: r.kind,
      originalName: r.original_name,
      officer: officerRef(r.officer_id, r.officer_name, r.officer_badge),
      recorderSerial: r.recorder_serial,
      startAt: r.start_at,
      endAt: r.end_at,
      durationSec: r.duration_sec,
      classification: mediaClassification(db, r.id),
      cases: (cases.all(r.id) as { label: string }[]).map((c) => c.label),
    }));
}
