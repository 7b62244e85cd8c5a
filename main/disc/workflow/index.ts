// The evidence-disc workflow behind the API (rules art. 11(4)): record forms with signatures, disc build,
// burn and read-back, and the disc register.
export { autoFields, applyEdits, canonicalContent, missingFields, sha256, type EditableFields } from './record-form-fields';
export {
  findForm,
  listForms,
  loadForm,
  nextDiscNo,
  parseFields,
  signingRight,
  storedContent,
  validSignatures,
  writeContentFile,
  contentFileName,
  signatureFileName,
  docxFileName,
  type FormRow,
} from './record-forms';
export { recordFormDocx } from './record-form-docx';
export { assertFormReady, buildOneDisc, planCase, planDto, discIdFor, type BuiltDisc, type DiscItem } from './build';
export { findDisc, listDiscs, loadDisc, labelText, discExists, insertDisc, recordBurn, recordReadback, type DiscRow, type StoredLabel } from './register';
export { assertItemsApprovedForDisc } from './approval';
export { availableDrives, driveFor, readBackTarget } from './drives';
export type { RecordFormFileDto, RecordFormFieldsDto, RecordFormSignatureDto, RecordFormSummaryDto, RecordFormDto, DiscPlanDto, DiscFileDto, DiscReadbackFileDto, DiscReadbackDto, DiscSummaryDto, DiscDto, DriveDto } from './types';
export { discNoTaken, insertForm, voidSignatures, updateFormContent, insertSignature, setFormScan, lockForm } from './form-writes';
