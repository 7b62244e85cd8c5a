import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { IngestProgressDto, IngestSessionDetailDto, IngestSessionDto, ScanDto, SourceDto } from '../../../main/api/dto';
import { api, isDesktop } from '../api';
import { errorCode, errorMessage, isHandledGlobally } from '../errors';
import { tracked } from './tracked';
import { onSignedOut } from './session';

/** Where the 采集 tab is: picking a source, looking at its scan, copying, or reading the result. */
export type IngestStep = 'sources' | 'scan' | 'progress' | 'result';

export type StartInput = Omit<MethodInput<'ingest.start'>, 'sourceId' | 'keepOther'>;

interface IngestState {
  sources: SourceDto[];
  sourcesLoaded: boolean;
  sourcesError: string | null;
  /** The native folder picker works (desktop program, and it has not said otherwise). */
  canPickFolder: boolean;

  step: IngestStep;
  sourceId: string | null;
  scanning: boolean;
  scan: ScanDto | null;
  scanError: string | null;
  /** Files listed as 其他 the custodian chose to keep (as documents); none by default. */
  keepOther: string[];

  starting: boolean;
  startError: string | null;
  sessionId: number | null;
  progress: IngestProgressDto | null;
  cancelling: boolean;
  result: IngestSessionDetailDto | null;
  resultError: string | null;

  sessions: IngestSessionDto[];
  sessionsLoading: boolean;
  sessionsError: string | null;
  sessionsHasMore: boolean;
  detail: IngestSessionDetailDto | null;
  detailLoading: boolean;

  loadSources(): Promise<void>;
  pickFolder(): Promise<void>;
  scanSource(sourceId: string): Promise<void>;
  rescan(): Promise<void>;
  backToSources(): void;
  setKeepOther(relPaths: string[]): void;
  start(input: StartInput): Promise<void>;
  cancel(): Promise<void>;
  /** After a reload or a return to the page: show an ingest that is still running. */
  resume(): Promise<void>;
  loadSessions(limit?: number): Promise<void>;
  openSession(id: number): Promise<void>;
  closeSession(): void;
  reset(): void;
}

const initial = {
  sources: [],
  sourcesLoaded: false,
  sourcesError: null,
  canPickFolder: isDesktop,
  step: 'sources' as IngestStep,
  sourceId: null,
  scanning: false,
  scan: null,
  scanError: null,
  keepOther: [],
  starting: false,
  startError: null,
  sessionId: null,
  progress: null,
  cancelling: false,
  result: null,
  resultError: null,
  sessions: [],
  sessionsLoading: false,
  sessionsError: null,
  sessionsHasMore: false,
  detail: null,
  detailLoading: false,
};

/** The live ingest's event subscriptions and status poll; one at a time. */
let stopWatching: (() => void) | null = null;

export const useIngestStore = create<IngestState>()((set, get) => {
  const finish = async (sessionId: number) => {
    if (get().sessionId !== sessionId || get().step !== 'progress') return;
    stopWatching?.();
    stopWatching = null;
    try {
      const result = await api.ingest.session({ id: sessionId });
      set({ result, step: 'result', cancelling: false, resultError: null });
    } catch (e) {
      set({ step: 'result', cancelling: false, resultError: isHandledGlobally(e) ? null : errorMessage(e) });
    }
  };

  /**
   * Progress comes as push events; the finish is also noticed by polling the session, so a
   * missed event (a reconnecting event stream) never leaves the screen spinning.
   */
  const watch = (sessionId: number) => {
    stopWatching?.();
    const offProgress = api.on('ingest.progress', (p) => {
      if (p.sessionId === get().sessionId && get().step === 'progress') set({ progress: p });
    });
    const offFinished = api.on('ingest.finished', (p) => {
      if (p.sessionId === get().sessionId) void finish(p.sessionId);
    });
    const timer = window.setInterval(() => {
      api.ingest.session({ id: sessionId }).then(
        (s) => {
          if (s.status !== 'running') void finish(sessionId);
        },
        () => undefined,
      );
    }, 2000);
    stopWatching = () => {
      offProgress();
      offFinished();
      window.clearInterval(timer);
    };
  };

  return {
    ...initial,

    async loadSources() {
      try {
        const sources = await api.sources.list();
        set({ sources, sourcesLoaded: true, sourcesError: null });
      } catch (e) {
        if (!isHandledGlobally(e)) set({ sourcesError: errorMessage(e), sourcesLoaded: true });
      }
    },

    async pickFolder() {
      try {
        const s = await api.sources.pickFolder();
        if (!s) return;
        await get().loadSources();
        await get().scanSource(s.id);
      } catch (e) {
        if (errorCode(e) === 'NOT_AVAILABLE') set({ canPickFolder: false });
        else if (!isHandledGlobally(e)) set({ sourcesError: errorMessage(e) });
      }
    },

    async scanSource(sourceId) {
      set({ step: 'scan', sourceId, scan: null, startError: null, keepOther: [] });
      await tracked(set, { busy: 'scanning', error: 'scanError' }, async () => {
        const scan = await api.ingest.scan({ sourceId });
        if (get().sourceId === sourceId) set({ scan });
      });
    },

    async rescan() {
      const id = get().sourceId;
      if (id) await get().scanSource(id);
    },

    backToSources() {
      stopWatching?.();
      stopWatching = null;
      set({ step: 'sources', sourceId: null, scan: null, scanError: null, startError: null, sessionId: null, progress: null, result: null, resultError: null });
      void get().loadSources();
    },

    setKeepOther(relPaths) {
      set({ keepOther: relPaths });
    },

    async start(input) {
      const sourceId = get().sourceId;
      if (!sourceId) return;
      await tracked(set, { busy: 'starting', error: 'startError' }, async () => {
        const { sessionId } = await api.ingest.start({ ...input, sourceId, keepOther: get().keepOther });
        set({ sessionId, progress: null, result: null, resultError: null, step: 'progress' });
        watch(sessionId);
      });
    },

    async cancel() {
      const id = get().sessionId;
      if (!id) return;
      set({ cancelling: true });
      try {
        await api.ingest.cancel({ sessionId: id });
      } catch (e) {
        // Already over: the watch shows the result.
        if (errorCode(e) === 'NOT_RUNNING') void finish(id);
        else set({ cancelling: false });
      }
    },

    async resume() {
      if (get().step !== 'sources') return;
      try {
        const [latest] = await api.ingest.sessions({ limit: 1, offset: 0 });
        if (latest?.status === 'running' && get().step === 'sources') {
          set({ sessionId: latest.id, step: 'progress', progress: null });
          watch(latest.id);
        }
      } catch {
        // Nothing to resume.
      }
    },

    async loadSessions(limit = 50) {
      await tracked(set, { busy: 'sessionsLoading', error: 'sessionsError' }, async () => {
        const sessions = await api.ingest.sessions({ limit: limit + 1, offset: 0 });
        set({ sessions: sessions.slice(0, limit), sessionsHasMore: sessions.length > limit });
      });
    },

    async openSession(id) {
      await tracked(set, { busy: 'detailLoading', error: 'sessionsError' }, async () => set({ detail: await api.ingest.session({ id }) }));
    },

    closeSession() {
      set({ detail: null });
    },

    reset() {
      stopWatching?.();
      stopWatching = null;
      set(initial);
    },
  };
});

onSignedOut(() => useIngestStore.getState().reset());
