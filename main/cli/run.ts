import { EXIT_USAGE, UsageError } from './args';
import { ingestCommand, ingestUsage } from './commands/ingest';
import { initCommand, initUsage } from './commands/init';
import { verifyCommand, verifyUsage } from './commands/verify';
import { discVerifyCommand, discVerifyUsage } from './commands/disc-verify';
import { registerCommand, registerUsage } from './commands/register';
import { text } from './escape';
import { CliApiError } from './session';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  init: { run: initCommand, usage: initUsage },
  ingest: { run: ingestCommand, usage: ingestUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
  'disc-verify': { run: discVerifyCommand, usage: discVerifyUsage },
  register: { run: registerCommand, usage: registerUsage },
};

function usage(): string {
  return ['usage: npm run evidence -- <command> [options]', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

/** Exit 0: all good; 1: problems found (named in the output); 2: usage or operating error. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    console.error(usage());
    return EXIT_USAGE;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(text`error: ${e.message}\nusage: npm run evidence -- ${cmd.usage}`);
    } else if (e instanceof CliApiError) {
      console.error(text`error: ${e.code}: ${e.userMessage}`);
    } else {
      console.error(text`error: ${e instanceof Error ? e.message : String(e)}`);
    }
    return EXIT_USAGE;
  }
}
