// What the masking editor offers: the 公开使用 approvals in force that the caller may use, each with its items and,
// for those no copy may be made of, why (the same checks as making one).
import { approvedMediaIds, grantsCovering } from '../access';
import { isAppError } from '../common';
import type { Db } from '../store';
import { mayUseApproval, requirePublicSource, type Maker } from './eligibility';
import { approvalNumber } from './operations';
import type { PublicSourceDto, PublicSourceItemDto } from './types';

interface RequestRow {
  id: number;
  reason: string;
  requestedBy: string;
  decidedBy: string;
  validUntil: string;
}

/** The item's row as SQLite gives it (has_audio as 0/1). */
type ItemRow = Omit<PublicSourceItemDto, 'hasAudio' | 'refusal'> & { hasAudio: number };

export function publicSources(db: Db, maker: Maker, now: Date): PublicSourceDto[] {
  const at = now.toISOString();
  const requests = db
    .prepare(
      `SELECT r.id, r.reason, ru.display_name AS requestedBy, du.display_name AS decidedBy, r.valid_until AS validUntil
       FROM access_requests r JOIN users ru ON ru.id = r.requested_by JOIN users du ON du.id = r.decided_by
       WHERE r.type = 'public' AND r.status = 'approved' AND r.valid_from <= ? AND r.valid_until > ? ORDER BY r.decided_at DESC, r.id DESC`,
    )
    .all(at, at) as RequestRow[];
  const item = db.prepare(
    `SELECT id AS mediaId, original_name AS originalName, start_at AS startAt, duration_sec AS durationSec, width, height, has_audio AS hasAudio FROM media WHERE id = ?`,
  );
  const out: PublicSourceDto[] = [];
  for (const r of requests) {
    const ids = approvedMediaIds(db, r.id);
    const grant = ids.length ? grantsCovering(db, ids[0]!, now).find((g) => g.id === r.id) : undefined;
    if (!grant || !mayUseApproval(grant, maker)) continue;
    const items: PublicSourceItemDto[] = ids.map((id) => {
      const row = item.get(id) as ItemRow;
      let refusal: string | null = null;
      try {
        requirePublicSource(db, r.id, id, maker, now);
      } catch (e) {
        if (!isAppError(e)) throw e;
        refusal = e.userMessage;
      }
      return { ...row, hasAudio: row.hasAudio === 1, refusal };
    });
    out.push({ requestId: r.id, approvalNumber: approvalNumber(r.id), reason: r.reason, requestedBy: r.requestedBy, decidedBy: r.decidedBy, validUntil: r.validUntil, items });
  }
  return out;
}
