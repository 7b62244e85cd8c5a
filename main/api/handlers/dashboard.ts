import { listRecorders } from '../../devices';
import { custodyStatus } from '../../ingest';
import type { HandlerTable } from '../handler';

/** 工作台's custody figures: the last integrity check, the backup, the weekly run, failed ingests, recorders. */
export const dashboardHandlers: Pick<HandlerTable, 'dashboard.custody'> = {
  'dashboard.custody': ({ db, now }) => {
    const recorders = listRecorders(db(), now);
    const count = (s: string) => recorders.filter((r) => r.status === s).length;
    return {
      ...custodyStatus(db(), now),
      recorders: { inService: count('in_service'), worn: recorders.filter((r) => r.currentOfficer !== null).length, repair: count('repair'), lost: count('lost') },
    };
  },
};
