import { isIP } from 'node:net';

/** The browser host is a test and development door: it must never listen beyond this machine. */
export function assertLoopbackHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (h === 'localhost') return '127.0.0.1';
  if (h === '::1' || h === '[::1]') return '::1';
  if (isIP(h) === 4 && h.startsWith('127.')) return h;
  throw new Error(`refusing to bind the browser host to non-loopback address "${host}"`);
}
