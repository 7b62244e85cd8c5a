export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './server';
export { assertLoopbackHost } from './loopback';
export { RENDERER_CSP, SECURITY_HEADERS } from './csp';
