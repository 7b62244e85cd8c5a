/** Runs a burn tool, streaming its output lines, killing it on abort. */
import { spawn } from 'node:child_process';
import { discError } from '../../main/common';

export interface ToolRun {
  code: number | null;
  output: string;
}

export function runTool(cmd: string, args: string[], opts: { onLine?: (line: string) => void; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(discError('DISC_ABORTED', `${cmd} aborted before it started`));
    // LANG=C: the messages we map are the English ones.
    const child = spawn(cmd, args, { env: { ...process.env, LANG: 'C', LC_ALL: 'C', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    let partial = '';
    const onData = (b: Buffer): void => {
      const s = b.toString('utf8');
      output += s;
      if (output.length > 1_000_000) output = output.slice(-500_000);
      partial += s;
      const lines = partial.split(/\r\n|\r|\n/);
      partial = lines.pop() ?? '';
      for (const l of lines) opts.onLine?.(l);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const abort = (): void => {
      child.kill();
    };
    opts.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (e) => {
      opts.signal?.removeEventListener('abort', abort);
      reject(discError('DISC_BURNER_UNAVAILABLE', `cannot run ${cmd}: ${e.message}`, { cause: e, userMessage: `无法运行刻录程序 ${cmd}，请确认已安装` }));
    });
    child.on('close', (code) => {
      opts.signal?.removeEventListener('abort', abort);
      if (partial) opts.onLine?.(partial);
      if (opts.signal?.aborted) reject(discError('DISC_ABORTED', `${cmd} was stopped`, { userMessage: '已取消刻录，这张光盘可能已不能使用' }));
      else resolve({ code, output });
    });
  });
}
