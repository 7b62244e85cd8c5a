// Printable forms (DOCX): pure functions from typed data to the bytes of a .docx.
export * from './format';
export {
  buildDocument,
  centered,
  contentId,
  contentWidth,
  columnWidths,
  dataTable,
  FIELD_GRID,
  fieldTable,
  hashCell,
  heading,
  para,
  run,
  signatureBoxes,
  signatureLines,
  spacer,
  subtitleRow,
  title,
  cm,
  SIZE,
  type Align,
  type CellContent,
  type Column,
  type DocumentSpec,
  type Field,
  type FontKind,
  type FormMeta,
  type Orientation,
  type ParaOptions,
  type SignatureBox,
  type SignatureLine,
  type TextStyle,
} from './docx-kit';
export { fileListCells, fileListColumns, fileListHeading, type ListedFile } from './file-list';
export { handoverSheet, handoverSessionNo, flagsText, HANDOVER_TITLE, type HandoverSheetData, type HandoverFile, type RecorderInfo } from './handover-sheet';
export {
  weeklyReport,
  weekLabel,
  WEEKLY_TITLE,
  type WeeklyReportData,
  type WeeklyOfficerRow,
  type WeeklyRecorderRow,
  type WeeklyFlaggedFile,
  type WeeklyIntegrity,
  type WeeklyBackup,
  type WeeklyProblemKind,
} from './weekly-report';
export {
  viewingRegister,
  VIEWING_TITLE,
  type ViewingRegisterData,
  type ViewingEntry,
  type ViewingType,
} from './viewing-register';
export { recordForm, brandModel, RECORD_FORM_TITLE, type RecordFormData, type RecordFormFile, type RecordingFacts } from './record-form';
export { deviceRegister, DEVICE_REGISTER_TITLE, type DeviceRegisterData, type DeviceRegisterRecorder, type DeviceRegisterEvent } from './device-register';
export { disposalRecord, DISPOSAL_RECORD_TITLE, type DisposalRecordData, type DisposalRecordFile } from './disposal-record';
export { dailyCheckForm, DAILY_CHECK_TITLE, type DailyCheckData, type DailyCheckFinding, type DailyCheckCorrection } from './daily-check';
export { inspectionReportForm, INSPECTION_TITLE, type InspectionReportData } from './inspection-report';
export { publicCopyProvenance, PUBLIC_COPY_TITLE, type PublicCopyProvenanceData } from './public-copy-provenance';
