import { escapeUnsafe } from '../common';

/**
 * Text output prints names and other stored text that came from outside: a recorder volume's file names,
 * a planted file, a disc. A newline in one would print a line of its own ("OK: no problems found") and a
 * bidi override would reorder one, so every control and bidi character is shown as an escape (`\n`,
 * `\u202e`). A backslash is left alone so Windows paths stay readable. JSON output needs none of this.
 */
export function esc(value: string): string {
  return escapeUnsafe(value);
}

/** A template tag that passes every interpolated value through `esc` and none of the literal text. */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? esc(String(values[i])) : ''), '');
}
