export { BackupStatusCard } from './BackupStatusCard';
