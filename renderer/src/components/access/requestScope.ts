import type { LibraryItemDto } from '../../../../main/api/dto';
import { formatTime } from '../../time';
import type { RequestScope } from './RequestForm';

/**
 * What to ask leave for when a library row or the player refuses an item: its whole recording when it has one
 * (an approval then covers every segment), else the item; named by time, officer and recorder, never by id.
 */
export function requestScopeFor(item: Pick<LibraryItemDto, 'id' | 'recordingId' | 'startAt' | 'officer' | 'recorderSerial' | 'originalName'>): RequestScope {
  const who = item.officer ? `${item.officer.name}（警号 ${item.officer.badgeNo}）` : '执法人员未登记';
  const where = item.recorderSerial ? ` 记录仪 ${item.recorderSerial}` : '';
  const at = formatTime(item.startAt, 'YYYY-MM-DD HH:mm');
  return item.recordingId !== null
    ? { kind: 'recording', id: item.recordingId, label: `${at} 起 ${who}${where} 的整段录像` }
    : { kind: 'media', id: item.id, label: `${at} ${who}${where} ${item.originalName}` };
}
