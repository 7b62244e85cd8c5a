import {
  CameraOutlined,
  ClockCircleOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HistoryOutlined,
  PlaySquareOutlined,
  SettingOutlined,
  UsbOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SectionId } from '../../main/api/dto';
import { SECTION_LABELS } from './labels';
import { SECTIONS } from '../../main/common';

/** The left navigation, in the order the office works. The session says which of them a user sees. */
export const SECTION_ORDER: readonly SectionId[] = SECTIONS;

export const SECTION_ICONS: Record<SectionId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  ingest: <UsbOutlined />,
  library: <PlaySquareOutlined />,
  cases: <FolderOpenOutlined />,
  discs: <ContainerOutlined />,
  forms: <FormOutlined />,
  approvals: <CheckSquareOutlined />,
  publicCopies: <EyeInvisibleOutlined />,
  devices: <CameraOutlined />,
  supervision: <EyeOutlined />,
  retention: <ClockCircleOutlined />,
  audit: <HistoryOutlined />,
  settings: <SettingOutlined />,
};

export function isSectionId(s: string): s is SectionId {
  return (SECTION_ORDER as readonly string[]).includes(s);
}

export function sectionLabel(id: SectionId): string {
  return SECTION_LABELS[id];
}
