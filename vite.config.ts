import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // The lesson pages' two large libraries as chunks of their own (they came to one 796 kB chunk):
        // each is cached on its own, and neither is over the 500 kB a chunk should stay under. Their
        // dependencies stay where they were: pulled in, React would make every page load recharts.
        codeSplitting: {
          groups: [
            {
              name: 'katex',
              test: /node_modules[\\/]katex[\\/]/,
              includeDependenciesRecursively: false,
            },
            {
              name: 'recharts',
              test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor)[\\/]/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { fs: { allow: ['..'] } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
