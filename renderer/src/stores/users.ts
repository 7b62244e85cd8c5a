import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { UserDto } from '../../../main/api/dto';
import { api } from '../api';
import { tracked } from './tracked';
import { onSignedOut } from './session';

interface UsersState {
  users: UserDto[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  create(input: MethodInput<'users.create'>): Promise<UserDto>;
  update(input: MethodInput<'users.update'>): Promise<UserDto>;
  resetPassword(id: number, newPassword: string): Promise<UserDto>;
  reset(): void;
}

const initial = { users: [], loading: false, loaded: false, error: null };

export const useUsersStore = create<UsersState>()((set, get) => {
  const replace = (u: UserDto) => set({ users: get().users.map((x) => (x.id === u.id ? u : x)) });
  return {
    ...initial,

    async load() {
      await tracked(set, { busy: 'loading', error: 'error' }, async () => set({ users: await api.users.list(), loaded: true }));
    },

    async create(input) {
      const user = await api.users.create(input);
      set({ users: [...get().users, user] });
      return user;
    },

    async update(input) {
      const user = await api.users.update(input);
      replace(user);
      return user;
    },

    async resetPassword(id, newPassword) {
      const user = await api.users.resetPassword({ id, newPassword });
      replace(user);
      return user;
    },

    reset() {
      set(initial);
    },
  };
});

onSignedOut(() => useUsersStore.getState().reset());
