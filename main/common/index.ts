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
export { ROLES, ROLE_LABELS, type Role } from './roles';
