export { localDay, isValidTimeZone, systemClock, type Clock } from './time';
export { AppError, isAppError } from './errors';
export { ROLES, ROLE_LABELS, type Role } from './roles';
