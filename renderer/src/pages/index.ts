import type { ComponentType } from 'react';
import type { SectionId } from '../../../main/api/dto';
import { ApprovalsPage } from './ApprovalsPage';
import { AuditLogPage } from './AuditLogPage';
import { CasesPage } from './CasesPage';
import { DashboardPage } from './DashboardPage';
import { DevicesPage } from './DevicesPage';
import { DiscsPage } from './DiscsPage';
import { FormsPage } from './FormsPage';
import { IngestPage } from './IngestPage';
import { LibraryPage } from './LibraryPage';
import { SettingsPage } from './SettingsPage';
import { SupervisionPage } from './SupervisionPage';
import { RetentionPage } from './RetentionPage';
import { PublicCopiesPage } from './PublicCopiesPage';

/** One page component per section of the frame. */
export const SECTION_PAGES: Record<SectionId, ComponentType> = {
  dashboard: DashboardPage,
  ingest: IngestPage,
  library: LibraryPage,
  cases: CasesPage,
  discs: DiscsPage,
  forms: FormsPage,
  approvals: ApprovalsPage,
  publicCopies: PublicCopiesPage,
  devices: DevicesPage,
  supervision: SupervisionPage,
  retention: RetentionPage,
  audit: AuditLogPage,
  settings: SettingsPage,
};
