import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { AccessPageDto, AccessPolicyDto, AccessRequestDto, UserRefDto } from '../../../main/api/dto';
import { api } from '../api';
import { tracked } from './tracked';
import { onSignedOut } from './session';

/** 查阅审批: the caller's requests, what they may decide, and the office's access policy. */
interface AccessState {
  policy: AccessPolicyDto | null;
  mine: AccessPageDto | null;
  toDecide: AccessPageDto | null;
  people: UserRefDto[];
  loading: boolean;
  error: string | null;

  loadPolicy(): Promise<void>;
  loadMine(): Promise<void>;
  loadToDecide(): Promise<void>;
  loadPeople(): Promise<void>;
  request(input: MethodInput<'access.request'>): Promise<AccessRequestDto>;
  decide(input: MethodInput<'access.decide'>): Promise<AccessRequestDto>;
  revoke(id: number, reason?: string): Promise<void>;
  reset(): void;
}

const initial = () => ({ policy: null, mine: null, toDecide: null, people: [], loading: false, error: null });

export const useAccessStore = create<AccessState>()((set, get) => {
  const load = (fn: () => Promise<void>) => tracked(set, { busy: 'loading', error: 'error' }, fn);
  const refreshLists = async () => {
    await Promise.all([get().mine ? get().loadMine() : null, get().toDecide ? get().loadToDecide() : null]);
  };
  return {
    ...initial(),
    loadPolicy: () => load(async () => set({ policy: await api.access.policy() })),
    loadMine: () => load(async () => set({ mine: await api.access.list({ box: 'mine', limit: 200 }) })),
    loadToDecide: () => load(async () => set({ toDecide: await api.access.list({ box: 'toDecide', limit: 200 }) })),
    loadPeople: () => load(async () => set({ people: await api.access.people() })),
    async request(input) {
      const r = await api.access.request(input);
      await refreshLists();
      return r;
    },
    async decide(input) {
      const r = await api.access.decide(input);
      await refreshLists();
      return r;
    },
    async revoke(id, reason) {
      await api.access.revoke(reason ? { id, reason } : { id });
      await refreshLists();
    },
    reset: () => set(initial()),
  };
});

onSignedOut(() => useAccessStore.getState().reset());
