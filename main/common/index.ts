export {
  dayStart,
  isValidTimeZone,
  localDay,
  localTime,
  nextDay,
  parseDay,
  systemClock,
  utcToZoned,
  zonedToUtc,
  type Clock,
  type LocalDateTime,
} from './time';
export { AppError, isAppError } from './errors';
export { ADMIN_EXCLUDES, ROLES, ROLE_LABELS, conflictingRoles, type Role } from './roles';
export { UNSAFE_CHAR, WINDOWS_FORBIDDEN, hasUnsafeChar, escapeUnsafe, neutralName, fitName, splitExtension, utf8Bytes, utf16Units, type NameMeasure } from './file-names';
export type { MediaKindDto, MediaFlagDto, CategoryDto, ClassificationDto, CaseStatusDto, AccessTypeDto, AccessScopeKindDto, AccessStateDto, RecordFormStateDto, SignatureRoleDto, DiscMediaTypeDto } from './domain-values';
