import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { IngestProgressDto, IngestSessionDetailDto, IngestSessionDto, ScanDto, SourceDto } from '../../../main/api/dto';
import { api, isDesktop } from '../api';
import { errorCode, errorMessage, isHandledGlobally } from '../errors';
import { tracked } from './tracked';
import { onSignedOut } from './session';

/** Where the 采集 tab's form is: picking a source, looking at its scan, or reading a finished session. */
export type IngestStep = 'sources' | 'scan' | 'result';

/** One running (or just finished) session's lane above the form: several sources ingest at once. */
export interface IngestLane {
  sessionId: number;
  sourceId: string | null;
  sourceLabel: string;
  progress: IngestProgressDto | null;
  cancelling: boolean;
  /** Set when the session is over: its result is one click away. */
  finished: IngestSessionDetailDto['status'] | null;
}

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
  lanes: IngestLane[];
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
  /** Starts the scanned source's session as a new lane; the form goes back to the sources for the next one. */
  start(input: StartInput): Promise<void>;
  cancel(sessionId: number): Promise<void>;
  /** Shows a finished lane's result in the form (and takes the lane away). */
  openResult(sessionId: number): Promise<void>;
  dismissLane(sessionId: number): void;
  /** After a reload or a return to the page: a lane for every ingest that is still running. */
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
  lanes: [] as IngestLane[],
  result: null,
  resultError: null,
  sessions: [],
  sessionsLoading: false,
  sessionsError: null,
  sessionsHasMore: false,
  detail: null,
  detailLoading: false,
};

/** Each live lane's event subscriptions and status poll, by session. */
const watching = new Map<number, () => void>();

function stopWatching(sessionId?: number): void {
  for (const [id, stop] of watching) {
    if (sessionId !== undefined && id !== sessionId) continue;
    stop();
    watching.delete(id);
  }
}

export const useIngestStore = create<IngestState>()((set, get) => {
  const updateLane = (sessionId: number, change: Partial<IngestLane>) =>
    set({ lanes: get().lanes.map((l) => (l.sessionId === sessionId ? { ...l, ...change } : l)) });

  /** A lane's session is over: shown in the form when the form is idle, else its lane offers the result. */
  const finish = async (sessionId: number, status: IngestSessionDetailDto['status']) => {
    const lane = get().lanes.find((l) => l.sessionId === sessionId);
    if (!lane || lane.finished) return;
    stopWatching(sessionId);
    updateLane(sessionId, { finished: status, cancelling: false });
    if (get().step === 'sources') await get().openResult(sessionId);
  };

  /**
   * Progress comes as push events; the finish is also noticed by polling the session, so a
   * missed event (a reconnecting event stream) never leaves a lane spinning.
   */
  const watch = (sessionId: number) => {
    stopWatching(sessionId);
    const offProgress = api.on('ingest.progress', (p) => {
      if (p.sessionId === sessionId) updateLane(sessionId, { progress: p });
    });
    const offFinished = api.on('ingest.finished', (p) => {
      if (p.sessionId === sessionId) void finish(sessionId, p.status);
    });
    const timer = window.setInterval(() => {
      api.ingest.session({ id: sessionId }).then(
        (s) => {
          if (s.status !== 'running') void finish(sessionId, s.status);
        },
        () => undefined,
      );
    }, 2000);
    watching.set(sessionId, () => {
      offProgress();
      offFinished();
      window.clearInterval(timer);
    });
  };

  const addLane = (lane: Omit<IngestLane, 'progress' | 'cancelling' | 'finished'>) => {
    if (get().lanes.some((l) => l.sessionId === lane.sessionId)) return;
    set({ lanes: [...get().lanes, { ...lane, progress: null, cancelling: false, finished: null }] });
    watch(lane.sessionId);
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
      set({ step: 'sources', sourceId: null, scan: null, scanError: null, startError: null, result: null, resultError: null });
      void get().loadSources();
    },

    setKeepOther(relPaths) {
      set({ keepOther: relPaths });
    },

    async start(input) {
      const { sourceId, scan } = get();
      if (!sourceId) return;
      await tracked(set, { busy: 'starting', error: 'startError' }, async () => {
        const { sessionId } = await api.ingest.start({ ...input, sourceId, keepOther: get().keepOther });
        addLane({ sessionId, sourceId, sourceLabel: scan?.sourceLabel ?? sourceId });
        get().backToSources();
      });
    },

    async cancel(sessionId) {
      updateLane(sessionId, { cancelling: true });
      try {
        await api.ingest.cancel({ sessionId });
      } catch (e) {
        // Already over: the lane's poll notices it within seconds.
        if (errorCode(e) !== 'NOT_RUNNING') updateLane(sessionId, { cancelling: false });
      }
    },

    async openResult(sessionId) {
      const lane = get().lanes.find((l) => l.sessionId === sessionId);
      set({ lanes: get().lanes.filter((l) => l.sessionId !== sessionId), step: 'result', sourceId: lane?.sourceId ?? null, scan: null, result: null, resultError: null });
      try {
        const result = await api.ingest.session({ id: sessionId });
        set({ result });
      } catch (e) {
        set({ resultError: isHandledGlobally(e) ? null : errorMessage(e) });
      }
    },

    dismissLane(sessionId) {
      stopWatching(sessionId);
      set({ lanes: get().lanes.filter((l) => l.sessionId !== sessionId) });
    },

    async resume() {
      try {
        const recent = await api.ingest.sessions({ limit: 20, offset: 0 });
        for (const s of recent) if (s.status === 'running') addLane({ sessionId: s.id, sourceId: null, sourceLabel: s.sourceLabel });
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
      stopWatching();
      set(initial);
    },
  };
});

onSignedOut(() => useIngestStore.getState().reset());
