// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Which layer may import what (ARCHITECTURE.md): enforced here, not by convention. */
const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'worker_threads', 'url', 'stream'];
const forbid = (names, message) => ({
  'no-restricted-imports': ['error', { patterns: names.map((name) => ({ group: [name, `${name}/*`], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    // Circular imports are caught by tests/unit/no-import-cycles.test.ts (eslint-plugin-import-x
    // needs a native resolver whose platform packages our registry does not all carry).
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/)',
              message: 'shared/ is pure domain code: it may import zod and its own files only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['electron', 'sharp', 'openai', ...nodeModules, '../electron', '../../electron', '../../../electron'],
        'The renderer is sandboxed: it talks to main only through window.infill.',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts', 'electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: forbid(['electron'], 'Only electron/main.ts, electron/preload.ts and electron/shell/ may import electron; services stay testable without it.'),
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(['react', 'react-dom', 'konva', 'react-konva', 'zustand', '../renderer', '../../renderer'], 'Main and shared code never import the renderer.'),
  },
);
