import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { LibraryItemDto, RecordingGroupDto } from '../../../main/api/dto';
import { api } from '../api';
import { BLOCK_ROWS, blocksFor, blocksToDrop } from '../components/library/rowWindow';
import { errorMessage, isHandledGlobally } from '../errors';
import { pageTurner } from './paging';
import { onSignedOut } from './session';

export type LibraryQuery = Omit<MethodInput<'library.search'>, 'limit' | 'offset' | 'sort' | 'order' | 'after'>;
type LibraryCursor = NonNullable<MethodInput<'library.search'>['after']>;
export type LibrarySort = NonNullable<MethodInput<'library.search'>['sort']>;

interface LibraryState {
  filters: LibraryQuery;
  sort: LibrarySort;
  order: 'asc' | 'desc';
  /** 按录制分组's page and page size (the flat list scrolls instead). */
  page: number;
  pageSize: number;
  total: number;
  /** The flat list's free text is being counted: its first page comes first, `total` then only reaches past the rows fetched. */
  counting: boolean;
  /** The flat list's rows near the view, by block (`BLOCK_ROWS` rows each, block k from row k × BLOCK_ROWS). */
  blocks: ReadonlyMap<number, LibraryItemDto[]>;
  /** Counts the loads: a block fetched for an older one is thrown away. */
  epoch: number;
  /** Counts the changes of filters, sort or view: the list goes back to its top. */
  queryNo: number;
  /** 按录制分组's page: one row per recording or lone file, paged on the server (total counts groups). */
  groups: RecordingGroupDto[];
  loading: boolean;
  error: string | null;
  /** 按录制分组: segments of one recording shown together, with their gaps. */
  grouped: boolean;
  selected: number[];

  load(): Promise<void>;
  /** The flat list shows rows `first`..`last`: fetch the blocks missing there, drop those far away. */
  showRows(first: number, last: number): void;
  setFilters(filters: LibraryQuery): Promise<void>;
  setSort(sort: LibrarySort, order: 'asc' | 'desc'): Promise<void>;
  setPage(page: number, pageSize: number): Promise<void>;
  setGrouped(grouped: boolean): Promise<void>;
  setSelected(ids: number[]): void;
  reset(): void;
}

const initial = {
  filters: {},
  sort: 'startAt' as LibrarySort,
  order: 'desc' as const,
  page: 1,
  pageSize: 100,
  total: 0,
  counting: false,
  blocks: new Map<number, LibraryItemDto[]>(),
  epoch: 0,
  queryNo: 0,
  groups: [],
  loading: false,
  error: null,
  grouped: false,
  selected: [],
};

/** Fetches running at once: a fast scroll passes blocks it never waits for, and only what is on screen then is asked for. */
const MAX_FETCHES = 2;
/** Rows beyond the view's ends whose blocks are fetched before they come into view. */
const PREFETCH_ROWS = BLOCK_ROWS / 2;

/** Per query (reset with the epoch): block → the cursor that fetches it (the `next` of the block before), blocks being fetched, the rows wanted now. */
let cursors = new Map<number, LibraryCursor>();
let fetching = new Set<number>();
let wanted: number[] = [];

/**
 * The library at a million media is never loaded whole. The flat list is one scroll over every match: its
 * rows are fetched a block at a time as they come into view, by cursor (keyset) when the block before was
 * fetched, by offset after a jump, and only the blocks near the view are kept. 按录制分组 pages on the server.
 */
