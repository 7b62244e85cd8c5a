import { createServices, dispatch, type ApiServices, type Client, type HostCapabilities, type MethodName, type MethodOutput } from '../api';
import { AppError } from '../common';
import { createConsoleLogger } from '../log';
import { println, type CliEnv } from './env';
import { readPassword } from './password';

/** A CLI run is one API client: it logs in like anyone else and gets the same refusals. */
export class CliSession {
  readonly services: ApiServices;
  private readonly client: Client = { id: 'cli', sessionId: null };

  /** `emit` receives the API's push events (ingest progress), as a window would. */
  constructor(archiveRoot: string, env: CliEnv, opts: { emit?: HostCapabilities['emit'] } = {}) {
    const host: HostCapabilities = { kind: 'cli' };
    if (opts.emit) host.emit = opts.emit;
    const log = createConsoleLogger(env.vars.EVIDENCE_LOG_LEVEL === 'debug' ? 'debug' : 'warn', (line) => println(env.stderr, line));
    this.services = createServices({ log, ...env.services, archiveRoot, host, clock: env.clock });
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    const r = await dispatch(this.services, this.client, method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, `${method}: ${r.error.code}`);
    return r.value as MethodOutput<M>;
  }

  close(): void {
    this.services.archive.close();
  }
}

/** How `asUser` starts the session: `session.login` with his password, or a method that logs him in itself. */
export interface LogIn {
  /** The terminal's prompt (default `password for LOGIN: `). */
  prompt?: string;
  /** The method fn calls logs him in with this password (`backup.restore`, `backup.rebuild`): no `session.login` first. */
  byFn?: boolean;
}

/**
 * Runs fn through the API as that user (his password from EVIDENCE_PASSWORD or the terminal, also given to fn), then
 * logs out and closes.
 */
export async function asUser<T>(archive: string, login: string, env: CliEnv, fn: (cli: CliSession, password: string) => Promise<T>, how: LogIn = {}): Promise<T> {
  const cli = new CliSession(archive, env);
  try {
    const password = await readPassword(how.prompt ?? `password for ${login}: `, env);
    if (!how.byFn) await cli.call('session.login', { login, password });
    const result = await fn(cli, password);
    await cli.call('session.logout', {});
    return result;
  } finally {
    cli.close();
  }
}
