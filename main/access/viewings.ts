import type { Session } from '../accounts';
import type { Db } from '../store';
import { auditAs } from '../audit';
import type { MediaFacts } from '../library';
import type { ViewBasis } from './view-policy';

/** A player's Range requests within this pause belong to the same viewing; after it, a new row. */
export const VIEWING_IDLE_MS = 5 * 60_000;

export type ViewVariant = 'original' | 'preview';

/**
 * The viewing register (查阅登记, art. 14): the first request of a user for a media item opens a
 * row and audits 'media.view' in the same transaction; later requests within VIEWING_IDLE_MS only
 * move its end time, so one playback is one row, however many Range requests it makes.
 * A viewing under a grant carries its request type, reason and approver, so the register needs
 * nothing else to say on whose leave it happened. Returns the row id and whether it was opened now.
 */
export function recordViewing(db: Db, session: Session, media: MediaFacts, variant: ViewVariant, leave: ViewBasis, now: Date): { id: number; opened: boolean } {
  const { basis, grant } = leave;
  return db.transaction(() => {
    const last = db
      .prepare('SELECT id, last_at FROM viewings WHERE user_id = ? AND media_id = ? ORDER BY last_at DESC, id DESC LIMIT 1')
      .get(session.userId, media.id) as { id: number; last_at: string } | undefined;
    const at = now.toISOString();
    if (last && now.getTime() - Date.parse(last.last_at) <= VIEWING_IDLE_MS) {
      if (at > last.last_at) db.prepare('UPDATE viewings SET last_at = ? WHERE id = ?').run(at, last.id);
      return { id: last.id, opened: false };
    }
    const id = db
      .prepare(
        'INSERT INTO viewings (user_id, media_id, recording_id, started_at, last_at, basis, request_type, reason, approver_id, grant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(session.userId, media.id, media.recordingId, at, at, basis, grant?.type ?? null, grant?.reason ?? null, grant?.decidedBy ?? null, grant?.id ?? null)
      .lastInsertRowid as number;
    auditAs(db, session, now, 'media.view', `media:${media.id}`, {
      viewingId: id,
      sha256: media.sha256,
      variant,
      basis,
      recordingId: media.recordingId,
      requestId: grant?.id ?? null,
    });
    return { id, opened: true };
  })();
}
