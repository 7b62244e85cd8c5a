export { openDatabase, checkpointAndClose, type Db, type OpenOptions } from './db';
export { migrate, schemaVersion, SchemaTooNewError } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { archivePaths, ensureArchiveLayout, archiveHasDatabase, type ArchivePaths } from './archive';
export { openStore, readOffice, type Store, type OfficeRow } from './store';
export {
  appendAudit,
  auditHead,
  queryAudit,
  walkAuditChain,
  GENESIS_HASH,
  type AuditEntry,
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
export { ROLES, ROLE_LABELS, type Role, type UserId, type AuditSeq, type Sha256Hex } from './types';
