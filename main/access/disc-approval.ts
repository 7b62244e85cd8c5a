/**
 * No other way out (rules art. 11, 13, 14): a disc is built against one approved request whose recorded item set
 * (what its approver was shown) is exactly the disc's items. Whoever asked for it, the custodian builds and burns
 * under it without leave of his own to view: burning is not viewing. The request must be of a type that allows a
 * disc (办案查阅, 公开使用), in force, decided by someone other than its requester, and of a type its items'
 * classification allows.
 */
import { AppError, formatInstant, ROLE_LABELS, type Role } from '../common';
import { readOffice, type Db } from '../store';
import { mediaClassification } from './classification';
import { grantsCovering, type GrantRow } from './find';
import { approvedMediaIds, describeItems } from './items';
import { ACCESS_RULES } from './view-policy';
import type { AccessItemDto } from './types';

/** Who should ask, for the refusal's "who must ask whom", e.g. '承办人张三'. */
export interface DiscAsker {
  who: string;
}

const selfDecided = (g: GrantRow): boolean => g.decidedBy === g.requestedBy;

/** The approvals in force that may put an item on a disc, newest first. */
function discGrants(db: Db, mediaId: number, now: Date): GrantRow[] {
  const cls = mediaClassification(db, mediaId);
  return grantsCovering(db, mediaId, now).filter((g) => ACCESS_RULES[g.type].allowsDisc && !selfDecided(g) && !ACCESS_RULES[g.type].neverFor.includes(cls));
}

function holders(db: Db, roles: readonly Role[]): string {
  const names = db
    .prepare(`SELECT DISTINCT u.display_name AS name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.disabled = 0 AND r.role IN (${roles.map(() => '?').join(', ')}) ORDER BY u.display_name`)
    .all(...roles) as { name: string }[];
  const label = roles.map((r) => ROLE_LABELS[r]).join('或');
  return names.length ? `${label}（${names.map((n) => n.name).join('、')}）` : label;
}

/** One item as a person reads it: start (office zone), officer, file. */
function itemText(i: AccessItemDto, timeZone: string): string {
  const officer = i.officer ? `${i.officer.name}（警号 ${i.officer.badgeNo}）` : '执法人员未登记';
  return `${formatInstant(new Date(i.startAt), timeZone, 'YYYY-MM-DD HH:mm:ss')} ${officer} ${i.originalName}`;
}

function listText(items: AccessItemDto[], timeZone: string): string {
  const shown = items.slice(0, 8).map((i) => itemText(i, timeZone));
  return shown.join('；') + (items.length > shown.length ? ` 等共 ${items.length} 项` : '');
}

/**
 * Returns media id → the one request the disc is built against; throws DISC_NOT_APPROVED naming, by time and officer,
 * the recordings no such request covers, and who must ask whom.
 */
export function requireApprovedForDisc(db: Db, mediaIds: readonly number[], now: Date, asker: DiscAsker = { who: '承办人' }): Map<number, number> {
  const ids = [...new Set(mediaIds)].sort((a, b) => a - b);
  const key = ids.join(',');
  const candidates = new Map<number, GrantRow>();
  const uncovered: number[] = [];
  for (const id of ids) {
    const gs = discGrants(db, id, now);
    if (!gs.length) uncovered.push(id);
    for (const g of gs) if (!candidates.has(g.id)) candidates.set(g.id, g);
  }
  if (!uncovered.length) {
    // Newest decision first (grantsCovering's order); its set must be the disc's set, no more and no less.
    const exact = [...candidates.values()].find((g) => approvedMediaIds(db, g.id).join(',') === key);
    if (exact) return new Map(ids.map((id) => [id, exact.id]));
  }
  const tz = readOffice(db)?.timeZone ?? 'Asia/Shanghai';
  const ask = `${asker.who}需向${holders(db, ACCESS_RULES.case.approverRoles)}提出办案查阅申请（${ACCESS_RULES.case.article}），范围为本次刻录的全部资料，批准后由保管员制作光盘`;
  if (uncovered.length) {
    throw new AppError(
      'DISC_NOT_APPROVED',
      `以下 ${uncovered.length} 项资料没有经批准且在有效期内的办案查阅或公开使用申请，不能刻录：${listText(describeItems(db, uncovered), tz)}。${ask}。`,
      `disc refused: ${uncovered.length} item(s) without an approval`,
    );
  }
  throw new AppError(
    'DISC_NOT_APPROVED',
    `光盘须依据一份批准范围与光盘内容完全一致的申请制作；现有的批准（${[...candidates.keys()].map((id) => `申请 ${id}`).join('、')}）各自只覆盖其中一部分或多出其他资料，不能刻录。${ask}。`,
    `disc refused: no single approval covers exactly ${ids.length} item(s)`,
  );
}
