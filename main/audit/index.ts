// The audit log (a hash chain), day seals and their files, and the chain's verification (rules art. 15).
export {
  appendAudit,
  auditAs,
  type AuditActor,
  auditHead,
  queryAudit,
  walkAuditChain,
  GENESIS_HASH,
  type AuditEntry,
  type AuditRow,
  type AuditInput,
  type AuditQuery,
  type AuditDetails,
} from './audit';
export {
  verifyAuditChain,
  type ChainAnchors,
  type ChainReport,
  type ChainProblem,
  type ChainProblemKind,
  type ChainWarning,
  type ChainWarningKind,
  type VerifyChainOptions,
} from './audit-verify';
export {
  sealPastDays,
  latestSeal,
  listSeals,
  sealHash,
  parseSealBody,
  SEAL_FORMAT,
  type SealBody,
  type SealMade,
  type SealSigner,
  type SealVerifier,
} from './seals';
export { sealFileNames, sealFileDays } from './seal-files';
export { describeAuditTarget, detailRefs, displayNameOf, DETAIL_REF_KINDS } from './targets';
