import { create } from 'zustand';
import type { CorrectionDto, DailyCheckDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { onSignedOut } from './session';

/** 监督 (rules art. 15): the day being checked and the corrections still open. */
interface SupervisionState {
  /** The day shown; null until the first load picks yesterday (office time) on the server. */
  day: string | null;
  check: DailyCheckDto | null;
  loading: boolean;
  error: string | null;
  open: CorrectionDto[] | null;
  load(day?: string): Promise<void>;
  /** After a mark, a correction or a signature: the check as the server now has it. */
  replace(check: DailyCheckDto): void;
  loadOpen(): Promise<void>;
  reset(): void;
}

const initial = { day: null, check: null, loading: false, error: null, open: null };

export const useSupervisionStore = create<SupervisionState>((set, get) => ({
  ...initial,
  async load(day) {
    set({ loading: true, error: null });
    try {
      const d = day ?? get().day;
      const check = await api.supervision.day(d ? { day: d } : {});
      set({ check, day: check.day, open: check.openCorrections, loading: false });
    } catch (e) {
      set({ loading: false, error: isHandledGlobally(e) ? null : errorMessage(e) });
    }
  },
  replace(check) {
    set({ check, day: check.day, open: check.openCorrections });
  },
  async loadOpen() {
    try {
      set({ open: await api.supervision.openCorrections() });
    } catch {
      set({ open: null });
    }
  },
  reset() {
    set(initial);
  },
}));

onSignedOut(() => useSupervisionStore.getState().reset());
