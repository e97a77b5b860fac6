import react from '@vitejs/plugin-react';
import { resolve, sep } from 'node:path';
import { runnerImport, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import type * as LessonChecks from './scripts/checkLessons';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * src/main.tsx starts the app in stages, each an import() evaluated in a task of its own. This names
 * every stage's chunk (and what each imports statically, and its CSS) in the built index.html, as the
 * entry's static imports are: the browser fetches and compiles them all at once, while the page is
 * parsed, and evaluates each only when its stage comes.
 */
function bootStagesPreload(): Plugin {
  return {
    name: 'normlab-boot-stages-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (bundle === undefined || chunk === undefined) return [];
        const chunks = new Map(
          Object.values(bundle)
            .filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
            .map((c) => [c.fileName, c]),
        );
        /** `file` and every chunk it imports statically, transitively. */
        const closure = (file: string, into: Set<string>): Set<string> => {
          if (into.has(file)) return into;
          into.add(file);
          for (const imported of chunks.get(file)?.imports ?? []) closure(imported, into);
          return into;
        };
        // The entry and its static imports are named by Vite already.
        const named = closure(chunk.fileName, new Set());
        const stages = new Set<string>();
        for (const stage of chunk.dynamicImports) closure(stage, stages);
        const added = [...stages].filter((file) => !named.has(file));
        const css = added.flatMap((file) => [
          ...(chunks.get(file)?.viteMetadata?.importedCss ?? []),
        ]);
        const tags: HtmlTagDescriptor[] = [
          ...added.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
          ...css.map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
        return tags;
      },
    },
  };
}

const LESSON_TRACK_ID = 'virtual:normlab/lesson-track';
const LESSON_PROSE_ID = 'virtual:normlab/lesson-prose';
const LESSON_TREES_ID = 'virtual:normlab/lesson-trees';
type LessonScripts = typeof LessonChecks;

/**
 * The lessons, parsed and validated when the app is built: `import track from
 * 'virtual:normlab/lesson-track'` is the Track that buildTrack makes of lessons/*.md, as JSON,
 * without the Markdown between the blocks; `virtual:normlab/lesson-prose` is that Markdown, imported
 * only by the lesson page and the deck (src/lessons/lessonProse.ts), so the home page does not
 * download it, and `virtual:normlab/lesson-trees` is that Markdown (and the blocks') already parsed
 * into the syntax trees the page renders (src/lessons/bundledTrees.ts), beside the prose. The browser
 * then neither downloads the YAML parser nor spends a few hundred milliseconds of main thread parsing
 * every lesson before the home page can draw, nor parses a lesson's Markdown while it shows it.
 * scripts/checkLessons.ts (run by `npm run build` first) stops the build on any issue. The lesson
 * code runs through Vite's module runner rather than an import of this file: the config stays free
 * of the app's sources. Editing a lesson under the dev server reloads the page with the new track.
 */
function lessonTrack(root: string): Plugin {
  const ids = new Map(
    [LESSON_TRACK_ID, LESSON_PROSE_ID, LESSON_TREES_ID].map((id) => [`\0${id}`, id]),
  );
  const lessons = resolve(root, 'lessons');
  return {
    name: 'normlab-lesson-track',
    resolveId: (id) => [...ids].find(([, name]) => name === id)?.[0],
    async load(id) {
      const name = ids.get(id);
      if (name === undefined) return undefined;
      const { module } = await runnerImport<LessonScripts>(
        resolve(root, 'scripts/checkLessons.ts'),
      );
      const parts = module.buildLessonTrackParts(lessons, root);
      for (const lesson of [...parts.track.lessons, ...parts.track.broken]) {
        this.addWatchFile(resolve(root, lesson.file));
      }
      const value =
        name === LESSON_TRACK_ID
          ? parts.track
          : name === LESSON_PROSE_ID
            ? parts.prose
            : parts.trees;
      // V8 parses JSON in a string faster than the same data written as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
    handleHotUpdate({ file, server }) {
      if (!(resolve(file).startsWith(`${lessons}${sep}`) && file.endsWith('.md'))) return undefined;
      const modules = [...ids.keys()].flatMap((id) => server.moduleGraph.getModuleById(id) ?? []);
      if (modules.length === 0) return undefined;
      for (const module of modules) server.moduleGraph.invalidateModule(module);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

/**
 * normlab as an installable Progressive Web App. The service worker precaches everything the build
 * emits (the lessons, the Lab, every worker and the MNIST files), so after one visit the course works
 * with no network. 'prompt': a new version waits until the learner chooses "Reload to update"
 * (src/ui/UpdateNotice.tsx), so the page is never swapped mid-lesson. The app registers the worker
 * itself (virtual:pwa-register), so no inline script is injected that the CSP would block; scope
 * and URLs are relative, so the worker covers whatever folder the build is served from.
 */
function progressiveWebApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
    manifest: {
      name: 'normlab: batch normalization and weight initialization',
      short_name: 'normlab',
      description:
        'An interactive lesson on batch normalization and weight initialization that trains real networks in the browser.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#1f3a5f',
      background_color: '#f6f7f9',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,png,woff2,bin,webmanifest}'],
      // The 28×28 MNIST training file is about 1 MB; the default limit (2 MiB) leaves little room.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Every address of the app is index.html plus a hash route.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first visit's page is served from the cache as soon as the worker is active: a student
      // whose Wi-Fi drops right after "Available offline" can still open the Lab or a lesson, whose
      // code that page fetches later. An update still waits for "Reload to update" (registerType
      // 'prompt'): it takes over only once the learner asks, and the page reloads then.
      clientsClaim: true,
    },
  });
}

export default defineConfig({
  // Relative URLs everywhere, so the same dist/ works at a host's root or under any sub-path.
  base: './',
  plugins: [
    react(),
    lessonTrack(import.meta.dirname),
    contentSecurityPolicy(),
    bootStagesPreload(),
    progressiveWebApp(),
  ],
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
