import { create } from 'zustand';
import { onSignedOut } from './session';

/** Which media the player shows (over whichever page opened it); a recording plays from this item. */
interface PlayerState {
  mediaId: number | null;
  /** Bumped after changes made in the player (category, bookmarks, cases) so lists reload. */
  revision: number;
  open(mediaId: number): void;
  close(): void;
  changed(): void;
}

export const usePlayerStore = create<PlayerState>()((set) => ({
  mediaId: null,
  revision: 0,
  open: (mediaId) => set({ mediaId }),
  close: () => set({ mediaId: null }),
  changed: () => set((s) => ({ revision: s.revision + 1 })),
}));

onSignedOut(() => usePlayerStore.setState({ mediaId: null }));
