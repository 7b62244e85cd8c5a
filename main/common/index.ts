export {
  addDays,
  dayStart,
  formatDay,
  formatInstant,
  formatWallClock,
  isValidTimeZone,
  localDay,
  localTime,
  nextDay,
  parseDay,
  systemClock,
  utcOffsetMinutes,
  utcToZoned,
  zonedToUtc,
  type Clock,
  type LocalDateTime,
} from './time';
export { AppError, isAppError, errorFamily, errnoOf, unlessMissing, type ErrorFamily } from './errors';
export { discError, isDiscError, isoError, isIsoError, type DiscErrorCode, type IsoErrorCode } from './disc-errors';
export {
  ADMIN_EXCLUDES,
  ROLES,
  ROLE_LABELS,
  conflictingRoles,
  type Role,
  ADMINS,
  AUDITORS,
  CUSTODY_KEEPERS,
  CUSTODY_READERS,
  CUSTODIANS,
  CLASSIFIERS,
  ANNOTATORS,
  CASE_READERS,
  DISC_PEOPLE,
  FORM_SIGNERS,
  APPROVERS,
  OVERSEERS,
  DEVICE_DECIDERS,
  INCIDENT_READERS,
  RETENTION_READERS,
  RETENTION_DECIDERS,
  SUPERVISORS,
  SUPERVISION_READERS,
  PUBLIC_COPY_PEOPLE,
} from './roles';
export * from './values';
export { disposalNumber, formatBytes, formatDuration, formatDurationClock, formatRate } from './format';
export { UNSAFE_CHAR, WINDOWS_FORBIDDEN, hasUnsafeChar, escapeUnsafe, neutralName, fitName, splitExtension, utf8Bytes, utf16Units, type NameMeasure } from './file-names';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_RULE_TEXT, passwordProblem } from './password-rule';
export { rectAt, regionActive, regionSegments, withKeyFrame, type CopyOperations, type FrameSize, type KeyFrame, type Rect, type Region, type Segment, type TimeRange } from './mask-motion';
