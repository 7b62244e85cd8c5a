import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, isHandledGlobally } from '../errors';

/**
 * The busy flag and the error every form, modal and action shows while it works. `doing` names the action
 * in progress when one screen has several (run(work, 'burn')). Errors are kept for an inline alert, or with
 * `toast` shown as a message; failures the app handles itself (session gone) are shown neither way.
 */
export function useSubmit<K extends string = 'submit'>(opts: { toast?: boolean } = {}) {
  const { message } = App.useApp();
  const toast = opts.toast ?? false;
  const [doing, setDoing] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Shows a failure as run() would: for work that does not hold the busy flag (loading a list). */
  const report = useCallback(
    (e: unknown) => {
      if (isHandledGlobally(e)) return;
      if (toast) void message.error(errorMessage(e));
      else setError(errorMessage(e));
    },
    [message, toast],
  );
  const run = useCallback(
    async (work: () => Promise<void>, what?: K) => {
      setDoing(what ?? ('submit' as K));
      setError(null);
      try {
        await work();
      } catch (e) {
        report(e);
      } finally {
        setDoing(null);
      }
    },
    [report],
  );
  return { busy: doing !== null, doing, setDoing, error, setError, run, report };
}
