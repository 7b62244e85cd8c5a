import { chmod, lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  CHECK_ITEM_LABELS,
  COMPENSATION_DECISION_LABELS,
  INCIDENT_KIND_LABELS,
  localDay,
  REPAIR_RESULT_LABELS,
} from '../../common';
import {
  addStatement,
  checkSheet,
  currentKeeper,
  decideCompensation,
  designateKeeper,
  findIncident,
  findRecorder,
  findStatement,
  incidentsOf,
  keeperView,
  listRecorders,
  nextStatementNo,
  recordChecks,
  recorderFile,
  repairsOf,
  reportIncident,
  returnFromRepair,
  sendForRepair,
  type RecorderFile,
  type RecorderId,
} from '../../devices';
import { deviceRegister, type DeviceRegisterEvent } from '../../forms';
import { sha256Hex } from '../../crypto';
import { writeFileAtomic } from '../../ingest';
import { authorizeDocument, documentFile, generatedDocument } from '../form-route';
import type { HandlerTable } from '../handler';
import { saveForm } from './forms';
import { decodeScan } from './scan-upload';

type CareMethods =
  | 'devices.keeper'
  | 'devices.designateKeeper'
  | 'devices.checks'
  | 'devices.recordChecks'
  | 'devices.repairs'
  | 'devices.sendRepair'
  | 'devices.returnRepair'
  | 'devices.incidents'
  | 'devices.reportIncident'
  | 'devices.decideIncident'
  | 'devices.attachStatement'
  | 'devices.openStatement'
  | 'devices.history'
  | 'devices.registerDocx';

const who = (o: { name: string; badgeNo: string } | null): string => (o ? `${o.name}（${o.badgeNo}）` : '无人领用');

