import { useEffect } from 'react';
import { api, onApiFailure } from '../api';
import { useSessionStore } from '../stores/session';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'mousemove', 'touchstart'] as const;

/**
 * Keeps the screen honest about the session:
 * - a call refused with SESSION_EXPIRED / NOT_LOGGED_IN, or a pushed `session.ended`, returns to
 *   the login page with a notice;
 * - PASSWORD_CHANGE_REQUIRED reloads the session so the forced change form appears;
 * - when the person has not touched the app for the idle time, ask the main process once, so
 *   the login page appears even if no call is made (the main process decides, not us).
 */
export function useSessionWatch(): void {
  useEffect(() => {
    const { sessionLost, refresh } = useSessionStore.getState();
    const offFailure = onApiFailure((code) => {
      if (code === 'SESSION_EXPIRED') sessionLost('idle');
      else if (code === 'NOT_LOGGED_IN') sessionLost('invalid');
      else if (code === 'PASSWORD_CHANGE_REQUIRED') void refresh().catch(() => undefined);
    });
    const offEnded = api.on('session.ended', (payload) => sessionLost(payload.reason === 'disabled' ? 'disabled' : 'idle'));

    let lastActivity = Date.now();
    let checking = false;
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const { phase, session } = useSessionStore.getState();
      if (phase !== 'app' || !session || checking) return;
      if (Date.now() - lastActivity < session.idleMinutes * 60_000 + 5_000) return;
      checking = true;
      api.session
        .current()
        .then((s) => {
          if (!s) sessionLost('idle');
        })
        .catch(() => undefined)
        .finally(() => {
          checking = false;
          lastActivity = Date.now();
        });
    }, 15_000);

    return () => {
      offFailure();
      offEnded();
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity);
      window.clearInterval(timer);
    };
  }, []);
}
