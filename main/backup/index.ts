// Backup to a second drive in generations, restore onto a new machine, and the drill (issue 16).
export { runBackup, type BackupArgs, type BackupResult, type BackupInfo } from './run-backup';
export { BackupAlarm, assertDatabaseSound, databaseCheck } from './snapshot';
export { generationName, generationsToKeep, sortGenerations, isGenerationName } from './generations';
export { backupPaths, BACKUP_DIR, BACKUP_MANIFEST, BACKUP_SIGNATURE, BACKUP_INFO, SNAPSHOT_NAME, type BackupPaths } from './layout';
export { checkGeneration, summarizeGenerations, describeProblem, type GenerationSummary, listGenerations, pickGeneration, parseBackupManifest, type GenerationCheck, type GenerationProblem, type ManifestLine } from './check';
export { stageRestore, placeRestore, discardRestore, stagingFor, BackupUntrusted, type RestoreReport, type RestoreStep, type RestoreProgress } from './restore';
export { runDrill, type DrillResult } from './drill';
export { backupAlerts, neededBytes, DRILL_MAX_DAYS, TARGET_MAX_DAYS, type BackupStatusFacts } from './status';
export { freeBytes, databaseBytes } from './space';
export { drillRecord, drillRecordBytes, drillRecordName, type DrillRecord } from './drill-record';
export { planRebuild, stageRebuild, registerRebuilt, recordRebuiltManifest, neverInFiles, NEVER_IN_FILES_TEXT, type RebuildPlan, type RebuildStep, type RebuiltOriginal, type Unrecovered } from './rebuild';
export { backfillCustody, daysWithoutCustody, type CustodyBackfilled } from './custody-backfill';
