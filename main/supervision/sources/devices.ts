// Art. 4, 9, 10: the recorders' pre-use checks, repairs, loss and damage on the day (from `deviceDay`, main/devices).
import { CHECK_ITEM_LABELS, COMPENSATION_DECISION_LABELS, INCIDENT_KIND_LABELS, localDay, REPAIR_RESULT_LABELS } from '../../common';
import type { DeviceEvent } from '../../devices';
import type { DayRows, Finding } from '../types';
import { recorderRef, timeOf, wentOut } from './shared';

type EventOf<K extends DeviceEvent['kind']> = Extract<DeviceEvent, { kind: K }>;
const eventsOf = <K extends DeviceEvent['kind']>(rows: DayRows, ...kinds: K[]): EventOf<K>[] =>
  rows.devices.events.filter((e): e is EventOf<K> => (kinds as string[]).includes(e.kind));

/** Pre-use checks that found a point wanting (art. 4): the recorder should not have gone out as it was. */
export const failedChecks = (rows: DayRows): Finding[] =>
  eventsOf(rows, 'check_failed').map((e) => ({
    key: `device_check_failed:check:${e.checkId}`,
    kind: 'device_check_failed',
    article: '4',
    problem: true,
    title: `${e.serial} 使用前检查不合格：${e.failed.map((i) => CHECK_ITEM_LABELS[i]).join('、')}`,
    detail: `检查于 ${timeOf(rows, e.at)}${e.note ? `；${e.note}` : ''}`,
    refs: [recorderRef(e.recorderId, e.serial)],
  }));

/**
 * Recorders in service, worn and taken out that day (`wentOut`: issued, footage of the day or docked) with no pre-use
 * check recorded (art. 4: the check comes before use; a recorder its wearer kept through a day off was not used). A day
 * still running is not judged: its check may still be entered.
 */
export const missingChecks = (rows: DayRows): Finding[] => {
  if (rows.day >= localDay(rows.now, rows.timeZone)) return [];
  return rows.devices.recorders
    .filter((r) => r.inService && r.wearers.length > 0 && r.check === null && wentOut(rows, r))
    .map((r) => ({
      key: `no_pre_use_check:recorder:${r.recorderId}`,
      kind: 'no_pre_use_check',
      article: '4',
      problem: true,
      title: `${r.serial} 当日使用前未记录检查`,
      detail: `佩戴人 ${[...new Set(r.wearers.map((w) => `${w.name}（${w.badgeNo}）`))].join('、')}`,
      refs: [recorderRef(r.recorderId, r.serial)],
    }));
};

/** Repairs sent or returned that day (art. 9): a record the chief confirms; beyond repair is a problem. */
export const repairs = (rows: DayRows): Finding[] =>
  eventsOf(rows, 'repair_sent', 'repair_returned').map((e) =>
    e.kind === 'repair_sent'
      ? {
          key: `device_repair:repair:${e.repairId}:sent`,
          kind: 'device_repair',
          article: '9',
          problem: false,
          title: `${e.serial} 送修：${e.fault}`,
          detail: `送修于 ${timeOf(rows, e.at)}；维修期间不得领用`,
          refs: [recorderRef(e.recorderId, e.serial)],
        }
      : {
          key: `device_repair:repair:${e.repairId}:returned`,
          kind: 'device_repair',
          article: '9',
          problem: e.result === 'unrepairable',
          title: `${e.serial} 维修返回：${REPAIR_RESULT_LABELS[e.result]}`,
          detail: `返回于 ${timeOf(rows, e.at)}${e.result === 'unrepairable' ? '；设备已退出使用' : '；恢复在用'}`,
          refs: [recorderRef(e.recorderId, e.serial)],
        },
  );

/** Loss and damage reported that day (art. 10): who wore it and the chief's decision on compensation. */
export const incidents = (rows: DayRows): Finding[] =>
  eventsOf(rows, 'lost', 'damaged').map((e) => ({
    key: `device_incident:incident:${e.incidentId}`,
    kind: 'device_incident',
    article: '10',
    problem: true,
    title: `${e.serial} ${INCIDENT_KIND_LABELS[e.kind]}${e.officer ? `（佩戴人 ${e.officer.name}）` : ''}`,
    detail: `${e.description}；${e.decision ? `赔偿决定：${COMPENSATION_DECISION_LABELS[e.decision]}` : '尚未作出赔偿决定'}（${timeOf(rows, e.at)}）`,
    refs: [recorderRef(e.recorderId, e.serial), ...(e.officer ? [{ kind: 'officer' as const, id: e.officer.id, label: e.officer.name }] : [])],
  }));
