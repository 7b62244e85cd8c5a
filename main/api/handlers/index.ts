import type { HandlerTable } from '../handler';
import { accessHandlers } from './access';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { caseHandlers } from './cases';
import { deviceHandlers } from './devices';
import { deviceCareHandlers } from './device-care';
import { discHandlers } from './discs';
import { formHandlers } from './forms';
import { ingestHandlers } from './ingest';
import { integrityHandlers } from './integrity';
import { libraryHandlers } from './library';
import { mediaHandlers } from './media';
import { officeHandlers } from './office';
import { recordFormHandlers } from './record-forms';
import { registerHandlers } from './register';
import { sessionHandlers } from './session';
import { setupHandlers } from './setup';
import { userHandlers } from './users';
import { weeklyHandlers } from './weekly';
import { dashboardHandlers } from './dashboard';
import { retentionHandlers } from './retention';
import { supervisionHandlers } from './supervision';
import { publicCopyHandlers } from './public-copies';
import { publicCopyDiscHandlers } from './public-copy-disc';
import { multicamHandlers } from './multicam';

/** Every method of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: HandlerTable = {
  ...setupHandlers,
  ...sessionHandlers,
  ...userHandlers,
  ...officeHandlers,
  ...auditHandlers,
  ...deviceHandlers,
  ...deviceCareHandlers,
  ...ingestHandlers,
  ...integrityHandlers,
  ...formHandlers,
  ...weeklyHandlers,
  ...libraryHandlers,
  ...mediaHandlers,
  ...caseHandlers,
  ...recordFormHandlers,
  ...discHandlers,
  ...accessHandlers,
  ...registerHandlers,
  ...dashboardHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...supervisionHandlers,
  ...publicCopyHandlers,
  ...publicCopyDiscHandlers,
  ...multicamHandlers,
};
