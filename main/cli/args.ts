import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Exit statuses of DESIGN.md §9. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export function requireOption(values: { readonly [name: string]: unknown }, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`missing --${name}`);
  return v;
}

/** An option with a value (--archive DIR) and a switch (--json), as parseArgs describes them. */
export const STRING = { type: 'string' } as const;
export const FLAG = { type: 'boolean', default: false } as const;

/** What every command on an archive takes besides its own options. */
const ARCHIVE_OPTIONS = { archive: STRING, json: FLAG } satisfies OptionsConfig;

/** A command's options with --archive DIR (required, returned as `archive`) and --json. */
export function parseArchiveArgs<const O extends OptionsConfig>(argv: string[], options: O) {
  const { values } = parseArgs({ args: argv, options: { ...ARCHIVE_OPTIONS, ...options } });
  return { archive: requireOption(values, 'archive'), values };
}
