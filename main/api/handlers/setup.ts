import path from 'node:path';
import { checkLogin, insertOffice, prepareOffice, writeCaFile } from '../../accounts';
import { AppError, isValidTimeZone } from '../../common';
import { readOffice } from '../../store';
import type { ApiServices } from '../context';
import type { SetupStatus } from '../dto';
import { type HandlerTable } from '../handler';
import { auditAs } from '../../audit';
import { startSession } from './session';

function status(services: ApiServices): SetupStatus {
  const setUp = services.archive.isSetUp();
  const office = setUp ? readOffice(services.archive.open().db) : null;
  return {
    needsSetup: !setUp,
    // A name to recognise, not a path: setup.status answers before anyone has logged in.
    archiveName: setUp ? null : path.basename(services.archive.root),
    canChooseArchive: !setUp && Boolean(services.host.pickFolder),
    officeName: office?.name ?? null,
    unitName: office?.unitName ?? null,
  };
}

export const setupHandlers: Pick<HandlerTable, 'setup.status' | 'setup.chooseArchive' | 'setup.initialize'> = {
  'setup.status': ({ services }) => status(services),

  'setup.chooseArchive': async ({ services }) => {
    const pick = services.host.pickFolder;
    if (services.archive.isSetUp() || !pick) throw new AppError('NOT_ALLOWED', '当前不能更换档案库位置');
    const dir = await pick('选择档案库文件夹');
    if (dir) {
      services.archive.setRoot(dir);
      services.host.rememberArchiveRoot?.(services.archive.root);
      services.log.info('archive root chosen', { root: services.archive.root });
    }
    return status(services);
  },

  'setup.initialize': async ({ services, client, input, now }) => {
    if (services.archive.isSetUp()) throw new AppError('ALREADY_SET_UP', '本工作站已完成初始化', 'setup called twice');
    if (!isValidTimeZone(input.timeZone)) throw new AppError('INVALID_INPUT', `时区“${input.timeZone}”无效`);
    if (input.chief && input.admin.login.toLowerCase() === input.chief.login.toLowerCase()) {
      throw new AppError('INVALID_INPUT', '管理员与大队负责人的登录名不能相同');
    }
    const prepared = await prepareOffice(
      {
        officeName: input.officeName,
        unitName: input.unitName,
        timeZone: input.timeZone,
        users: [
          { ...input.admin, badgeNo: null, roles: ['admin', 'custodian'], mustChangePassword: false },
          ...(input.chief ? [{ ...input.chief, badgeNo: null, roles: ['chief' as const], mustChangePassword: false }] : []),
        ],
      },
      now,
      services.keyPairs,
      services.costs,
    );
    const store = services.archive.open();
    store.db.transaction(() => {
      insertOffice(store.db, prepared, now);
      auditAs(store.db, null, now, 'office.setup', 'office', {
        officeName: input.officeName,
        unitName: input.unitName,
        timeZone: input.timeZone,
        users: [input.admin.login, ...(input.chief ? [input.chief.login] : [])],
      });
    })();
    writeCaFile(store.paths.certs, prepared.caCertPem);
    services.log.info('office set up', { root: store.paths.root });

    const outcome = await checkLogin(store.db, input.admin.login, input.admin.password, now, input.timeZone, { costs: services.costs });
    if (!outcome.ok) throw outcome.error;
    return startSession(services, client, outcome, now);
  },
};
