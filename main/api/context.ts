import { archiveHasDatabase, archivePaths, openStore, readOffice, type OfficeRow, type OpenOptions, type Store } from '../store';
import { SessionRegistry, type Session, type SessionId } from '../accounts';
import { AppError, type Clock } from '../common';
import { generateKeyPair, REAL_SECRET_COSTS, type KeyPairSource, type SecretCosts } from '../crypto';
import { SourceRegistry } from '../devices';
import { recoverAfterCrash } from '../ingest';
import type { Logger } from '../log';
import type { EventName, EventPayload } from './contract';

/** One connected renderer: an Electron webContents, or a browser-host page (its X-Evidence-Client id). */
export interface Client {
  readonly id: string;
  sessionId: SessionId | null;
}

/** What the shell that hosts the API can do for it; absent where the host cannot. */
export interface HostCapabilities {
  kind: 'electron' | 'browser-host' | 'cli';
  /** Native folder picker (Electron only). Returns an absolute path or null when cancelled. */
  pickFolder?: (title: string) => Promise<string | null>;
  /** Persists the archive location chosen at first run (Electron keeps it in its config file). */
  rememberArchiveRoot?: (root: string) => void;
  /** Opens a generated document with the OS's default program (Electron only). */
  openPath?: (absolutePath: string) => Promise<void>;
  /** Pushes an event to one client, or to all. */
  emit?: <E extends EventName>(target: Client | 'all', event: E, payload: EventPayload<E>) => void;
}

/**
 * The archive the program works on. Opened lazily so that first-run setup can still choose
 * where it lives before anything is written.
 */
export class ArchiveHolder {
  private store: Store | null = null;

  constructor(
    private rootDir: string,
    private readonly clock: Clock,
    private readonly openOptions: OpenOptions = {},
    /** Runs once each time the archive is opened, before anything else uses it (the services pass crash recovery). */
    private readonly onOpen: (store: Store) => void = () => undefined,
  ) {}

  get root(): string {
    return archivePaths(this.rootDir).root;
  }

  setRoot(root: string): void {
    if (this.isSetUp()) throw new AppError('ALREADY_SET_UP', '本工作站已完成初始化，不能更换档案库位置', 'archive root is fixed after setup');
    this.close();
    this.rootDir = root;
  }

  isSetUp(): boolean {
    if (!this.store && !archiveHasDatabase(this.rootDir)) return false;
    return readOffice(this.open().db) !== null;
  }

  open(): Store {
    if (!this.store) {
      const store = openStore(this.rootDir, this.clock, this.openOptions);
      this.onOpen(store);
      this.store = store;
    }
    return this.store;
  }

  office(): OfficeRow {
    const o = readOffice(this.open().db);
    if (!o) throw new AppError('NOT_SET_UP', '工作站尚未初始化', 'office not set up');
    return o;
  }

  close(): void {
    this.store?.close();
    this.store = null;
  }
}

export interface Job {
  controller: AbortController;
  done: Promise<unknown>;
}

export interface ApiServices {
  archive: ArchiveHolder;
  sessions: SessionRegistry;
  clock: Clock;
  host: HostCapabilities;
  log: Logger;
  sources: SourceRegistry;
  /** Running background jobs (ingest), by id, so they can be cancelled and awaited. */
  jobs: Map<string, Job>;
  /** PBKDF2 iterations for private keys and scrypt N for password hashes made from now on. */
  costs: SecretCosts;
  /** Makes the office CA's and each user's key pair. */
  keyPairs: KeyPairSource;
  /** Test seam: awaited before each file an ingest copies, by source label (the e2e test of two sources at once). */
  ingestBeforeFile?: (sourceLabel: string, relPath: string) => Promise<void>;
  /** Test seam: awaited after each chunk an ingest reads, by source label (the e2e cancel test's slow recorder). */
  ingestAfterRead?: (sourceLabel: string, bytes: number) => Promise<void>;
}

export interface ServicesArgs {
  archiveRoot: string;
  host: HostCapabilities;
  log: Logger;
  /** The one source of "now" for everything the services do; entry points pass systemClock, tests a fixed one. */
  clock: Clock;
  sources?: SourceRegistry;
  openOptions?: OpenOptions;
  /** Default REAL_SECRET_COSTS; tests that make many users and logins pass small ones, never the program. */
  costs?: SecretCosts;
  /** Tests hand out pre-generated key pairs here; the program always generates fresh ones. */
  keyPairs?: KeyPairSource;
  ingestBeforeFile?: (sourceLabel: string, relPath: string) => Promise<void>;
  ingestAfterRead?: (sourceLabel: string, bytes: number) => Promise<void>;
}

export function createServices(args: ServicesArgs): ApiServices {
  const { clock } = args;
  // Ingest's crash recovery runs when the archive is first opened (it may be chosen only at setup).
  const archive = new ArchiveHolder(args.archiveRoot, clock, args.openOptions, (store) => {
    recoverAfterCrash(store);
    void store.statistics?.then((r) =>
      r.gathered ? args.log.info('planner statistics gathered', { ms: Math.round(r.ms) }) : args.log.warn('planner statistics not gathered', { error: r.error ?? 'unknown' }),
    );
    // Only a speed-up: a warm-up that fails leaves the pages to be read when first asked for.
    void store.warmed?.then((r) =>
      r.warmed
        ? args.log.info('library pages read into the file cache', { ms: Math.round(r.ms), mib: Math.round(r.bytes / 2 ** 20), btrees: r.btrees.length })
        : args.log.info('library pages not read ahead', { error: r.error ?? 'unknown' }),
    );
  });
  const sessions = new SessionRegistry(clock, () => (archive.isSetUp() ? archive.office().idleMinutes : 30));
  return {
    archive,
    sessions,
    clock,
    host: args.host,
    log: args.log,
    sources: args.sources ?? new SourceRegistry(),
    jobs: new Map(),
    costs: args.costs ?? REAL_SECRET_COSTS,
    keyPairs: args.keyPairs ?? generateKeyPair,
    ingestBeforeFile: args.ingestBeforeFile,
    ingestAfterRead: args.ingestAfterRead,
  };
}

export type { Session };
