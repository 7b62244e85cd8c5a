import { create } from 'zustand';
import type { EventPayload } from '../../../main/api/contract';
import type { IntegrityReportDto, WeeklyPreviewDto, WeeklyRunDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { tracked } from './tracked';
import { officeToday } from '../time';
import { onSignedOut } from './session';

export type WeeklyProgress = EventPayload<'weekly.progress'>;
export type IntegrityProgress = EventPayload<'integrity.progress'>;

/** 每周归档 and 完整性校验 (rules art. 11(2)). */
interface WeeklyState {
  /** A day of the week shown; null: the office's current week, read when it is asked for. */
  weekOf: string | null;
  preview: WeeklyPreviewDto | null;
  previewLoading: boolean;
  previewError: string | null;

  running: boolean;
  progress: WeeklyProgress | null;
  run: WeeklyRunDto | null;
  runError: string | null;

  checking: boolean;
  checkProgress: IntegrityProgress | null;
  report: IntegrityReportDto | null;
  checkError: string | null;

  setWeek(weekOf: string | null): Promise<void>;
  loadPreview(): Promise<void>;
  runWeekly(backupSourceId: string | null): Promise<void>;
  check(range: { fromDay?: string; toDay?: string }): Promise<void>;
  /** Stops the running check; `check` then ends with the partial report. */
  cancelCheck(): Promise<void>;
  reset(): void;
}

const initial = () => ({
  weekOf: null,
  preview: null,
  previewLoading: false,
  previewError: null,
  running: false,
  progress: null,
  run: null,
  runError: null,
  checking: false,
  checkProgress: null,
  report: null,
  checkError: null,
});

export const useWeeklyStore = create<WeeklyState>()((set, get) => ({
  ...initial(),

  async setWeek(weekOf) {
    set({ weekOf, run: null, runError: null });
    await get().loadPreview();
  },

  async loadPreview() {
    const weekOf = get().weekOf;
    await tracked(set, { busy: 'previewLoading', error: 'previewError' }, async () => {
      const preview = await api.weekly.preview({ weekOf: weekOf ?? officeToday() });
      if (get().weekOf === weekOf) set({ preview });
    });
  },

  async runWeekly(backupSourceId) {
    set({ running: true, progress: null, run: null, runError: null });
    const off = api.on('weekly.progress', (p) => set({ progress: p }));
    try {
      const run = await api.weekly.run({ weekOf: get().weekOf ?? officeToday(), backupSourceId });
      set({ run });
    } catch (e) {
      if (!isHandledGlobally(e)) set({ runError: errorMessage(e) });
    } finally {
      off();
      set({ running: false, progress: null });
    }
    await get().loadPreview();
  },

  async check(range) {
    set({ checking: true, checkProgress: null, report: null, checkError: null });
    const off = api.on('integrity.progress', (p) => set({ checkProgress: p }));
    try {
      set({ report: await api.integrity.check(range) });
    } catch (e) {
      if (!isHandledGlobally(e)) set({ checkError: errorMessage(e) });
    } finally {
      off();
      set({ checking: false, checkProgress: null });
    }
  },

  async cancelCheck() {
    try {
      await api.integrity.cancel();
    } catch (e) {
      if (!isHandledGlobally(e)) set({ checkError: errorMessage(e) });
    }
  },

  reset() {
    set(initial());
  },
}));

onSignedOut(() => useWeeklyStore.getState().reset());
