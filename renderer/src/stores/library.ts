import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { LibraryItemDto, RecordingGroupDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { onSignedOut } from './session';

export type LibraryQuery = Omit<MethodInput<'library.search'>, 'limit' | 'offset' | 'sort' | 'order' | 'after'>;
type LibraryCursor = NonNullable<MethodInput<'library.search'>['after']>;
export type LibrarySort = NonNullable<MethodInput<'library.search'>['sort']>;

interface LibraryState {
  filters: LibraryQuery;
  sort: LibrarySort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  total: number;
  items: LibraryItemDto[];
  /** 按录制分组's page: one row per recording or lone file, paged on the server (total counts groups). */
  groups: RecordingGroupDto[];
  loading: boolean;
  error: string | null;
  /** 按录制分组: segments of one recording shown together, with their gaps. */
  grouped: boolean;
  selected: number[];
  /** page number → the cursor that pages to it (the `next` of the page before), for these filters, sort and page size. */
  cursors: Record<number, LibraryCursor>;

  load(): Promise<void>;
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
  items: [],
  groups: [],
  loading: false,
  error: null,
  grouped: false,
  selected: [],
  cursors: {},
};

let seq = 0;

/**
 * One page of the library at a time: at a million media the list is never loaded whole. The flat list
 * pages by cursor (keyset) to any page it has a cursor for, the next one above all, so a deep page
 * costs what the first does; a jump to a page never reached goes by offset. Groups page by offset.
 */
export const useLibraryStore = create<LibraryState>()((set, get) => ({
  ...initial,

  async load() {
    const { filters, sort, order, page, pageSize, grouped, cursors } = get();
    const mine = ++seq;
    set({ loading: true, error: null });
    try {
      const query = { ...filters, sort, order, limit: pageSize, offset: (page - 1) * pageSize };
      if (grouped) {
        const res = await api.library.recordings(query);
        if (mine === seq) set({ groups: res.groups, items: [], total: res.total });
      } else {
        const after = page > 1 ? cursors[page] : undefined;
        const res = await api.library.search(after ? { ...query, after } : query);
        if (mine === seq) {
          set((st) => ({
            items: res.items,
            groups: [],
            total: res.total ?? st.total,
            cursors: res.next ? { ...st.cursors, [page + 1]: res.next } : st.cursors,
          }));
        }
      }
    } catch (e) {
      if (mine === seq && !isHandledGlobally(e)) set({ error: errorMessage(e) });
    } finally {
      if (mine === seq) set({ loading: false });
    }
  },

  async setFilters(filters) {
    set({ filters, page: 1, selected: [], cursors: {} });
    await get().load();
  },

  async setSort(sort, order) {
    set({ sort, order, page: 1, cursors: {} });
    await get().load();
  },

  async setPage(page, pageSize) {
    const same = pageSize === get().pageSize;
    set({ page: same ? page : 1, pageSize, ...(same ? {} : { cursors: {} }) });
    await get().load();
  },

  async setGrouped(grouped) {
    // Groups and files are paged apart: start again at page 1.
    set({ grouped, page: 1, selected: [], cursors: {} });
    await get().load();
  },

  setSelected(ids) {
    set({ selected: ids });
  },

  reset() {
    set(initial);
  },
}));

onSignedOut(() => useLibraryStore.getState().reset());
