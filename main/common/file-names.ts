/**
 * Names that come from outside (a recorder volume, a file planted in the archive) are hostile until made
 * safe: they must not break a line of a manifest or of printed output, reorder how text is shown, or be a
 * name some OS refuses. Pure, shared by the archive layout and the disc's Joliet names.
 */

/** C0 and C1 control characters, DEL, and the bidi marks, embeddings, overrides and isolates that reorder shown text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'gu');

/** Characters Windows refuses in a name, and '/'. */
export const WINDOWS_FORBIDDEN = '<>:"/\\|?*';

/** Device names Windows reserves whatever the extension and case (`CON.MP4` is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Longest extension kept when a name is cut, so the file still opens with the right program. */
const EXT_MAX = 16;

export function hasUnsafeChar(s: string): boolean {
  return UNSAFE_CHAR.test(s);
}

/** Each unsafe character as a visible escape (`\n`, `\u202e`), for text output. */
export function escapeUnsafe(s: string): string {
  return s.replace(UNSAFE_CHARS, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * One name that is safe everywhere and still readable (Chinese kept): unsafe and `forbidden` characters
 * become '_', leading white space and trailing dots and white space go (Windows drops them), and a Windows
 * device name gets a leading '_'. Never empty.
 */
export function neutralName(name: string, forbidden: string = WINDOWS_FORBIDDEN): string {
  let out = '';
  for (const ch of name.normalize('NFC')) out += UNSAFE_CHAR.test(ch) || forbidden.includes(ch) ? '_' : ch;
  out = out.replace(/^\s+/u, '').replace(/[.\s]+$/u, '');
  const base = out.split('.')[0]!.trimEnd();
  if (WINDOWS_DEVICE.test(base)) out = `_${out}`;
  return out || '_';
}

export type NameMeasure = (s: string) => number;
export const utf8Bytes: NameMeasure = (s) => Buffer.byteLength(s, 'utf8');
export const utf16Units: NameMeasure = (s) => s.length;

/** `[base, ext]`, ext with its dot; '' when there is none or it is too long to be one. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > EXT_MAX) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * `base + suffix + ext` within `max` (as `measure` counts): the base is cut on a code point boundary when
 * needed, so a collision suffix such as `~2` always fits and the extension stays last.
 */
export function fitName(name: string, max: number, measure: NameMeasure, suffix = '', keepExt = true): string {
  const [base, ext] = keepExt ? splitExtension(name) : [name, ''];
  let room = max - measure(ext) - measure(suffix);
  let cut = '';
  for (const ch of base) {
    room -= measure(ch);
    if (room < 0) break;
    cut += ch;
  }
  // A cut may end on a dot or space, which Windows would drop.
  return `${cut}${suffix}${ext}`.replace(/[.\s]+$/u, '') || '_';
}
