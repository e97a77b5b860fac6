import { defineConfig } from 'vitest/config';

/**
 * The browser suite: headless Chromium against `vite preview` of a production build. Run it with
 * `npm run test:e2e` (scripts/e2e.ts builds first). Files run one after another: each drives a real
 * browser and trains real networks, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/e2e/plainSummaryReporter.ts'],
  },
});
