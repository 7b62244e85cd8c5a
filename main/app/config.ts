import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The shell's own small settings file in userData: where the archive is. */
export interface ShellConfig {
  archiveRoot: string;
}

export function readShellConfig(userData: string): ShellConfig {
  const file = path.join(userData, 'config.json');
  const fallback = { archiveRoot: path.join(userData, 'archive') };
  if (!existsSync(file)) return fallback;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShellConfig>;
    return typeof parsed.archiveRoot === 'string' && parsed.archiveRoot ? { archiveRoot: parsed.archiveRoot } : fallback;
  } catch {
    return fallback;
  }
}

export function writeShellConfig(userData: string, config: ShellConfig): void {
  mkdirSync(userData, { recursive: true });
  const file = path.join(userData, 'config.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2));
  renameSync(`${file}.tmp`, file);
}
