import { create } from 'zustand';
import type { AuditEntryDto, ChainReportDto } from '../../../main/api/dto';
import { api } from '../api';
import { pageTurner } from './paging';
import { tracked } from './tracked';
import { onSignedOut } from './session';

export interface AuditFilters {
  /** ISO instants, `to` exclusive. */
  from?: string;
  to?: string;
  /** Action prefix, e.g. `session.` or `user.create`. */
  action?: string;
  actor?: string;
  text?: string;
}

/** The last `audit.verify` found in the log, for the dashboard. */
export interface LastVerify {
  at: string;
  actorLogin: string | null;
  ok: boolean;
  entries: number | null;
  problems: number | null;
}

interface AuditState {
  filters: AuditFilters;
  page: number;
  pageSize: number;
  total: number;
  entries: AuditEntryDto[];
  loading: boolean;
  error: string | null;

  verifying: boolean;
  report: ChainReportDto | null;
  verifyError: string | null;

  lastVerify: LastVerify | null | undefined;

  load(): Promise<void>;
  setFilters(filters: AuditFilters): Promise<void>;
  setPage(page: number, pageSize: number): Promise<void>;
  verify(): Promise<void>;
  clearReport(): void;
  loadLastVerify(): Promise<void>;
  reset(): void;
}

const initial = {
  filters: {},
  page: 1,
  pageSize: 20,
  total: 0,
  entries: [],
  loading: false,
  error: null,
  verifying: false,
  report: null,
  verifyError: null,
  lastVerify: undefined,
};

function clean(f: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.action?.trim()) out.action = f.action.trim();
  if (f.actor?.trim()) out.actor = f.actor.trim();
  if (f.text?.trim()) out.text = f.text.trim();
  return out;
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export const useAuditStore = create<AuditState>()((set, get) => ({
  ...initial,

  async load() {
    const { filters, page, pageSize } = get();
    await tracked(set, { busy: 'loading', error: 'error' }, async () => {
      const res = await api.audit.list({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
      set({ entries: res.entries, total: res.total });
    });
  },

  async setFilters(filters) {
    set({ filters: clean(filters), page: 1 });
    await get().load();
  },

  setPage: pageTurner(set, get),

  async verify() {
    await tracked(set, { busy: 'verifying', error: 'verifyError' }, async () => set({ report: await api.audit.verify() }));
    // The check itself is an audited action: show it.
    await get().load();
  },

  clearReport() {
    set({ report: null, verifyError: null });
  },

  async loadLastVerify() {
    try {
      const res = await api.audit.list({ action: 'audit.verify', limit: 1, offset: 0 });
      const e = res.entries[0];
      set({
        lastVerify: e
          ? { at: e.at, actorLogin: e.actorLogin, ok: e.details.ok === true, entries: num(e.details.entries), problems: num(e.details.problems) }
          : null,
      });
    } catch {
      set({ lastVerify: null });
    }
  },

  reset() {
    set(initial);
  },
}));

onSignedOut(() => useAuditStore.getState().reset());
