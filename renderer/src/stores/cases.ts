import { create } from 'zustand';
import type { CaseDetailDto, CaseSummaryDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { pageTurner } from './paging';
import { tracked } from './tracked';
import { onSignedOut } from './session';

interface CasesState {
  text: string;
  status: 'open' | 'closed' | undefined;
  page: number;
  pageSize: number;
  total: number;
  cases: CaseSummaryDto[];
  loading: boolean;
  error: string | null;
  detail: CaseDetailDto | null;
  detailError: string | null;

  load(): Promise<void>;
  setQuery(text: string, status: 'open' | 'closed' | undefined): Promise<void>;
  setPage(page: number, pageSize: number): Promise<void>;
  loadDetail(id: number): Promise<void>;
  setDetail(detail: CaseDetailDto | null): void;
  reset(): void;
}

const initial = {
  text: '',
  status: undefined,
  page: 1,
  pageSize: 20,
  total: 0,
  cases: [],
  loading: false,
  error: null,
  detail: null,
  detailError: null,
};

export const useCasesStore = create<CasesState>()((set, get) => ({
  ...initial,

  async load() {
    const { text, status, page, pageSize } = get();
    await tracked(set, { busy: 'loading', error: 'error' }, async () => {
      const r = await api.cases.list({ text: text.trim() || undefined, status, limit: pageSize, offset: (page - 1) * pageSize });
      set({ cases: r.cases, total: r.total });
    });
  },

  async setQuery(text, status) {
    set({ text, status, page: 1 });
    await get().load();
  },

  setPage: pageTurner(set, get),

  async loadDetail(id) {
    set({ detailError: null });
    try {
      set({ detail: await api.cases.get({ id }) });
    } catch (e) {
      if (!isHandledGlobally(e)) set({ detailError: errorMessage(e), detail: null });
    }
  },

  setDetail(detail) {
    set({ detail });
  },

  reset() {
    set(initial);
  },
}));

onSignedOut(() => useCasesStore.getState().reset());
