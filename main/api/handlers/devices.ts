import {
  assignmentsOf,
  assignRecorder,
  findOfficer,
  findRecorder,
  insertOfficer,
  insertRecorder,
  listOfficers,
  listAccountRefs,
  listRecorders,
  setOfficerAccount,
  unassignRecorder,
  updateOfficer,
  updateRecorder,
  type OfficerId,
  type RecorderId,
} from '../../devices';
import { AppError } from '../../common';
import type { HandlerTable } from '../handler';

type DeviceMethods =
  | 'officers.list'
  | 'officers.create'
  | 'officers.update'
  | 'officers.accounts'
  | 'officers.directory'
  | 'recorders.directory'
  | 'recorders.list'
  | 'recorders.create'
  | 'recorders.update'
  | 'recorders.assign'
  | 'recorders.history';

export const deviceHandlers: Pick<HandlerTable, DeviceMethods> = {
  'officers.list': ({ db }) => listOfficers(db()),

  'officers.create': ({ input, now, db, tx, audit }) =>
    tx(() => {
      let o = insertOfficer(db(), input, now);
      // An account already carrying this badge is this person: link them (issue 11 item 1).
      const holder = listAccountRefs(db()).find((a) => a.badgeNo !== null && a.badgeNo.toLowerCase() === o.badgeNo.toLowerCase() && a.officerId === null);
      if (holder) o = setOfficerAccount(db(), o.id, holder.id, now);
      audit('officer.create', `officer:${o.id}`, { name: o.name, badgeNo: o.badgeNo, ...(holder ? { account: { id: holder.id, login: holder.login, name: holder.displayName } } : {}) });
      return o;
    }),

  'officers.update': ({ input, now, db, tx, audit }) =>
    tx(() => {
      const before = findOfficer(db(), input.id);
      if (!before) throw new AppError('NOT_FOUND', '人员不存在');
      const { userId, ...rest } = input;
      if (userId !== undefined && userId !== before.userId) setOfficerAccount(db(), before.id, userId, now);
      const after = updateOfficer(db(), input.id, rest);
      audit('officer.update', `officer:${input.id}`, { before, after });
      return after;
    }),

  'officers.accounts': ({ db }) => listAccountRefs(db()),

  'officers.directory': ({ db }) => listOfficers(db()).map((o) => ({ id: o.id, name: o.name, badgeNo: o.badgeNo, active: o.active })),

  'recorders.directory': ({ db, now }) => listRecorders(db(), now).map((r) => ({ id: r.id, serial: r.serial })),

  'recorders.list': ({ db, now }) => listRecorders(db(), now),

  'recorders.create': ({ input, now, db, tx, audit }) =>
    tx(() => {
      const r = insertRecorder(db(), input, now);
      audit('recorder.create', `recorder:${r.id}`, { serial: r.serial, brand: r.brand, model: r.model, assetNo: r.assetNo });
      return r;
    }),

  'recorders.update': ({ input, now, db, tx, audit }) =>
    tx(() => {
      const before = findRecorder(db(), input.id, now);
      if (!before) throw new AppError('NOT_FOUND', '记录仪不存在');
      const after = updateRecorder(db(), input.id, input, now);
      // A recorder out of service is worn by nobody.
      if (after.status !== 'in_service' && before.currentOfficer) unassignRecorder(db(), after.id, now);
      const { currentOfficer: _b, ...b } = before;
      const { currentOfficer: _a, ...a } = after;
      audit('recorder.update', `recorder:${input.id}`, { before: b, after: a });
      return findRecorder(db(), input.id, now)!;
    }),

  'recorders.assign': ({ input, now, db, tx, audit }) =>
    tx(() => {
      const r = findRecorder(db(), input.recorderId, now);
      if (!r) throw new AppError('NOT_FOUND', '记录仪不存在');
      const from = input.from ? new Date(input.from) : now;
      if (input.officerId === null) {
        unassignRecorder(db(), r.id, from);
      } else {
        // The domain refuses a recorder out of service and anyone not a registered, active officer (art. 9).
        assignRecorder(db(), r.id as RecorderId, input.officerId as OfficerId, from);
      }
      audit('recorder.assign', `recorder:${r.id}`, { serial: r.serial, officerId: input.officerId, from: from.toISOString(), previous: r.currentOfficer?.badgeNo ?? null });
      return findRecorder(db(), r.id, now)!;
    }),

  'recorders.history': ({ input, db }) => assignmentsOf(db(), input.recorderId as RecorderId),
};
