/**
 * Name rules of the two directory trees.
 * Primary (ISO 9660): 8.3 upper-case d-characters, unique per directory, so any reader can list it.
 * Joliet: the real names in UCS-2, up to 103 characters (mkisofs -joliet-long), unique per directory.
 */
import { fitName, neutralName, utf16Units, WINDOWS_FORBIDDEN } from '../../common';

export interface NamedEntry {
  name: string;
  isDir: boolean;
}

export const ISO_BASE_MAX = 8;
export const ISO_EXT_MAX = 3;
export const JOLIET_NAME_MAX = 103;

/** Upper-case ASCII letters and digits stay, everything else becomes '_' (one per code point). */
export function toDChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) out += ch;
    else if (c >= 0x61 && c <= 0x7a) out += String.fromCharCode(c - 0x20);
    else out += '_';
  }
  return out;
}

interface IsoParts {
  base: string;
  ext: string;
}

function isoParts(e: NamedEntry): IsoParts {
  if (e.isDir) return { base: toDChars(e.name).slice(0, ISO_BASE_MAX) || '_', ext: '' };
  const dot = e.name.lastIndexOf('.');
  const rawBase = dot >= 0 ? e.name.slice(0, dot) : e.name;
  const rawExt = dot >= 0 ? e.name.slice(dot + 1) : '';
  return {
    base: toDChars(rawBase).slice(0, ISO_BASE_MAX) || '_',
    ext: toDChars(rawExt).slice(0, ISO_EXT_MAX),
  };
}

/** Readers drop ';1' and a bare trailing '.', so 'ABC.' (file) and 'ABC' (folder) must not both exist. */
function isoKey(p: IsoParts): string {
  return p.ext ? `${p.base}.${p.ext}` : p.base;
}

/** The identifier without version: 'BASE.EXT' or 'BASE.' for files (the dot is mandatory), 'NAME' for folders. */
function isoIdentifier(p: IsoParts, isDir: boolean): string {
  return isDir ? p.base : `${p.base}.${p.ext}`;
}

/**
 * Unique 8.3 identifiers for the entries of one directory, in the given (deterministic) order.
 * Natural names are kept first; colliding ones get a decimal counter at the end of the base.
 */
export function assignIsoNames(entries: readonly NamedEntry[]): string[] {
  const parts = entries.map(isoParts);
  const taken = new Set<string>();
  const result: (string | undefined)[] = parts.map((p, i) => {
    const key = isoKey(p);
    if (taken.has(key)) return undefined;
    taken.add(key);
    return isoIdentifier(p, entries[i]!.isDir);
  });
  let counter = 1;
  return result.map((name, i) => {
    if (name !== undefined) return name;
    const p = parts[i]!;
    for (;;) {
      const digits = String(counter++);
      const candidate = { base: p.base.slice(0, ISO_BASE_MAX - digits.length) + digits, ext: p.ext };
      const key = isoKey(candidate);
      if (!taken.has(key)) {
        taken.add(key);
        return isoIdentifier(candidate, entries[i]!.isDir);
      }
    }
  });
}

/** ECMA-119 9.3 order: base then extension, each compared as if padded with spaces. */
export function compareIsoIds(a: string, b: string): number {
  const [ab = '', ae = ''] = a.split('.');
  const [bb = '', be = ''] = b.split('.');
  return comparePadded(ab, bb) || comparePadded(ae, be);
}

function comparePadded(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a.charCodeAt(i) : 0x20;
    const y = i < b.length ? b.charCodeAt(i) : 0x20;
    if (x !== y) return x - y;
  }
  return 0;
}

/** UTF-16 code unit order, which is the byte order of the UCS-2 big-endian identifiers. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Joliet forbids control characters and `*`, `/`, `:`, `;`, `?`, `\`; Windows also refuses its own set and device names
 * (`CON.MP4`), and bidi controls would disguise a name. '%' goes too: a BagIt manifest would have to
 * percent-encode it, which `sha256sum -c` does not decode. Each becomes '_'.
 */
export function jolietSafe(name: string): string {
  return neutralName(name, `${WINDOWS_FORBIDDEN};%`);
}

/**
 * Unique Joliet names (without ';1') for the entries of one directory; real names are kept whenever they fit.
 * Unique ignoring case, as Windows and macOS read them: otherwise one of two names would hide the other.
 */
export function assignJolietNames(entries: readonly NamedEntry[]): string[] {
  const safe = entries.map((e) => jolietSafe(e.name));
  const fit = (i: number, suffix: string): string => fitName(safe[i]!, JOLIET_NAME_MAX, utf16Units, suffix, !entries[i]!.isDir);
  const taken = new Set<string>();
  const claim = (name: string): boolean => {
    const key = name.toLowerCase();
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  const result = safe.map((_, i) => {
    const n = fit(i, '');
    return claim(n) ? n : undefined;
  });
  let counter = 1;
  return result.map((name, i) => {
    if (name !== undefined) return name;
    for (;;) {
      const candidate = fit(i, `~${counter++}`);
      if (claim(candidate)) return candidate;
    }
  });
}
