import type { PlayerOpenDto } from '../../../../main/api/dto';
import { api } from '../../api';

/**
 * media.open asked at the click (issue 14 item 2), while the player's dialog renders, rather than after: the player
 * takes the answer once. The call checks leave and reads; it registers nothing, so asking early changes no record.
 */
let ahead: { mediaId: number; answer: Promise<PlayerOpenDto> } | null = null;

export function openAhead(mediaId: number): void {
  const answer = api.media.open({ id: mediaId });
  // Reported by the player when it takes the answer; one never taken is dropped quietly.
  answer.catch(() => undefined);
  ahead = { mediaId, answer };
}

/** The answer asked at the click for `mediaId`, or a new call (another item, or none asked). */
export function takeOpen(mediaId: number): Promise<PlayerOpenDto> {
  const a = ahead;
  ahead = null;
  return a && a.mediaId === mediaId ? a.answer : api.media.open({ id: mediaId });
}
