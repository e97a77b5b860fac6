import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy the built app ships with, as a <meta> tag (the app is static files, so
 * a host may not send headers). Script only from the app's own origin, no inline or remote script and
 * no eval; 'wasm-unsafe-eval' lets the WebAssembly gemm kernel compile. Styles allow inline attributes
 * because KaTeX sets sizes with them; fonts and images allow data: URIs because Vite inlines KaTeX's
 * small fonts. docs/RELIABILITY.md lists the headers to add where the host allows it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the Content-Security-Policy to the built index.html only: the dev server injects an inline
 * script (React's refresh preamble) that the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'normlab-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
