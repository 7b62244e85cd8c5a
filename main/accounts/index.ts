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
  setPassword,
  updateUserFields,
  resetCredentials,
  setCaKeyWrap,
  recordCertificate,
  countActiveAdmins,
  publicKeyOfCert,
  userRoles,
  type UserSummary,
  type UserRow,
  type NewUser,
  type OfficeCa,
} from './users';
export { checkLogin, recordLoginOutcome, attemptError, type LoginOutcome, type LoginOptions, type Rewrap } from './login';
export { countAttempt, clearFailures, MAX_FAILED_LOGINS, LOCKOUT_MINUTES, type Attempt, type Guessed } from './lockout';
export { prepareOffice, insertOffice, writeCaFile, type OfficeSetup } from './setup';
export { wrapForUser, unwrapForUser } from './ca-key';
export {
  revokeUserCertificates,
  revocationOf,
  checkRevocation,
  revocationAwareVerifier,
  type Revocation,
  type RevocationReason,
} from './revocations';
export { renewExpiringCertificates, RENEW_WITHIN_DAYS, type Renewed } from './renewal';
export { requireStrongPassword } from './password-policy';
