import { ADMINS, APPROVERS, AUDITORS, CASE_READERS, CUSTODY_READERS, DISC_PEOPLE, PUBLIC_COPY_PEOPLE, RETENTION_READERS, type Role } from '../common';
import { SECTIONS, type SectionId } from './dto';

/** Which roles see which section of the frame. The API refuses the methods behind them anyway. */
const SECTION_ROLES: Record<SectionId, readonly Role[] | 'all'> = {
  dashboard: 'all',
  ingest: CUSTODY_READERS,
  library: 'all',
  cases: CASE_READERS,
  discs: DISC_PEOPLE,
  forms: DISC_PEOPLE,
  approvals: 'all',
  publicCopies: PUBLIC_COPY_PEOPLE,
  devices: CUSTODY_READERS,
  supervision: APPROVERS,
  retention: RETENTION_READERS,
  audit: AUDITORS,
  settings: ADMINS,
};

export function sectionsFor(roles: readonly Role[]): SectionId[] {
  return SECTIONS.filter((s) => {
    const allowed = SECTION_ROLES[s];
    return allowed === 'all' || allowed.some((r) => roles.includes(r));
  });
}
