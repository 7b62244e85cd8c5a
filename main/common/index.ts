export { localDay, isValidTimeZone, systemClock, type Clock } from './time';
export { AppError, isAppError } from './errors';
export { ADMIN_EXCLUDES, ROLES, ROLE_LABELS, conflictingRoles, type Role } from './roles';