/** A recorder's history as lines of the printed register, oldest first. */
function historyLines(f: RecorderFile): DeviceRegisterEvent[] {
  const serial = f.recorder.serial;
  const lines: DeviceRegisterEvent[] = [];
  for (const a of f.assignments) {
    lines.push({ serial, at: new Date(a.fromAt), what: '领用', detail: `${who(a.officer)}领用`, by: null });
    // Returned, sent for repair or lost: the reason is on its own line at the same time.
    if (a.toAt) lines.push({ serial, at: new Date(a.toAt), what: '领用结束', detail: who(a.officer), by: null });
  }
  for (const c of f.checks) {
    if (c.failed.length === 0) continue;
    const failed = c.failed.map((k) => `${CHECK_ITEM_LABELS[k]}：否`).join('，');
    lines.push({ serial, at: new Date(c.checkedAt), what: '检查未通过', detail: `${c.day} 使用前检查：${failed}${c.note ? `；${c.note}` : ''}`, by: c.checkedBy });
  }
  for (const p of f.repairs) {
    lines.push({ serial, at: new Date(p.sentAt), what: '送修', detail: `故障：${p.fault}${p.repairer ? `；送修至：${p.repairer}` : ''}`, by: p.sentBy });
    if (p.returnedAt && p.result)
      lines.push({ serial, at: new Date(p.returnedAt), what: '维修返回', detail: `${REPAIR_RESULT_LABELS[p.result]}${p.resultNote ? `：${p.resultNote}` : ''}`, by: p.returnedBy });
  }
  for (const i of f.incidents) {
    const scans = i.statements.map((s) => `扫描件 ${s.fileName} SHA-256 ${s.sha256}`).join('；');
    lines.push({
      serial,
      at: new Date(i.occurredAt),
      what: INCIDENT_KIND_LABELS[i.kind],
      detail: `佩戴人：${who(i.officer)}；经过：${i.description}${scans ? `；${scans}` : ''}`,
      by: i.reportedBy,
    });
    if (i.decision && i.decidedAt)
      lines.push({ serial, at: new Date(i.decidedAt), what: '赔偿决定', detail: `${COMPENSATION_DECISION_LABELS[i.decision]}${i.decisionNote ? `：${i.decisionNote}` : ''}`, by: i.decidedBy });
  }
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A time given by the client, or now; never later than now. */
const instant = (iso: string | undefined, now: Date): Date => (iso ? new Date(iso) : now);

export const deviceCareHandlers: Pick<HandlerTable, CareMethods> = {
  'devices.keeper': ({ db }) => keeperView(db()),

  'devices.designateKeeper': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const { before, after } = designateKeeper(db(), { userId: input.userId, by: session.userId, at: now, note: input.note ?? null });
      audit('device.keeper_designate', `user:${after.userId}`, {
        keeper: { id: after.userId, login: after.login, name: after.name },
        previous: before ? { id: before.userId, login: before.login, name: before.name } : null,
        note: after.note,
      });
      return keeperView(db());
    }),

  'devices.checks': ({ input, db, services, now }) => checkSheet(db(), input.day, services.archive.office().timeZone, now),

  'devices.recordChecks': ({ input, db, tx, audit, session, services, now }) => {
    const tz = services.archive.office().timeZone;
    return tx(() => {
      const entries = input.entries.map((e) => ({
        recorderId: e.recorderId,
        items: { noFault: e.noFault, battery: e.battery, storage: e.storage, clock: e.clock },
        note: e.note ?? null,
      }));
      const results = recordChecks(db(), { day: input.day, today: localDay(now, tz), entries, by: session.userId, at: now });
      for (const { before, after } of results) {
        audit('recorder.check', `recorder:${after.recorderId}`, {
          serial: after.serial,
          day: after.day,
          items: after.items,
          failed: after.failed,
          note: after.note,
          ...(before ? { replaced: { items: before.items, note: before.note, checkedAt: before.checkedAt, checkedBy: before.checkedBy } } : {}),
        });
      }
      return checkSheet(db(), input.day, tz, now);
    });
  },

  'devices.repairs': ({ input, db }) => repairsOf(db(), input.recorderId as RecorderId | undefined),

  'devices.sendRepair': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const before = findRecorder(db(), input.recorderId, now);
      const p = sendForRepair(db(), { recorderId: input.recorderId, fault: input.fault, repairer: input.repairer ?? null, sentAt: instant(input.sentAt, now), by: session.userId, now });
      audit('recorder.repair_send', `recorder:${p.recorderId}`, {
        repairId: p.id,
        serial: p.serial,
        fault: p.fault,
        repairer: p.repairer,
        sentAt: p.sentAt,
        wearerBefore: before?.currentOfficer?.badgeNo ?? null,
      });
      return p;
    }),

  'devices.returnRepair': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const p = returnFromRepair(db(), {
        repairId: input.repairId,
        result: input.result,
        note: input.note ?? null,
        returnedAt: instant(input.returnedAt, now),
        by: session.userId,
        now,
      });
      audit('recorder.repair_return', `recorder:${p.recorderId}`, { repairId: p.id, serial: p.serial, result: p.result, note: p.resultNote, returnedAt: p.returnedAt });
      return p;
    }),

  'devices.incidents': ({ input, db }) => incidentsOf(db(), input.recorderId as RecorderId | undefined),

  'devices.reportIncident': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const i = reportIncident(db(), {
        recorderId: input.recorderId,
        kind: input.kind,
        occurredAt: new Date(input.occurredAt),
        description: input.description,
        by: session.userId,
        now,
      });
      audit(`recorder.${input.kind}`, `recorder:${i.recorderId}`, {
        incidentId: i.id,
        serial: i.serial,
        occurredAt: i.occurredAt,
        wearer: i.officer ? { id: i.officer.id, name: i.officer.name, badgeNo: i.officer.badgeNo } : null,
        description: i.description,
      });
      return i;
    }),

  'devices.decideIncident': ({ input, db, tx, audit, session, now }) =>
    tx(() => {
      const i = decideCompensation(db(), { incidentId: input.incidentId, decision: input.decision, note: input.note ?? null, by: session.userId, now });
      audit('recorder.compensation', `recorder:${i.recorderId}`, { incidentId: i.id, serial: i.serial, decision: i.decision, note: i.decisionNote, wearer: i.officer?.badgeNo ?? null });
      return i;
    }),

  'devices.attachStatement': async ({ input, db, tx, audit, session, services, now }) => {
    const incident = findIncident(db(), input.incidentId);
    if (!incident) throw new AppError('NOT_FOUND', '丢失/损坏记录不存在');
    const { bytes, type } = decodeScan(input.dataBase64);
    const fileName = `recorder-incident-${incident.id}-${nextStatementNo(db(), incident.id)}.${type}`;
    const file = path.join(services.archive.open().paths.forms, fileName);
    // A statement is written once: never over an existing file, and read-only from then on.
    if (await lstat(file).catch(() => null)) throw new AppError('STATEMENT_EXISTS', '扫描件文件已存在，请重试');
    await writeFileAtomic(file, bytes);
    await chmod(file, 0o444);
    const sha256 = sha256Hex(bytes);
    tx(() => {
      addStatement(db(), { incidentId: incident.id, fileName, sha256, size: bytes.length, type, uploadedName: input.fileName, by: session.userId, now });
      audit('recorder.statement_attach', `recorder:${incident.recorderId}`, { incidentId: incident.id, fileName, sha256, size: bytes.length, type, uploadedName: input.fileName });
    });
    return findIncident(db(), incident.id)!;
  },

  'devices.openStatement': async ({ input, db, services, session, audit }) => {
    const doc = generatedDocument(input.fileName);
    const stored = findStatement(db(), input.fileName);
    if (!doc || !stored) throw new AppError('NOT_FOUND', '扫描件不存在');
    const decision = authorizeDocument(session, doc);
    if (!decision.allowed) throw new AppError(decision.code, decision.message);
    const file = await documentFile(services, doc);
    if (!file) throw new AppError('NOT_FOUND', '扫描件文件不存在');
    if (!services.host.openPath) throw new AppError('NOT_AVAILABLE', '浏览器模式下请使用下载链接打开文件');
    // The statement is evidence of what was filed: a changed file is not handed out as if it were.
    if (sha256Hex(await readFile(file)) !== stored.sha256) throw new AppError('STATEMENT_CHANGED', '扫描件与登记时的 SHA-256 不符，可能已被改动', `statement ${stored.fileName} changed`);
    await services.host.openPath(file);
    audit('recorder.statement_open', `form:${stored.fileName}`, { incidentId: stored.incidentId, sha256: stored.sha256 });
    return null;
  },

  'devices.history': ({ input, db, now }) => {
    const f = recorderFile(db(), input.recorderId as RecorderId, now);
    if (!f) throw new AppError('NOT_FOUND', '记录仪不存在');
    return f;
  },

  'devices.registerDocx': async ({ db, tx, audit, services, now }) => {
    const office = services.archive.office();
    const tz = office.timeZone;
    const files = listRecorders(db(), now).map((r) => recorderFile(db(), r.id, now, { allChecks: true })!);
    const keeper = currentKeeper(db());
    const docx = await deviceRegister({
      unitName: office.unitName,
      timeZone: tz,
      generatedAt: now,
      keeper: keeper ? { name: keeper.name, since: new Date(keeper.fromAt) } : null,
      recorders: files.map((f) => {
        const last = f.checks[0];
        const verdict = last ? (last.failed.length ? last.failed.map((k) => `${CHECK_ITEM_LABELS[k]}：否`).join('，') : '合格') : null;
        return {
          serial: f.recorder.serial,
          brand: f.recorder.brand,
          model: f.recorder.model,
          assetNo: f.recorder.assetNo,
          status: f.recorder.status,
          wearer: f.recorder.currentOfficer ? who(f.recorder.currentOfficer) : null,
          lastCheck: last ? `${last.day} ${verdict}` : null,
          notes: f.recorder.notes,
        };
      }),
      events: files.flatMap(historyLines),
    });
    const saved = await saveForm(services, `记录仪登记簿-${localDay(now, tz).replaceAll('-', '')}.docx`, docx);
    tx(() => audit('form.device_register', null, { fileName: saved.fileName, sha256: saved.sha256, recorders: files.length }));
    return saved;
  },
};
