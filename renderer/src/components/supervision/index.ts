export { OpenCorrectionsCard } from './OpenCorrectionsCard';
export { FindingList } from './FindingList';
export { ReportPanel } from './ReportPanel';
