export { dispatch } from './dispatch';
export { createServices, ArchiveHolder, type ApiServices, type Client, type HostCapabilities, type ServicesArgs } from './context';
export { methods, methodNames, events, type MethodName, type MethodInput, type MethodOutput, type EvidenceApi, type EventName, type EventPayload, type Transport } from './contract';
export { methodsFor } from './permissions';
export type * from './dto';
export { SECTIONS, CATEGORIES, CATEGORY_LABELS } from './dto';
export { handleMediaRequest, parseMediaUrl, type MediaVariant } from './media-route';
export {
  authorizeView,
  requireApprovedForDisc,
  canApprove,
  grantAdmits,
  readAccessPolicy,
  ACCESS_RULES,
  VIEW_RULES,
  OVERSEER_ROLES,
  type ViewDecision,
  type ViewBasis,
  type AccessPolicy,
} from './view-policy';
export { parseRange, type RangeRequest } from './range';
export { VIEWING_IDLE_MS } from './viewings';
export { listRegister, registerEntries, dayBounds, CLASSIFICATION_LABELS } from './grants';
