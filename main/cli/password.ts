import { createInterface } from 'node:readline';
import { UsageError } from './args';
import type { CliEnv } from './env';

/**
 * EVIDENCE_PASSWORD for scheduled jobs; otherwise ask on the terminal without echo. The prompt is the
 * process's own terminal (stdin/stderr) by nature, so it is not part of CliEnv's writers.
 */
export async function readPassword(prompt: string, env: CliEnv): Promise<string> {
  const fromEnv = env.vars.EVIDENCE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('no password: set EVIDENCE_PASSWORD or run in a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let muted = false;
  out._writeToOutput = (s: string) => {
    if (!muted) out.output.write(s);
  };
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
