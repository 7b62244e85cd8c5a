import type { EvidenceApi, MethodName, Transport } from '../main/api/contract';

/** A refused call, with the stable code and the Chinese message from the main process. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The typed `EvidenceApi` over any transport. Built as a proxy so no method is wired by hand:
 * `api.users.create(x)` becomes `invoke('users.create', x)`, and the main process checks the name
 * against the contract.
 */
export function buildClient(transport: Transport): EvidenceApi {
  const namespaces = new Map<string, object>();
  const on = (event: string, listener: (payload: unknown) => void) =>
    transport.subscribe((e, payload) => {
      if (e === event) listener(payload);
    });
  return new Proxy({} as EvidenceApi, {
    get(_target, ns) {
      if (ns === 'on') return on;
      if (typeof ns !== 'string' || ns === 'then') return undefined;
      let fns = namespaces.get(ns);
      if (!fns) {
        fns = new Proxy(
          {},
          {
            get(_t, fn) {
              if (typeof fn !== 'string' || fn === 'then') return undefined;
              return async (input?: unknown) => {
                const r = await transport.invoke(`${ns}.${fn}` as MethodName, input ?? {});
                if (!r.ok) throw new ApiError(r.error.code, r.error.message);
                return r.value;
              };
            },
          },
        );
        namespaces.set(ns, fns);
      }
      return fns;
    },
  });
}
