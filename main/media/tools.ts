import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mediaError } from './errors';
import type { ExecutablePath } from './types';

export type ToolSource = 'env' | 'bundled' | 'path';

export interface LocatedTools {
  ffmpeg: ExecutablePath | null;
  ffprobe: ExecutablePath | null;
  source: { ffmpeg: ToolSource | null; ffprobe: ToolSource | null };
  /** Non-fatal findings, e.g. EVIDENCE_FFPROBE points at a missing file. English, for the log. */
  warnings: string[];
}

/** Seams for tests; production uses the real file system and module loader. */
export interface LocateDeps {
  platform?: NodeJS.Platform;
  isExecutable?: (file: string) => boolean;
  /** Returns the npm package's binary path, or null when the package is absent. */
  bundledPath?: (tool: 'ffmpeg' | 'ffprobe') => string | null;
}

type Tool = 'ffmpeg' | 'ffprobe';

const ENV_NAME: Record<Tool, string> = { ffmpeg: 'EVIDENCE_FFMPEG', ffprobe: 'EVIDENCE_FFPROBE' };

function defaultIsExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no exec bit; existence is all we can check.
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const require = createRequire(import.meta.url);

/** ffmpeg-static exports the path string; ffprobe-static exports { path }. Either may be missing (optional deps). */
function defaultBundledPath(tool: Tool): string | null {
  try {
    const mod: unknown = require(tool === 'ffmpeg' ? 'ffmpeg-static' : 'ffprobe-static');
    if (typeof mod === 'string') return mod;
    if (mod && typeof mod === 'object' && 'path' in mod && typeof mod.path === 'string') return mod.path;
    if (mod && typeof mod === 'object' && 'default' in mod && typeof mod.default === 'string') return mod.default;
    return null;
  } catch {
    return null;
  }
}

/** In a packaged app the binaries are unpacked next to app.asar (a file inside an asar archive cannot be executed). */
export function unpackedAsarPath(p: string): string {
  return p.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/** Searches PATH the way a shell would; on Windows each PATHEXT suffix is tried. */
export function searchPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  isExecutable: (file: string) => boolean,
): string | null {
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  // Windows env names are case-insensitive; process.env handles that, plain objects in tests do not.
  const pathVar = env.PATH ?? env.Path ?? env.path ?? '';
  const exts = win
    ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
    : [''];
  for (const dir of pathVar.split(win ? ';' : ':')) {
    if (!dir) continue;
    const cleanDir = win ? dir.replace(/^"(.*)"$/, '$1') : dir;
    for (const ext of exts) {
      const candidate = p.join(cleanDir, name + ext.toLowerCase());
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function locateOne(
  tool: Tool,
  env: NodeJS.ProcessEnv,
  deps: Required<LocateDeps>,
  warnings: string[],
): { path: ExecutablePath; source: ToolSource } | null {
  const fromEnv = env[ENV_NAME[tool]];
  if (fromEnv) {
    if (deps.isExecutable(fromEnv)) return { path: fromEnv as ExecutablePath, source: 'env' };
    warnings.push(`${ENV_NAME[tool]}=${fromEnv} is not an executable file; falling back`);
  }
  const bundled = deps.bundledPath(tool);
  if (bundled) {
    const unpacked = unpackedAsarPath(bundled);
    if (deps.isExecutable(unpacked)) return { path: unpacked as ExecutablePath, source: 'bundled' };
  }
  const onPath = searchPath(tool, env, deps.platform, deps.isExecutable);
  if (onPath) return { path: onPath as ExecutablePath, source: 'path' };
  return null;
}

/** Finds ffmpeg and ffprobe: EVIDENCE_FFMPEG/EVIDENCE_FFPROBE → npm-bundled → PATH. Never throws. */
export function locateTools(env: NodeJS.ProcessEnv = process.env, deps: LocateDeps = {}): LocatedTools {
  const full: Required<LocateDeps> = {
    platform: deps.platform ?? process.platform,
    isExecutable: deps.isExecutable ?? defaultIsExecutable,
    bundledPath: deps.bundledPath ?? defaultBundledPath,
  };
  const warnings: string[] = [];
  const ffmpeg = locateOne('ffmpeg', env, full, warnings);
  const ffprobe = locateOne('ffprobe', env, full, warnings);
  return {
    ffmpeg: ffmpeg?.path ?? null,
    ffprobe: ffprobe?.path ?? null,
    source: { ffmpeg: ffmpeg?.source ?? null, ffprobe: ffprobe?.source ?? null },
    warnings,
  };
}

/** The located binary, or an AppError carrying a Chinese message for the UI. */
export function requireTool(tool: Tool, located: LocatedTools = locateTools()): ExecutablePath {
  const found = located[tool];
  if (found) return found;
  throw mediaError(
    tool === 'ffmpeg' ? 'FFMPEG_NOT_FOUND' : 'FFPROBE_NOT_FOUND',
    `未找到 ${tool}，无法分析或转换音视频文件。请安装 ${tool}，或在环境变量 ${ENV_NAME[tool]} 中指定其完整路径。`,
    `${tool} not found (checked ${ENV_NAME[tool]}, the bundled ${tool}-static package and PATH)`,
  );
}
