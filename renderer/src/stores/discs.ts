import { create } from 'zustand';
import type { CaseSummaryDto, DiscDto, DiscMediaType, DiscPlanDto, DiscSummaryDto, DriveDto, RecordFormSummaryDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage } from '../errors';
import { onSignedOut } from './session';

/**
 * 刻盘: one case's way from plan to a read-back disc (case and media → signed record form → image → burn →
 * read-back), and the disc register. Actions that fail reject; the page says why.
 */
interface DiscsState {
  cases: CaseSummaryDto[];
  register: DiscSummaryDto[];
  caseId: number | null;
  mediaType: DiscMediaType;
  plan: DiscPlanDto | null;
  /** Why the case cannot be planned on this media (shown in place of the plan). */
  planError: string | null;
  /** The case's record forms signed by officer and chief; a locked one is already on a disc. */
  forms: RecordFormSummaryDto[];
  formId: number | null;
  /** The disc just built, or picked from the register. */
  disc: DiscDto | null;
  drives: DriveDto[];
  driveId: string | null;

  load(): Promise<void>;
  loadRegister(): Promise<void>;
  loadDrives(): Promise<void>;
  /** A new case starts the workflow over; `show` puts one of its discs on screen. */
  chooseCase(id: number, show?: DiscDto): Promise<void>;
  setMediaType(mediaType: DiscMediaType): Promise<void>;
  setFormId(id: number): void;
  setDriveId(id: string): void;
  openDisc(id: string): Promise<void>;
  /** Builds every disc of the plan with the chosen form; the first is shown. */
  build(): Promise<DiscDto[]>;
  burn(): Promise<void>;
  /** Reads the burned disc back: it is only good once every file matches the hash stored at ingest. */
  readBack(): Promise<void>;
  reset(): void;
}

const initial = {
  cases: [],
  register: [],
  caseId: null,
  mediaType: 'DVD-R' as DiscMediaType,
  plan: null,
  planError: null,
  forms: [],
  formId: null,
  disc: null,
  drives: [],
  driveId: null,
};

export const useDiscsStore = create<DiscsState>()((set, get) => {
  /** The plan for the current case and media; an answer for an earlier choice is dropped. */
  const loadPlan = async () => {
    const { caseId, mediaType } = get();
    if (caseId === null) return;
    const current = () => get().caseId === caseId && get().mediaType === mediaType;
    try {
      const plan = await api.discs.plan({ caseId, mediaType });
      if (current()) set({ plan, planError: null });
    } catch (e) {
      if (current()) set({ plan: null, planError: errorMessage(e) });
    }
  };
  const loadForms = async (caseId: number) => {
    const ready = (await api.forms.recordList({ caseId })).filter((f) => f.state === 'chief_signed' || f.state === 'locked');
    if (get().caseId === caseId) set({ forms: ready, formId: ready.find((f) => f.state === 'chief_signed')?.id ?? null });
  };

  return {
    ...initial,

    async load() {
      const [page] = await Promise.all([api.cases.list({ limit: 500 }), get().loadRegister()]);
      set({ cases: page.cases });
    },

    async loadRegister() {
      set({ register: await api.discs.list({}) });
    },

    async loadDrives() {
      const drives = await api.discs.drives();
      set({ drives, driveId: get().driveId ?? drives[0]?.id ?? null });
    },

    async chooseCase(id, show) {
      if (id !== get().caseId) set({ caseId: id, plan: null, planError: null, forms: [], formId: null });
      set({ disc: show ?? null });
      await Promise.all([loadPlan(), loadForms(id)]);
    },

    async setMediaType(mediaType) {
      set({ mediaType });
      await loadPlan();
    },

    setFormId: (formId) => set({ formId }),
    setDriveId: (driveId) => set({ driveId }),

    async openDisc(id) {
      const full = await api.discs.get({ id });
      await get().chooseCase(full.caseId, full);
    },

    async build() {
      const { caseId, formId, mediaType } = get();
      if (caseId === null || formId === null) return [];
      const built = await api.discs.build({ caseId, mediaType, recordFormId: formId });
      set({ disc: built[0] ?? null });
      return built;
    },

    async burn() {
      const { disc, driveId } = get();
      if (!disc || !driveId) return;
      await api.discs.burn({ discId: disc.id, driveId });
    },

    async readBack() {
      const { disc } = get();
      if (!disc) return;
      set({ disc: await api.discs.verifyBurn({ discId: disc.id }) });
    },

    reset() {
      set(initial);
    },
  };
});

onSignedOut(() => useDiscsStore.getState().reset());
