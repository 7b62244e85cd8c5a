/**
 * The one error meant for a person: `code` is stable for programs and tests, `userMessage` is Chinese
 * for the UI, `message` is English for logs. Domains make theirs with `errorFamily` (their codes and
 * default Chinese messages); anything else thrown is an internal error.
 */
export class AppError<C extends string = string> extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: C,
    readonly userMessage: string,
    logMessage?: string,
    options?: { cause?: unknown },
  ) {
    super(logMessage ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A family of codes with their default Chinese messages: `make` builds its AppErrors, `is` recognises them. */
export interface ErrorFamily<C extends string> {
  make(code: C, logMessage: string, options?: { cause?: unknown; userMessage?: string }): AppError<C>;
  is(e: unknown): e is AppError<C>;
}

export function errorFamily<C extends string>(userMessages: Record<C, string>): ErrorFamily<C> {
  const codes = new Set<string>(Object.keys(userMessages));
  return {
    make: (code, logMessage, options) => new AppError(code, options?.userMessage ?? userMessages[code], logMessage, options),
    is: (e): e is AppError<C> => e instanceof AppError && codes.has(e.code),
  };
}

/** The errno code (`ENOENT`, …) of a Node system error, if it has one. */
export function errnoOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Awaits a file operation: true when it ran, false when its file was not there (ENOENT); other errors go on. */
export async function unlessMissing(op: Promise<unknown>): Promise<boolean> {
  try {
    await op;
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return false;
    throw e;
  }
}
