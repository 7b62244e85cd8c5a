// Lint keeps the layers of DESIGN.md §2 true: electron only in the shell and the preload, the
// renderer importing nothing from main/ but types (and main/common's values and labels, through its index),
// and no module reaching into another's files.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const MODULES = 'app|api|host|store|crypto|accounts|access|audit|library|cases|ingest|media|disc|forms|devices|backup|retention|supervision|public-copy|multicam|cli|common|log';

const INDEX_ONLY = {
  regex: `^\\.\\./(\\.\\./)*(main/)?(${MODULES})/.+`,
  message: 'Import another main/ module through its index only (e.g. ../store, not ../store/db).',
};

const DOMAINS = ['media', 'audit', 'accounts', 'devices', 'ingest', 'library', 'cases', 'access', 'disc', 'forms', 'backup', 'retention', 'supervision', 'public-copy', 'multicam'];
const ENTRIES = ['host', 'app', 'cli'];
const dirs = (names) => names.map((n) => `main/${n}/**/*.ts`);
/** Which modules each layer may not import (the layers above it). */
const LAYERS = [
  // main/common is bundled into the renderer too (values, labels, time): no Node modules either.
  { files: dirs(['common']), forbid: MODULES.split('|').filter((m) => m !== 'common'), why: 'main/common imports nothing from main/.', noNode: true },
  {
    files: dirs(['store', 'crypto', 'log']),
    forbid: MODULES.split('|').filter((m) => m !== 'common' && m !== 'store' && m !== 'crypto' && m !== 'log'),
    why: 'store, crypto and log build on common only.',
  },
  { files: dirs(DOMAINS), forbid: ['api', ...ENTRIES], why: 'A domain never imports the API or an entry point.' },
  // native/ (OS adapters) sits below the domains that use it: it takes only main/common (errors, values).
  { files: ['native/**/*.ts'], forbid: MODULES.split('|').filter((m) => m !== 'common'), why: 'native/ imports only main/common.' },
  { files: dirs(['api']), forbid: ENTRIES, why: 'The API never imports an entry point.' },
  { files: dirs(['host']), forbid: ['app', 'cli'], why: 'Entry points do not import one another (host is shared by app only).' },
  { files: dirs(['app']), forbid: ['cli'], why: 'Entry points do not import one another.' },
  { files: dirs(['cli']), forbid: ['host', 'app'], why: 'Entry points do not import one another.' },
];

const noElectron = { name: 'electron', message: 'Only main/app/ and preload/index.ts may import electron.' };

const rendererPaths = [noElectron, { name: 'better-sqlite3', message: 'The renderer has no database access.' }];
const rendererPatterns = [
  {
    group: ['**/main/**', '!**/main/common'],
    allowTypeImports: true,
    message: 'The renderer may import only types from main/, and values from main/common (its index: pure, no Node).',
  },
  { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The renderer is sandboxed: no Node modules.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  // Index-only imports between main/ modules, and the direction of DESIGN.md §2 / issue 13:
  // common ← store, crypto, log ← domains ← api ← host, app, cli. native/ follows the same rules.
  ...LAYERS.map(({ files, forbid, why, noNode }) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: files.some((f) => f.startsWith('main/app')) ? [] : [noElectron],
          patterns: [
            INDEX_ONLY,
            ...(forbid.length ? [{ regex: `^(\\.\\./)+(main/)?(${forbid.join('|')})(/.*)?$`, message: why }] : []),
            ...(noNode ? [{ group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'buffer'], message: 'main/common runs in the browser too: no Node modules.' }] : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['renderer/**/*.{ts,tsx}', 'preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...rendererPaths,
            { name: 'dayjs', allowTypeImports: true, message: 'Times go through renderer/src/time.ts, which knows the office time zone.' },
          ],
          patterns: rendererPatterns,
        },
      ],
    },
  },
  {
    // The one module that reads and formats times in the office's zone, and the entry that sets dayjs's locale.
    files: ['renderer/src/time.ts', 'renderer/src/main.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }] },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
