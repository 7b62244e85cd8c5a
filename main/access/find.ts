import type { Db } from '../store';
import type { AccessType } from '../common';

/** An approval in force whose scope covers a media item. */
export interface GrantRow {
  id: number;
  type: AccessType;
  reason: string;
  requestedBy: number;
  decidedBy: number;
  validFrom: string;
  validUntil: string;
  /** Users the approval names; empty when it names nobody (then only the requester holds it). */
  named: number[];
}

/**
 * Approvals in force at `now` (approved, not revoked, inside their window) that cover the media:
 * those whose recorded set (what the approver was shown when deciding) holds it. A case's items
 * added after an approval are not covered by it. Newest decision first. Who may use which of them
 * is the policy's business, not this query's.
 */
export function grantsCovering(db: Db, mediaId: number, now: Date): GrantRow[] {
  return grantsCoveringEach(db, [mediaId], now).get(mediaId) ?? [];
}

/** grantsCovering for many media in one query (a library page): media id → its grants, newest decision first. */
export function grantsCoveringEach(db: Db, mediaIds: readonly number[], now: Date): Map<number, GrantRow[]> {
  const at = now.toISOString();
  const rows = db
    .prepare(
      `SELECT i.media_id AS mediaId, r.id, r.type, r.reason, r.requested_by AS requestedBy, r.decided_by AS decidedBy, r.valid_from AS validFrom, r.valid_until AS validUntil,
              (SELECT json_group_array(user_id) FROM access_request_users WHERE request_id = r.id) AS named
       FROM access_request_items i JOIN access_requests r ON r.id = i.request_id
       WHERE i.media_id IN (SELECT value FROM json_each(:ids)) AND r.status = 'approved' AND r.valid_from <= :at AND r.valid_until > :at
       ORDER BY r.decided_at DESC, r.id DESC`,
    )
    .all({ at, ids: JSON.stringify(mediaIds) }) as (Omit<GrantRow, 'named'> & { mediaId: number; named: string })[];
  const out = new Map<number, GrantRow[]>();
  for (const { mediaId, named, ...g } of rows) {
    const list = out.get(mediaId) ?? [];
    list.push({ ...g, named: JSON.parse(named) as number[] });
    out.set(mediaId, list);
  }
  return out;
}

/** The users an approval names (for classified items). */
export function namedUsers(db: Db, requestId: number): number[] {
  return (db.prepare('SELECT user_id AS id FROM access_request_users WHERE request_id = ? ORDER BY user_id').all(requestId) as { id: number }[]).map((r) => r.id);
}
