import { randomBytes } from 'node:crypto';
import type { Clock } from '../common';
import type { Role, UserId } from '../store';

export type SessionId = string & { readonly __brand: 'SessionId' };

/** A logged-in person. Keys live here, in main-process memory only, and die with the session. */
export interface Session {
  id: SessionId;
  userId: UserId;
  login: string;
  displayName: string;
  roles: Role[];
  privateKeyPem: string;
  certPem: string;
  /** Unwrapped office CA key; admins only. */
  caPrivateKeyPem: string | null;
  mustChangePassword: boolean;
  createdAt: Date;
  lastActivity: Date;
}

export type SessionLookup =
  | { state: 'active'; session: Session }
  | { state: 'expired'; session: Session }
  | { state: 'none' };

export class SessionRegistry {
  private readonly sessions = new Map<SessionId, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMinutes: () => number,
  ) {}

  create(s: Omit<Session, 'id' | 'createdAt' | 'lastActivity'>): Session {
    const now = this.clock.now();
    const session: Session = { ...s, id: randomBytes(24).toString('base64url') as SessionId, createdAt: now, lastActivity: now };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Looks a session up and, when still active, counts this as activity. An idle one is ended. */
  touch(id: SessionId | null): SessionLookup {
    if (!id) return { state: 'none' };
    const s = this.sessions.get(id);
    if (!s) return { state: 'none' };
    const now = this.clock.now();
    if (now.getTime() - s.lastActivity.getTime() > this.idleMinutes() * 60_000) {
      this.end(id);
      return { state: 'expired', session: s };
    }
    s.lastActivity = now;
    return { state: 'active', session: s };
  }

  /** Whether a session is logged in and not idle, without counting the look as activity (pushing an event is not). */
  isActive(id: SessionId | null): boolean {
    const s = id ? this.sessions.get(id) : undefined;
    return s !== undefined && this.clock.now().getTime() - s.lastActivity.getTime() <= this.idleMinutes() * 60_000;
  }

  end(id: SessionId): void {
    const s = this.sessions.get(id);
    if (s) {
      // Drop key references promptly; JS cannot wipe strings, but nothing keeps them alive.
      s.privateKeyPem = '';
      s.caPrivateKeyPem = null;
    }
    this.sessions.delete(id);
  }

  endAllFor(userId: UserId): void {
    for (const s of [...this.sessions.values()]) if (s.userId === userId) this.end(s.id);
  }
}
