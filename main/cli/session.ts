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

/** Runs fn through the API as that user (his password from EVIDENCE_PASSWORD or the terminal), then logs out and closes. */
export async function asUser<T>(archive: string, login: string, env: CliEnv, fn: (cli: CliSession) => Promise<T>): Promise<T> {
  const cli = new CliSession(archive, env);
  try {
    await cli.call('session.login', { login, password: await readPassword(`password for ${login}: `, env) });
    const result = await fn(cli);
    await cli.call('session.logout', {});
    return result;
  } finally {
    cli.close();
  }
}
