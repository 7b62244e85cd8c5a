export { localDay, isValidTimeZone, systemClock, type Clock } from './time';
export { AppError, isAppError } from './errors';
export { ROLES, ROLE_LABELS, type Role } from './roles';
export { UNSAFE_CHAR, WINDOWS_FORBIDDEN, hasUnsafeChar, escapeUnsafe, neutralName, fitName, splitExtension, utf8Bytes, utf16Units, type NameMeasure } from './file-names';
