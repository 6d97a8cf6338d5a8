import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A temporary directory per run, removed at the end.
    globalSetup: ['tests/support/vitest-temp-dir.ts'],
    // sharp and the fill engines are CPU-bound; two cores are all CI has.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
