export { commitOriginal, copyOriginal, cleanIncoming, PART_SUFFIX, type CommitOptions, type CommitResult, type CommitStep, type CopiedOriginal } from './commit';
export { hashFile, pump, DEFAULT_BUFFER_SIZE, type Sha256, type PumpOptions, type PumpResult } from './copy-hash';
export { ingestError, isIngestError, toIngestError, type IngestErrorCode } from './errors';
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
export { kindsByContent, selectForIngest } from './scan-kinds';
export { runIngest, assertFits, type IngestPlan, type IngestProgress, type IngestResult, type IngestItemOutcome, type IngestDeps, type IngestSessionId } from './run';
export { markInterruptedSessions, openIngestSession, type IngestAudit } from './session-rows';
export { sessionDir, sessionLive } from './session-dir';
export { ingestFile, prepareLookups, startFile, type FileContext, type FileDone, type FileLookups, type StartedFile } from './ingest-file';
export { planFile, type FilePlan, type FilePlanContext } from './file-plan';
export { checkIntegrity, recordIntegrityCheck, type IntegrityReport, type IntegrityProblem, type IntegrityScope, type DisposedOriginal } from './integrity';
export {
  writeDayManifest,
  refreshDayRecords,
  manifestText,
  dayManifestEntries,
  dayCustody,
  custodyRecordBytes,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  CUSTODY_NAME,
  CUSTODY_SIGNATURE_NAME,
  DAY_RECORD_NAMES,
  type CustodyLine,
  type CustodyRecord,
} from './manifest';
export { groupSegments, regroupRecordings, CONTINUATION_TOLERANCE_SEC, type SegmentTime, type GroupedRecording, type Gap } from './recordings';
export { retentionUntil, MIN_RETENTION_MONTHS } from './retention';
export { estimateDrift, type DriftEstimate } from './drift';
export { storedRelPath, dayRelDir, safeSegment, toAbsolute, SEGMENT_MAX_BYTES } from './layout';
export { writeFileAtomic, writeFileAtomicSync, TMP_SUFFIX } from './atomic';
export { isoWeekOf, isConsolidationDay, type IsoWeek } from './week';
export { recoverAfterCrash } from './recover';
export { isArchiveFolder, refuseArchive, type FolderUse } from './archive-folder';
export { custodyStatus, WEEKLY_DUE_DAYS, FAILED_INGEST_DAYS, type CustodyStatus, type IntegrityFinding } from './custody-status';
export {
  loadSessionDetail,
  listIngestSessions,
  alreadyInArchive,
  type IngestSessionDto,
  type IngestItemDto,
  type IngestSessionDetailDto,
  type IngestOfficerDto,
} from './sessions';
export { weeklyPreview, weeklyReportName, recordConsolidation, type WeeklyPreviewDto } from './weekly';
