import { create } from 'zustand';
import type { MethodInput } from '../../../main/api/contract';
import type { SessionInfo, SetupStatus } from '../../../main/api/dto';
import { api } from '../api';
import { errorCode, errorMessage } from '../errors';
import { setOfficeTimeZone } from '../time';
import { navigate } from '../router';

/** Where the app is: which whole screen it shows. */
export type Phase = 'loading' | 'unavailable' | 'setup' | 'login' | 'app';

/** Why a session ended without the user logging out. */
export type LostReason = 'idle' | 'disabled' | 'invalid';

const LOST_NOTICES: Record<LostReason, string> = {
  idle: '长时间未操作，已自动退出',
  disabled: '您的账户已被停用或权限已变更，已退出登录',
  invalid: '登录已失效（长时间未操作或账户已变更），请重新登录',
};

interface SessionState {
  phase: Phase;
  setup: SetupStatus | null;
  session: SessionInfo | null;
  /** Shown once on the login page (e.g. after an idle logout). */
  notice: string | null;
  /** Why the workstation service could not be reached at start. */
  unavailableReason: string | null;

  bootstrap(): Promise<void>;
  initialize(input: MethodInput<'setup.initialize'>): Promise<void>;
  chooseArchive(): Promise<void>;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  refresh(): Promise<void>;
  /** The main process ended the session (idle, disabled) or refused a call for lack of one. */
  sessionLost(reason: LostReason): void;
  reloadSetup(): void;
  clearNotice(): void;
}

/** Whose session ended by itself (idle, expired): only he resumes on the page he was on. */
let resumeFor: string | null = null;

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'loading',
  setup: null,
  session: null,
  notice: null,
  unavailableReason: null,

  async bootstrap() {
    set({ phase: 'loading', unavailableReason: null });
    try {
      const setup = await api.setup.status();
      if (setup.needsSetup) {
        set({ setup, phase: 'setup', session: null });
        return;
      }
      const session = await api.session.current();
      set({ setup, session, phase: session ? 'app' : 'login' });
    } catch (e) {
      set({ phase: 'unavailable', unavailableReason: errorMessage(e) });
    }
  },

  async initialize(input) {
    const session = await api.setup.initialize(input);
    const setup = await api.setup.status();
    navigate('dashboard');
    set({ setup, session, phase: 'app', notice: null });
  },

  async chooseArchive() {
    const setup = await api.setup.chooseArchive();
    set({ setup });
  },

  async login(login, password) {
    const session = await api.session.login({ login, password });
    // Each user starts on his own 工作台, never on the page the previous user left (issue 11 item 7); only the
    // same user coming back after his session ended (idle, expired) returns to where he was, if he may open it.
    const section = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
    const resume = resumeFor === session.login && (session.sections as readonly string[]).includes(section);
    resumeFor = null;
    if (!resume) navigate('dashboard');
    set({ session, phase: 'app', notice: null });
  },

  async logout() {
    resumeFor = null;
    try {
      await api.session.logout();
    } catch {
      // Already gone on the other side: the outcome is the same.
    }
    set({ session: null, phase: 'login', notice: null });
    get().reloadSetup();
  },

  async changePassword(oldPassword, newPassword) {
    try {
      await api.session.changePassword({ oldPassword, newPassword });
    } catch (e) {
      // Too many wrong old passwords lock the account and end this session; the message says so.
      if (errorCode(e) === 'AUTH_LOCKED' && get().phase === 'app') {
        set({ session: null, phase: 'login', notice: errorMessage(e) });
        get().reloadSetup();
      }
      throw e;
    }
    await get().refresh();
  },

  async refresh() {
    const session = await api.session.current();
    if (session) set({ session });
    else get().sessionLost('invalid');
  },

  sessionLost(reason) {
    if (get().phase !== 'app') return;
    resumeFor = get().session?.login ?? null;
    set({ session: null, phase: 'login', notice: LOST_NOTICES[reason] });
    get().reloadSetup();
  },

  reloadSetup() {
    // The login page shows the office name, which an admin may have changed meanwhile.
    api.setup.status().then(
      (setup) => set({ setup }),
      () => undefined,
    );
  },

  clearNotice() {
    set({ notice: null });
  },
}));

// Every day and time the UI shows is the office's: the time module learns the zone with each session
// (login, refresh after the settings change). Subscribed here, before any component, so it is set first.
useSessionStore.subscribe((s) => {
  if (s.session) setOfficeTimeZone(s.session.timeZone);
});

/** Runs fn when the signed-in user goes away (logout, idle, switch of user), for per-user stores. */
export function onSignedOut(fn: () => void): void {
  useSessionStore.subscribe((s, prev) => {
    if (prev.session && (!s.session || s.session.login !== prev.session.login)) fn();
  });
}
