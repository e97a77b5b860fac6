import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { ROOT, startPreview } from '../../test/e2e/previewServer';
import type { EngineBenchReply } from './enginePage/messages';

const PAGE_DIR = resolve(ROOT, 'bench/ui/enginePage');
const PAGE_DIST = resolve(ROOT, 'node_modules/.cache/normlab-bench-ui/enginePage');

export type EngineInWorker = Extract<EngineBenchReply, { ok: true }>;

export interface EngineBenchPage {
  /** One run of the Node benchmark's loop for `name`, in a fresh module worker of the page. */
  measure(name: string): Promise<EngineInWorker>;
  close(): Promise<void>;
}

/**
 * Builds the bench page (the Node benchmark's loop bundled by vite build, run in a module worker)
 * and serves it with `vite preview`, to be measured in headless Chromium as often as asked.
 */
export async function startEngineBenchPage(browser: Browser): Promise<EngineBenchPage> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: PAGE_DIST, emptyOutDir: true },
  });
  const server = await startPreview(PAGE_DIST);
  return {
    async measure(name) {
      const page = await browser.newPage();
      try {
        await page.goto(server.url);
        await page.waitForFunction(() => typeof window.normlabEngineBench === 'function');
        const reply = await page.evaluate(async (model) => {
          const run = window.normlabEngineBench;
          if (!run) throw new Error('the bench page did not start');
          return run(model);
        }, name);
        if (!reply.ok) throw new Error(`engine bench in the browser: ${reply.message}`);
        return reply;
      } finally {
        await page.close();
      }
    },
    close: () => server.close(),
  };
}
