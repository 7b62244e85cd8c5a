/**
 * Rules art. 11: nothing leaves the archive without approval. Every item on a disc needs an approval in force
 * of type case or public covering the user who builds the disc; the access module decides (view-policy.ts),
 * and this is the one place the disc workflow asks it.
 */
import type { Db } from '../../store';
import { requireApprovedForDisc } from '../../access';

/** Throws DISC_NOT_APPROVED naming the items without approval; returns media id → covering approval id. */
export function assertItemsApprovedForDisc(db: Db, userId: number, mediaIds: readonly number[], now: Date): Map<number, number> {
  return requireApprovedForDisc(db, userId, mediaIds, now);
}
