import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_ingest';
import { migration0003 } from './0003_library';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** In version order; a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003];
