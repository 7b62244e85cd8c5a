export { OpenCorrectionsCard } from './OpenCorrectionsCard';
export { FindingList } from './FindingList';
