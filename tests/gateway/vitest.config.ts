import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/**
 * The root config's `include` does not list tests/gateway (changing it is outside this folder's
 * remit), so the gateway layer's tests — the gateway's own, and the adapter, error and provider
 * tests driven through it — run with: `npx vitest run -c tests/gateway/vitest.config.ts`.
 */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['tests/gateway/**/*.test.ts', 'electron/gateways/**/*.test.ts', 'shared/gateway/**/*.test.ts'] },
});
