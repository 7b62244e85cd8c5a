import type { ServicesArgs } from '../api';
import { systemClock, type Clock } from '../common';

/** Where a command's text goes: process.stdout / process.stderr, or a test's buffer. */
export interface Writer {
  write(text: string): unknown;
}

/** Options handed to createServices as they are; the archive, host, log and clock are the CLI's own. */
export type CliServiceOptions = Partial<Omit<ServicesArgs, 'archiveRoot' | 'host' | 'clock'>>;

/**
 * What a CLI run takes from its surroundings. `main/cli/index.ts` passes the real ones; tests run
 * commands in-process with a pinned clock and their own writers.
 */
export interface CliEnv {
  clock: Clock;
  stdout: Writer;
  stderr: Writer;
  /** Environment variables the CLI reads (EVIDENCE_PASSWORD, EVIDENCE_LOG_LEVEL). */
  vars: Readonly<Record<string, string | undefined>>;
  services: CliServiceOptions;
}

/** The real process: system clock, process streams and environment. */
export function processEnv(): CliEnv {
  return { clock: systemClock, stdout: process.stdout, stderr: process.stderr, vars: process.env, services: {} };
}

/** Writes one line. */
export function println(w: Writer, line: string): void {
  w.write(`${line}\n`);
}
