import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { AccountRefDto, IncidentDto, KeeperViewDto, OfficerDto, RecorderDto, RepairDto } from '../../../main/api/dto';
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
  /** The keeper designated for the devices (art. 7); null until loaded. */
  keeper: KeeperViewDto | null;
  loadKeeper(): Promise<void>;
  designateKeeper(input: MethodInput<'devices.designateKeeper'>): Promise<void>;
  /** Repairs and incidents change a recorder's status and wearer: the register is read again after each. */
  sendRepair(input: MethodInput<'devices.sendRepair'>): Promise<RepairDto>;
  returnRepair(input: MethodInput<'devices.returnRepair'>): Promise<RepairDto>;
  reportIncident(input: MethodInput<'devices.reportIncident'>): Promise<IncidentDto>;
  /** Bumped by every care record, so open lists reload. */
  careVersion: number;
  touched(): void;
  reset(): void;
}

const initial = { officers: [], recorders: [], accounts: [], keeper: null, careVersion: 0, loading: false, loaded: false, error: null };

const bySerial = (a: RecorderDto, b: RecorderDto) => a.serial.localeCompare(b.serial);
const byBadge = (a: OfficerDto, b: OfficerDto) => a.badgeNo.localeCompare(b.badgeNo);

/** An action that calls the API, then brings the store up to date with what came back, and returns it. */
const updating =
  <I, R>(call: (input: I) => Promise<R>, update: (result: R) => unknown) =>
  async (input: I): Promise<R> => {
    const result = await call(input);
    await update(result);
    return result;
  };

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
  const afterCare = async () => {
    set({ recorders: [...(await api.recorders.list())].sort(bySerial), careVersion: get().careVersion + 1 });
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

    createOfficer: updating(api.officers.create, putOfficer),

    async updateOfficer(input) {
      const o = await api.officers.update(input);
      putOfficer(o);
      // A link changes the account's officer (and maybe its badge): read the accounts again.
      if (input.userId !== undefined) set({ accounts: await api.officers.accounts() });
      return o;
    },

    createRecorder: updating(api.recorders.create, putRecorder),
    updateRecorder: updating(api.recorders.update, putRecorder),
    assign: updating(api.recorders.assign, putRecorder),

    async loadKeeper() {
      set({ keeper: await api.devices.keeper() });
    },

    async designateKeeper(input) {
      set({ keeper: await api.devices.designateKeeper(input) });
    },

    sendRepair: updating(api.devices.sendRepair, afterCare),
    returnRepair: updating(api.devices.returnRepair, afterCare),
    reportIncident: updating(api.devices.reportIncident, afterCare),

    touched() {
      set({ careVersion: get().careVersion + 1 });
    },

    reset() {
      set(initial);
    },
  };
});

onSignedOut(() => useDevicesStore.getState().reset());
