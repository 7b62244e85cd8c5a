export { openDatabase, openDatabaseReadOnly, checkpointAndClose, type Db, type OpenOptions } from './db';
export { STATISTICS_FROM_MEDIA, type StatisticsRun } from './statistics';
export { migrate, schemaVersion, readSchemaVersion, LATEST_SCHEMA, SchemaTooNewError } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { archivePaths, ensureArchiveLayout, archiveHasDatabase, type ArchivePaths } from './archive';
export { openStore, openStoreReadOnly, readOffice, updateOffice, type Store, type OfficeRow } from './store';
export { ROLES, ROLE_LABELS, type Role, type UserId, type AuditSeq, type Sha256Hex } from './types';
export { officeSetting, setOfficeSetting, SETTING_DEFAULTS, type SettingKey } from './settings';
