import { errorMessage, isHandledGlobally } from '../errors';

/**
 * Runs a store action under its own busy flag and error field: the flag is up while it runs; the error is cleared
 * first and holds the Chinese message when it fails, unless the app handles the failure itself (a lapsed session).
 */
export async function tracked<S>(
  set: (partial: Partial<S>) => void,
  fields: { busy: keyof S; error: keyof S },
  action: () => Promise<void>,
): Promise<void> {
  const update = (key: keyof S, value: unknown) => set({ [key]: value } as Partial<S>);
  set({ [fields.busy]: true, [fields.error]: null } as Partial<S>);
  try {
    await action();
  } catch (e) {
    if (!isHandledGlobally(e)) update(fields.error, errorMessage(e));
  } finally {
    update(fields.busy, false);
  }
}
