import { AppError } from '../common';
import { EXIT_USAGE, UsageError } from './args';
import { ingestCommand, ingestUsage } from './commands/ingest';
import { initCommand, initUsage } from './commands/init';
import { verifyCommand, verifyUsage } from './commands/verify';
import { discVerifyCommand, discVerifyUsage } from './commands/disc-verify';
import { registerCommand, registerUsage } from './commands/register';
import { restoreCommand, restoreUsage } from './commands/restore';
import { supervisionCommand, supervisionUsage } from './commands/supervision';
import { println, processEnv, type CliEnv } from './env';
import { text } from './escape';

const COMMANDS: Record<string, { run: (argv: string[], env: CliEnv) => Promise<number>; usage: string }> = {
  init: { run: initCommand, usage: initUsage },
  ingest: { run: ingestCommand, usage: ingestUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
  'disc-verify': { run: discVerifyCommand, usage: discVerifyUsage },
  register: { run: registerCommand, usage: registerUsage },
  restore: { run: restoreCommand, usage: restoreUsage },
  supervision: { run: supervisionCommand, usage: supervisionUsage },
};

function usage(): string {
  return ['usage: npm run evidence -- <command> [options]', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

/**
 * Runs one command. Exit 0: all good; 1: problems found (named in the output); 2: usage or operating error.
 * What `env` leaves out is the real process's (system clock, process streams and environment).
 */
export async function runCli(argv: string[], env: Partial<CliEnv> = {}): Promise<number> {
  const e: CliEnv = { ...processEnv(), ...env };
  const [name, ...rest] = argv;
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    println(e.stderr, usage());
    return EXIT_USAGE;
  }
  try {
    return await cmd.run(rest, e);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      println(e.stderr, text`error: ${err.message}\nusage: npm run evidence -- ${cmd.usage}`);
    } else if (err instanceof AppError) {
      println(e.stderr, text`error: ${err.code}: ${err.userMessage}`);
    } else {
      println(e.stderr, text`error: ${err instanceof Error ? err.message : String(err)}`);
    }
    return EXIT_USAGE;
  }
}
