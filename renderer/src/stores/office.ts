import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { OfficeDto } from '../../../main/api/dto';
import { api } from '../api';
import { tracked } from './tracked';
import { onSignedOut, useSessionStore } from './session';

interface OfficeState {
  office: OfficeDto | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  update(input: MethodInput<'office.update'>): Promise<OfficeDto>;
  reset(): void;
}

export const useOfficeStore = create<OfficeState>()((set) => ({
  office: null,
  loading: false,
  error: null,

  async load() {
    await tracked(set, { busy: 'loading', error: 'error' }, async () => set({ office: await api.office.get() }));
  },

  async update(input) {
    const office = await api.office.update(input);
    set({ office });
    // The header shows the office name from the session.
    await useSessionStore.getState().refresh();
    return office;
  },

  reset() {
    set({ office: null, loading: false, error: null });
  },
}));

onSignedOut(() => useOfficeStore.getState().reset());
