// Lint keeps the layers of DESIGN.md §2 true: electron only in the shell and the preload, the
// renderer importing nothing from main/ but types (and main/common's values and labels, through its index),
// and no module reaching into another's files.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const MODULES = 'app|api|host|store|crypto|accounts|access|ingest|media|disc|forms|devices|cli|common|log';

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
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: `^\\.\\./(\\.\\./)*(${MODULES})/.+`,
              message: 'Import another main/ module through its index only (e.g. ../store, not ../store/db).',
            },
          ],
        },
      ],
    },
  },
  {
    // main/common is bundled into the renderer too (values, labels, time): no Node modules, and it takes from no one.
    files: ['main/common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'buffer'], message: 'main/common runs in the browser too: no Node modules.' },
            { regex: '^\\.\\./', message: 'main/common imports nothing from other modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^\\.\\./(\\.\\./)*(${MODULES})/.+`, message: 'Import another main/ module through its index only.' }] },
      ],
    },
  },
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
