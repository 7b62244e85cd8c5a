/**
 * Whether a public-use copy may be made (rules art. 3, 13): only under an approved 公开使用 request, in force, that
 * covers the item (its recorded set), never of classified footage (个人隐私, 商业秘密, 国家秘密) whatever the request
 * says, only of a video whose bytes are still kept, and only by the chief or by whom the approval names (an approval
 * naming nobody names its requester, as for viewing).
 */
import { grantAdmits, grantsCovering, isClassified, mediaClassification, CLASSIFICATION_LABELS, type GrantRow } from '../access';
import { AppError, type Role } from '../common';
import { loadMediaFacts, type MediaFacts } from '../library';
import type { Db } from '../store';

export interface Maker {
  userId: number;
  roles: readonly Role[];
}

/** The roles that make copies under any 公开使用 approval in force (art. 13: the brigade head approves public use). */
export const COPY_MAKER_ROLES: readonly Role[] = ['chief'];

export interface PublicSource {
  grant: GrantRow;
  media: MediaFacts;
}

const refuse = (code: string, message: string, log: string): never => {
  throw new AppError(code, message, log);
};

/** May this person make or hand out copies under this approval (its other conditions aside)? */
export function mayUseApproval(grant: GrantRow, maker: Maker): boolean {
  return maker.roles.some((r) => COPY_MAKER_ROLES.includes(r)) || grantAdmits(grant, maker.userId, 'normal');
}

/** The approval and the original a copy is made from; throws the refusal, in Chinese, otherwise. */
export function requirePublicSource(db: Db, requestId: number, mediaId: number, maker: Maker, now: Date): PublicSource {
  const media = loadMediaFacts(db, mediaId) ?? refuse('NOT_FOUND', `资料 #${mediaId} 不存在`, `media ${mediaId} not found`);
  const classification = mediaClassification(db, mediaId);
  if (isClassified(classification)) {
    refuse(
      'PUBLIC_COPY_CLASSIFIED',
      `该资料密级为“${CLASSIFICATION_LABELS[classification]}”，涉密资料不得制作公开使用副本（第三条），无论申请如何批准`,
      `public copy refused: media ${mediaId} is ${classification}`,
    );
  }
  const grant =
    grantsCovering(db, mediaId, now).find((g) => g.id === requestId && g.type === 'public' && g.decidedBy !== g.requestedBy) ??
    refuse(
      'PUBLIC_COPY_NOT_APPROVED',
      `申请 ${requestId} 不是经大队负责人批准、在有效期内且包含该资料的公开使用申请（第十三条），不能制作公开使用副本`,
      `public copy refused: request ${requestId} is no public-use approval in force covering media ${mediaId}`,
    );
  if (!mayUseApproval(grant, maker)) {
    refuse('FORBIDDEN', '只有大队负责人或该批准点名的人员可以制作、交付公开使用副本', `user ${maker.userId} not named by request ${requestId}`);
  }
  if (media.disposed) refuse('MEDIA_DISPOSED', '该资料已按期销毁，不能制作副本', `media ${mediaId} disposed`);
  if (media.kind !== 'video' || media.flags.includes('unreadable') || media.flags.includes('zero_byte')) {
    refuse('PUBLIC_COPY_NOT_VIDEO', '只能为可读的视频资料制作公开使用副本', `media ${mediaId} is not a readable video`);
  }
  return { grant, media };
}
