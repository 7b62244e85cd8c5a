export { dispatch } from './dispatch';
export { createServices, ArchiveHolder, type ApiServices, type Client, type HostCapabilities, type ServicesArgs } from './context';
export { methods, methodNames, events, type MethodName, type MethodInput, type MethodOutput, type EvidenceApi, type EventName, type EventPayload, type Transport } from './contract';
export { methodsFor } from './permissions';
export type * from './dto';
export { SECTIONS } from './dto';
export { handleMediaRequest, parseMediaUrl, type MediaVariant } from './media-route';
export {
  authorizeView,
  requireApprovedForDisc,
  canApprove,
  grantAdmits,
  readAccessPolicy,
  ACCESS_RULES,
  VIEW_RULES,
  type ViewDecision,
  type ViewBasis,
  type AccessPolicy,
} from '../access';
export { parseRange, type RangeRequest } from './range';
export { VIEWING_IDLE_MS } from '../access';
export { listRegister, registerEntries, dayBounds, CLASSIFICATION_LABELS } from '../access';
export { handleFormRequest, generatedDocument, authorizeDocument, type GeneratedDocument } from './form-route';
export { dailyCheck } from '../supervision';
