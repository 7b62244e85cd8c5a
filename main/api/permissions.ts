import type { Role } from '../common';
import { methodNames, methods, type MethodName } from './contract';

/**
 * The methods a user holding `roles` may call, read from the contract's access column: what the session tells
 * the renderer it may show and call. The dispatcher checks the same column on every call.
 */
export function methodsFor(roles: readonly Role[]): MethodName[] {
  return methodNames.filter((m) => {
    const access = methods[m].access;
    return access === 'public' || access === 'any' || access.some((r) => roles.includes(r));
  });
}
