import { ApiError } from './api';

/** The Chinese message to show for a failed call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null;
}

/** Codes meaning the session is gone; the app returns to the login page on its own. */
export const SESSION_LOST_CODES = new Set(['SESSION_EXPIRED', 'NOT_LOGGED_IN']);

/** True when the failure is handled globally and the page should not show it again. */
export function isHandledGlobally(e: unknown): boolean {
  const code = errorCode(e);
  return code !== null && (SESSION_LOST_CODES.has(code) || code === 'PASSWORD_CHANGE_REQUIRED');
}
