// The project's font map for everything in tests and tools that renders a DOCX or a page (LibreOffice,
// Chromium): the fonts the forms name, mapped to metric-compatible installed fonts, so the same lines and
// pages come out on every machine. See resources/fonts/fonts.conf.
import { fileURLToPath } from 'node:url';

export const FONTCONFIG_FILE = fileURLToPath(new URL('../../resources/fonts/fonts.conf', import.meta.url));

/** `env` plus FONTCONFIG_FILE pointing at the project's font map, for a child process that renders. */
export function withProjectFonts(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, FONTCONFIG_FILE };
}
