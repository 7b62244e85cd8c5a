// The daily check (日常检查, rules art. 15): findings per day from small pure sources, the chief's marks and
// corrections, his signed record. See ARCHITECTURE.md ("A new finding source") for how to add a kind.
export { loadDayRows, auditChainState, DRIFT_LIMIT_SEC } from './day-rows';
export { inspectionReport, reportOf, REPORT_MAX_DAYS, type InspectionReport, type OfficerFigures, type RecorderFigures, type ViewerFigures, type ArticleVerdict } from './report';
export {
  dailyCheck,
  defaultCheckDay,
  findingsOf,
  checkRecord,
  recordContent,
  sha256Hex,
  checkContentFileName,
  checkSignatureFileName,
  checkDocxFileName,
  type DailyCheck,
  type CheckedFinding,
  type DailyCheckRecord,
} from './check';
export { setMark, insertCorrection, closeCorrection, findCorrection, openCorrections, periodCorrections, daySignature, insertDaySignature, dayMarks, type SignatureRecord } from './records';
export { FINDING_SOURCES, formatLateness } from './sources';
export * as sources from './sources';
export type { Finding, FindingSource, RecordRef, DayRows, Mark, Correction } from './types';
