import type { Session } from '../accounts';
import type { Db } from '../store';
import type { AuditDetails } from '../audit';
import type { ApiServices, Client } from './context';
import type { MethodName, MethodOutput, MethodParsedInput, Methods } from './contract';

/** What a handler gets: validated input, the caller, and the services. */
export interface CallContext<M extends MethodName> {
  input: MethodParsedInput<M>;
  /** Non-null for every method whose access is not 'public'. */
  session: Methods[M]['access'] extends 'public' ? Session | null : Session;
  client: Client;
  services: ApiServices;
  now: Date;
  /** The open archive database. */
  db(): Db;
  /** Runs fn in one transaction; audit() calls inside it commit or roll back with the change. */
  tx<T>(fn: () => T): T;
  audit(action: string, target: string | null, details?: AuditDetails): void;
}

export type Handler<M extends MethodName> = (ctx: CallContext<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type HandlerTable = { [M in MethodName]: Handler<M> };
