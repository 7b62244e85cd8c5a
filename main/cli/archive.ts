import { archiveHasDatabase, openStoreReadOnly, readOffice, type OfficeRow, type Store } from '../store';
import { UsageError } from './args';
import type { CliEnv } from './env';

/** Refuses a folder without an archive before anything opens it (the API would set a new one up there). */
export function requireArchive(archive: string): void {
  if (!archiveHasDatabase(archive)) throw new UsageError(`no archive at ${archive} (evidence.db not found)`);
}

/** Runs fn on a set-up archive opened read-only (the commands' checks without --user), then closes it. */
export async function withArchive<T>(archive: string, env: CliEnv, fn: (store: Store, office: OfficeRow) => T | Promise<T>): Promise<T> {
  requireArchive(archive);
  const store = openStoreReadOnly(archive, env.services.openOptions);
  try {
    const office = readOffice(store.db);
    if (!office) throw new UsageError(`archive at ${archive} is not set up`);
    return await fn(store, office);
  } finally {
    store.close();
  }
}
