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
    // expect.poll gives up after 1 s by default: enough for a page's immediate answer on an idle
    // machine, not on the busy one CI may run on. Polls that wait for training pass their own.
    expect: { poll: { timeout: 20_000 } },
    reporters: ['default', './test/e2e/plainSummaryReporter.ts'],
  },
});
