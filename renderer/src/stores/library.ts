import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { LibraryItemDto, RecordingGroupDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { onSignedOut } from './session';

export type LibraryQuery = Omit<MethodInput<'library.search'>, 'limit' | 'offset' | 'sort' | 'order'>;
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
};

let seq = 0;

/** One page of the library at a time (limit/offset): at 100 000 media the list is never loaded whole. */
export const useLibraryStore = create<LibraryState>()((set, get) => ({
  ...initial,

  async load() {
    const { filters, sort, order, page, pageSize, grouped } = get();
    const mine = ++seq;
    set({ loading: true, error: null });
    try {
      const query = { ...filters, sort, order, limit: pageSize, offset: (page - 1) * pageSize };
      if (grouped) {
        const res = await api.library.recordings(query);
        if (mine === seq) set({ groups: res.groups, items: [], total: res.total });
      } else {
        const res = await api.library.search(query);
        if (mine === seq) set({ items: res.items, groups: [], total: res.total });
      }
    } catch (e) {
      if (mine === seq && !isHandledGlobally(e)) set({ error: errorMessage(e) });
    } finally {
      if (mine === seq) set({ loading: false });
    }
  },

  async setFilters(filters) {
    set({ filters, page: 1, selected: [] });
    await get().load();
  },

  async setSort(sort, order) {
    set({ sort, order, page: 1 });
    await get().load();
  },

  async setPage(page, pageSize) {
    set({ page: pageSize === get().pageSize ? page : 1, pageSize });
    await get().load();
  },

  async setGrouped(grouped) {
    // Groups and files are paged apart: start again at page 1.
    set({ grouped, page: 1, selected: [] });
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
