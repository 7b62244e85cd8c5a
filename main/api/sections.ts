import type { Role } from '../common';
import { SECTIONS, type SectionId } from './dto';

/** Which roles see which section of the frame. The API refuses the methods behind them anyway. */
const SECTION_ROLES: Record<SectionId, readonly Role[] | 'all'> = {
  dashboard: 'all',
  ingest: ['custodian', 'admin', 'chief'],
  library: 'all',
  cases: ['officer', 'custodian', 'chief', 'township_leader'],
  discs: ['officer', 'custodian', 'chief'],
  forms: ['officer', 'custodian', 'chief'],
  approvals: 'all',
  devices: ['custodian', 'chief', 'admin'],
  supervision: ['chief', 'township_leader'],
  audit: ['admin', 'chief'],
  settings: ['admin'],
};

export function sectionsFor(roles: readonly Role[]): SectionId[] {
  return SECTIONS.filter((s) => {
    const allowed = SECTION_ROLES[s];
    return allowed === 'all' || allowed.some((r) => roles.includes(r));
  });
}
