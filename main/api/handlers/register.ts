import { AppError, ROLE_LABELS } from '../../common';
import { viewingRegister, type ViewingEntry } from '../../forms';
import type { Db } from '../../store';
import type { ViewingRowDto } from '../dto';
import { dayBounds, listRegister, registerEntries, requestCaseNumber } from '../../access';
import type { HandlerTable } from '../handler';
import { saveForm } from './forms';

function period(from: string, to: string, timeZone: string): { from: string; to: string } {
  if (from > to) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期');
  return dayBounds(from, to, timeZone);
}

/** How a row reads in the printed register: views without a grant say what let them happen. */
function entryOf(db: Db, r: ViewingRowDto): ViewingEntry {
  const caseNumber = r.requestId ? requestCaseNumber(db, r.requestId) : undefined;
  const subject = `${caseNumber ? `案件 ${caseNumber}：` : ''}${r.mediaName}（#${r.mediaId}${r.recordingId ? `，录像 #${r.recordingId}` : ''}）`;
  const reason = r.reason ?? (r.basis === 'own-footage' ? '本人采集资料分类（系统设置允许）' : `凭职责查阅（非严格模式，${r.basis}）`);
  return {
    viewer: r.viewer.displayName,
    subject,
    type: r.requestType ?? 'work',
    reason: r.requestId ? `${reason}（申请 #${r.requestId}）` : reason,
    approvedBy: r.approver ? `${r.approver.displayName}${r.selfApproved ? '（本人审批）' : ''}` : null,
    startedAt: new Date(r.startedAt),
    endedAt: new Date(r.lastAt),
  };
}

/** The viewing register (查阅登记, art. 14): written by the media handler, read and printed here. */
export const registerHandlers: Pick<HandlerTable, 'register.list' | 'register.docx'> = {
  'register.list': ({ input, db, services }) => {
    const bounds = period(input.from, input.to, services.archive.office().timeZone);
    return listRegister(db(), {
      ...bounds,
      ...(input.viewerId !== undefined ? { viewerId: input.viewerId } : {}),
      ...(input.item ? { item: input.item } : {}),
      limit: input.limit,
      offset: input.offset,
    });
  },

  'register.docx': async ({ input, db, services, session, now, tx, audit }) => {
    const office = services.archive.office();
    const rows = registerEntries(db(), period(input.from, input.to, office.timeZone));
    const docx = await viewingRegister({
      unitName: office.unitName,
      timeZone: office.timeZone,
      generatedAt: now,
      periodFrom: input.from,
      periodTo: input.to,
      entries: rows.map((r) => entryOf(db(), r)),
      // The custodian keeps the register; a leader who exports it signs as himself, not on the custodian's line.
      keeperName: session.roles.includes('custodian') ? session.displayName : null,
      ...(session.roles.includes('custodian') ? {} : { exportedBy: { name: session.displayName, role: ROLE_LABELS[session.roles.find((r) => r !== 'admin') ?? session.roles[0]!] } }),
    });
    const saved = await saveForm(services, `查阅登记表-${input.from.replaceAll('-', '')}-${input.to.replaceAll('-', '')}.docx`, docx);
    tx(() => audit('form.viewing_register', 'register', { from: input.from, to: input.to, rows: rows.length, fileName: saved.fileName, sha256: saved.sha256 }));
    return saved;
  },
};
