export { commitOriginal, cleanIncoming, PART_SUFFIX, type CommitOptions, type CommitResult } from './commit';
export { hashFile, pump, DEFAULT_BUFFER_SIZE, type Sha256, type PumpOptions, type PumpResult } from './copy-hash';
export { IngestError, toIngestError, type IngestErrorCode } from './errors';
export {
  scanSource,
  parseInfoFile,
  HOUSEKEEPING_DIRS,
  HOUSEKEEPING_FILES,
  HOUSEKEEPING_EXTS,
  INFO_FILE_NAMES,
  type CandidateOriginal,
  type ScanOptions,
  type ScanResult,
  type SkipReason,
} from './scan';
