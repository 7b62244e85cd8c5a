import { create } from 'zustand';
import { onSignedOut } from './session';

/** Which recording 多机位同步 is open for (over the page that opened the player). */
interface MulticamState {
  recordingId: number | null;
  open(recordingId: number): void;
  close(): void;
}

export const useMulticamStore = create<MulticamState>()((set) => ({
  recordingId: null,
  open: (recordingId) => set({ recordingId }),
  close: () => set({ recordingId: null }),
}));

onSignedOut(() => useMulticamStore.setState({ recordingId: null }));
