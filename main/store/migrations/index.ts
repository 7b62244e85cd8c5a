import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_ingest';
import { migration0003 } from './0003_library';
import { migration0004 } from './0004_access';
import { migration0005 } from './0005_discs';
import { migration0006 } from './0006_approval_items';
import { migration0007 } from './0007_seal_chain';
import { migration0008 } from './0008_cert_revocations';
import { migration0009 } from './0009_login_failures';
import { migration0010 } from './0010_ingest_clerk';
import { migration0011 } from './0011_device_care';
import { migration0012 } from './0012_retention';
import { migration0013 } from './0013_supervision';
import { migration0014 } from './0014_public_copies';
import { migration0015 } from './0015_multicam';
import { migration0016 } from './0016_library_text';
import { migration0017 } from './0017_public_copy_discs';
import { migration0018 } from './0018_library_combined';
import { migration0019 } from './0019_library_sorts';
import { migration0020 } from './0020_library_flagged_duration';
import { migration0021 } from './0021_media_start_bound';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** In version order; a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021];
