import type { MethodName } from '../../../main/api/contract';
import { useSessionStore } from '../stores/session';

/** Whether the session may call `method`: the server lists the methods (SessionInfo.methods); the UI never re-derives them from roles. */
export function useCan(method: MethodName): boolean {
  return useSessionStore((s) => s.session?.methods.includes(method) ?? false);
}
