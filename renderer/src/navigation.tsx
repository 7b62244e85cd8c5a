import {
  AuditOutlined,
  CameraOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  FormOutlined,
  ImportOutlined,
  PlaySquareOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SectionId } from '../../main/api/dto';
import { SECTION_LABELS } from './labels';

/** The left navigation, in the order the office works. The session says which of them a user sees. */
export const SECTION_ORDER: readonly SectionId[] = [
  'dashboard',
  'ingest',
  'library',
  'cases',
  'discs',
  'forms',
  'approvals',
  'devices',
  'supervision',
  'audit',
  'settings',
];

export const SECTION_ICONS: Record<SectionId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  ingest: <ImportOutlined />,
  library: <PlaySquareOutlined />,
  cases: <FolderOpenOutlined />,
  discs: <ContainerOutlined />,
  forms: <FormOutlined />,
  approvals: <AuditOutlined />,
  devices: <CameraOutlined />,
  supervision: <EyeOutlined />,
  audit: <FileProtectOutlined />,
  settings: <SettingOutlined />,
};

export function isSectionId(s: string): s is SectionId {
  return (SECTION_ORDER as readonly string[]).includes(s);
}

export function sectionLabel(id: SectionId): string {
  return SECTION_LABELS[id];
}