export const useLibraryStore = create<LibraryState>()((set, get) => {
  async function fetchBlock(block: number, epoch: number): Promise<void> {
    const { filters, sort, order } = get();
    const after = cursors.get(block);
    const query = { ...filters, sort, order, limit: BLOCK_ROWS };
    fetching.add(block);
    try {
      const res = await api.library.search(after ? { ...query, after } : { ...query, offset: block * BLOCK_ROWS });
      if (epoch !== get().epoch) return;
      if (res.next) cursors.set(block + 1, res.next);
      set((st) => {
        const blocks = new Map(st.blocks).set(block, res.items);
        // Until a free text's count arrives the list reaches one block past the rows fetched, so it scrolls on.
        const reached = block * BLOCK_ROWS + res.items.length + (res.next ? BLOCK_ROWS : 0);
        return { blocks, total: res.total ?? (st.counting ? Math.max(st.total, reached) : st.total), counting: st.counting && res.total === null, error: null };
      });
    } catch (e) {
      if (epoch === get().epoch && !isHandledGlobally(e)) set({ error: errorMessage(e) });
      wanted = wanted.filter((b) => b !== block);
    } finally {
      if (epoch === get().epoch) {
        fetching.delete(block);
        pump();
      }
    }
  }

  /** Starts fetches for the wanted blocks not held, nearest the view's top first, up to MAX_FETCHES at a time. */
  function pump(): void {
    const { blocks, epoch } = get();
    for (const block of wanted) {
      if (fetching.size >= MAX_FETCHES) return;
      if (!blocks.has(block) && !fetching.has(block)) void fetchBlock(block, epoch);
    }
  }

  /** A free text's first page comes without its count (library.search's total is null): ask for it after. */
  async function countText(epoch: number): Promise<void> {
    const { filters, sort, order } = get();
    try {
      const { total } = await api.library.count({ ...filters, sort, order });
      if (epoch === get().epoch) set({ total, counting: false });
    } catch (e) {
      if (epoch === get().epoch && !isHandledGlobally(e)) set({ error: errorMessage(e), counting: false });
    }
  }

  return {
    ...initial,

    async load() {
      const { filters, sort, order, page, pageSize, grouped } = get();
      const epoch = get().epoch + 1;
      cursors = new Map();
      fetching = new Set();
      set({ loading: true, error: null, epoch, blocks: new Map() });
      try {
        if (grouped) {
          const res = await api.library.recordings({ ...filters, sort, order, limit: pageSize, offset: (page - 1) * pageSize });
          if (epoch === get().epoch) set({ groups: res.groups, total: res.total });
        } else {
          set({ groups: [], ...(filters.text === undefined ? { counting: false } : { counting: true, total: 0 }) });
          // Block 0 first (it brings the count, or for a free text comes before it), then the blocks on screen again.
          wanted = [0, ...wanted.filter((b) => b !== 0)];
          await fetchBlock(0, epoch);
          if (epoch === get().epoch && get().counting) void countText(epoch);
        }
      } catch (e) {
        if (epoch === get().epoch && !isHandledGlobally(e)) set({ error: errorMessage(e) });
      } finally {
        if (epoch === get().epoch) set({ loading: false });
      }
    },

    showRows(first, last) {
      const { total, blocks } = get();
      // What is on screen first, then the block the scroll reaches next either way, so a steady scroll never waits.
      const seen = blocksFor(first, last, total);
      const near = [...blocksFor(last + 1, last + PREFETCH_ROWS, total), ...blocksFor(first - PREFETCH_ROWS, first - 1, total)];
      wanted = [...seen, ...near.filter((b) => !seen.includes(b))];
      const drop = blocksToDrop([...blocks.keys()], Math.floor(first / BLOCK_ROWS));
      if (drop.length) {
        const kept = new Map(blocks);
        for (const b of drop) kept.delete(b);
        set({ blocks: kept });
      }
      pump();
    },

    async setFilters(filters) {
      set((st) => ({ filters, page: 1, selected: [], queryNo: st.queryNo + 1 }));
      await get().load();
    },

    async setSort(sort, order) {
      set((st) => ({ sort, order, page: 1, queryNo: st.queryNo + 1 }));
      await get().load();
    },

    setPage: pageTurner(set, get),

    async setGrouped(grouped) {
      // Groups and files are listed apart: start again at the top.
      set((st) => ({ grouped, page: 1, selected: [], queryNo: st.queryNo + 1 }));
      await get().load();
    },

    setSelected(ids) {
      set({ selected: ids });
    },

    reset() {
      cursors = new Map();
      fetching = new Set();
      wanted = [];
      set({ ...initial, epoch: get().epoch + 1, queryNo: get().queryNo + 1 });
    },
  };
});

onSignedOut(() => useLibraryStore.getState().reset());
