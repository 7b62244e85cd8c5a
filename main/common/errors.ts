/**
 * An error meant for a person: `code` is stable for programs and tests, `userMessage` is Chinese
 * for the UI, `message` is English for logs. Anything else thrown is an internal error.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    logMessage?: string,
  ) {
    super(logMessage ?? code);
    this.name = 'AppError';
  }
}

/**
 * Any error that carries a stable code and a Chinese message for a person (AppError, and the
 * module errors shaped like it: IngestError, MediaError, IsoError) crosses the API as itself.
 */
export function isAppError(e: unknown): e is Error & { code: string; userMessage: string } {
  if (!(e instanceof Error)) return false;
  const x = e as Error & { code?: unknown; userMessage?: unknown };
  return typeof x.code === 'string' && typeof x.userMessage === 'string';
}
