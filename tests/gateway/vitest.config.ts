import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/**
 * The root config's `include` does not list tests/gateway (it is outside this folder's remit to
 * change it), so the gateway's own tests run with: `npx vitest run -c tests/gateway/vitest.config.ts`.
 */
export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: { include: ['tests/gateway/**/*.test.ts', 'electron/gateways/**/*.test.ts', 'shared/gateway/**/*.test.ts'] },
  }),
);
