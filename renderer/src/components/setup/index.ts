export { RestoreFromBackup } from './RestoreFromBackup';
