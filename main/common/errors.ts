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

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
