export { SessionRegistry, type Session, type SessionId, type SessionLookup } from './sessions';
export {
  listUsers,
  findUserById,
  findUserByLogin,
  toSummary,
  prepareUser,
  prepareKeys,
  insertUser,
  setRoles,
  recordCertificate,
  countActiveAdmins,
  publicKeyOfCert,
  userRoles,
  type UserSummary,
  type UserRow,
  type NewUser,
  type OfficeCa,
} from './users';
export { checkLogin, recordLoginOutcome, MAX_FAILED_LOGINS, LOCKOUT_MINUTES, type LoginOutcome } from './login';
export { prepareOffice, insertOffice, writeCaFile, type OfficeSetup } from './setup';
export { wrapForUser, unwrapForUser } from './ca-key';
