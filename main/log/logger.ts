import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Field names whose values never reach a log file. */
const SECRET_KEYS = /pass(word)?|secret|token|private|key|pem|signature/i;

export function redact(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_KEYS.test(k)) out[k] = '[redacted]';
    else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) out[k] = redact(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

export interface FileLoggerOptions {
  dir: string;
  file?: string;
  maxBytes?: number;
  keep?: number;
  alsoConsole?: boolean;
}

/**
 * One JSON line per event, English only, secrets redacted. Rotates by size:
 * evidence.log → evidence.1.log → … → evidence.<keep>.log. Sync writes: log lines must survive a crash.
 */
export function createFileLogger(opts: FileLoggerOptions): Logger {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const keep = opts.keep ?? 5;
  const base = opts.file ?? 'evidence.log';
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  const file = path.join(opts.dir, base);
  mkdirSync(opts.dir, { recursive: true });

  const rotate = () => {
    const numbered = (i: number) => path.join(opts.dir, `${stem}.${i}${ext}`);
    rmSync(numbered(keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(numbered(i))) renameSync(numbered(i), numbered(i + 1));
    renameSync(file, numbered(1));
  };

  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    // Log lines carry the machine's real UTC time on purpose, not the injectable clock: a log says when it was written.
    const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...redact(fields) }) + '\n';
    try {
      if (existsSync(file) && statSync(file).size + line.length > maxBytes) rotate();
      appendFileSync(file, line);
    } catch {
      // A log that cannot be written must not take the program down with it.
    }
    if (opts.alsoConsole) (level === 'error' || level === 'warn' ? console.error : console.log)(line.trimEnd());
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** One JSON line per entry to `out` (stderr by default). */
export function createConsoleLogger(minLevel: LogLevel = 'info', out: (line: string) => void = (line) => console.error(line)): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    // Real UTC time on purpose, as in the file logger.
    out(JSON.stringify({ t: new Date().toISOString(), level, msg, ...redact(fields) }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
