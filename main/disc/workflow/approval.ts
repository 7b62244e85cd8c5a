/**
 * Rules art. 11: nothing leaves the archive without approval. A disc is built against one approved 办案查阅 or
 * 公开使用 request covering exactly its items, whoever asked for it; the access module decides (disc-approval.ts),
 * and this is the one place the disc workflow asks it. The custodian needs no leave of his own to build or burn.
 */
import type { Db } from '../../store';
import { requireApprovedForDisc } from '../../access';

/** Who should ask when nothing covers the disc: the case's 承办人 by name, else the case handler in general. */
function caseAsker(db: Db, caseId: number): string {
  const r = db.prepare('SELECT o.name AS name FROM cases c JOIN officers o ON o.id = c.handler_officer_id WHERE c.id = ?').get(caseId) as { name: string } | undefined;
  return r ? `承办人${r.name}` : '本案承办人';
}

/** Throws DISC_NOT_APPROVED naming the recordings without approval and who must ask whom; returns media id → the approval. */
export function assertItemsApprovedForDisc(db: Db, caseId: number, mediaIds: readonly number[], now: Date): Map<number, number> {
  return requireApprovedForDisc(db, mediaIds, now, { who: caseAsker(db, caseId) });
}
