import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { AccountRefDto, AssignmentDto, OfficerDto, RecorderDto } from '../../../main/api/dto';
import { api } from '../api';
import { errorMessage, isHandledGlobally } from '../errors';
import { onSignedOut } from './session';

/** 设备: the recorder register and the people who wear them (officers, with or without a login). */
interface DevicesState {
  officers: OfficerDto[];
  recorders: RecorderDto[];
  /** Accounts an officer may be linked to (人员 → 登录账户). */
  accounts: AccountRefDto[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  loadOfficers(): Promise<OfficerDto[]>;
  createOfficer(input: MethodInput<'officers.create'>): Promise<OfficerDto>;
  updateOfficer(input: MethodInput<'officers.update'>): Promise<OfficerDto>;
  createRecorder(input: MethodInput<'recorders.create'>): Promise<RecorderDto>;
  updateRecorder(input: MethodInput<'recorders.update'>): Promise<RecorderDto>;
  assign(input: MethodInput<'recorders.assign'>): Promise<RecorderDto>;
  history(recorderId: number): Promise<AssignmentDto[]>;
  reset(): void;
}

const initial = { officers: [], recorders: [], accounts: [], loading: false, loaded: false, error: null };

const bySerial = (a: RecorderDto, b: RecorderDto) => a.serial.localeCompare(b.serial);
const byBadge = (a: OfficerDto, b: OfficerDto) => a.badgeNo.localeCompare(b.badgeNo);

export const useDevicesStore = create<DevicesState>()((set, get) => {
  const putRecorder = (r: RecorderDto) => {
    const rest = get().recorders.filter((x) => x.id !== r.id);
    set({ recorders: [...rest, r].sort(bySerial) });
  };
  const putOfficer = (o: OfficerDto) => {
    const rest = get().officers.filter((x) => x.id !== o.id);
    // A renamed officer is also the current user of recorders.
    set({
      officers: [...rest, o].sort(byBadge),
      recorders: get().recorders.map((r) => (r.currentOfficer?.id === o.id ? { ...r, currentOfficer: o } : r)),
    });
  };
  return {
    ...initial,

    async load() {
      set({ loading: true, error: null });
      try {
        const [officers, recorders, accounts] = await Promise.all([api.officers.list(), api.recorders.list(), api.officers.accounts()]);
        set({ officers: [...officers].sort(byBadge), recorders: [...recorders].sort(bySerial), accounts, loaded: true });
      } catch (e) {
        if (!isHandledGlobally(e)) set({ error: errorMessage(e) });
      } finally {
        set({ loading: false });
      }
    },

    async loadOfficers() {
      const officers = [...(await api.officers.list())].sort(byBadge);
      set({ officers });
      return officers;
    },

    async createOfficer(input) {
      const o = await api.officers.create(input);
      putOfficer(o);
      return o;
    },

    async updateOfficer(input) {
      const o = await api.officers.update(input);
      putOfficer(o);
      // A link changes the account's officer (and maybe its badge): read the accounts again.
      if (input.userId !== undefined) set({ accounts: await api.officers.accounts() });
      return o;
    },

    async createRecorder(input) {
      const r = await api.recorders.create(input);
      putRecorder(r);
      return r;
    },

    async updateRecorder(input) {
      const r = await api.recorders.update(input);
      putRecorder(r);
      return r;
    },

    async assign(input) {
      const r = await api.recorders.assign(input);
      putRecorder(r);
      return r;
    },

    history: (recorderId) => api.recorders.history({ recorderId }),

    reset() {
      set(initial);
    },
  };
});

onSignedOut(() => useDevicesStore.getState().reset());
