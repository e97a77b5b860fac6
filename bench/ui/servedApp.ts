import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/browser';
import { buildApp, privateBuildDir, removeBuild, startPreview } from '../../test/e2e/previewServer';

/**
 * Runs `use` with headless Chromium and the production app served by `vite preview`: built for this
 * run alone, or, with `build` false, the dist/ of the last `npm run build`. The server, the browser
 * and the private build are gone afterwards, whatever `use` did.
 */
export async function withServedApp<T>(
  build: boolean,
  use: (browser: Browser, url: string) => Promise<T>,
  log: (line: string) => void = () => undefined,
): Promise<T> {
  const outDir = build ? privateBuildDir() : undefined;
  try {
    if (outDir !== undefined) {
      log('building the app for production…');
      await buildApp(outDir);
    }
    const browser = await launchBrowser();
    try {
      const server = await startPreview(outDir);
      try {
        return await use(browser, server.url);
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    if (outDir !== undefined) removeBuild(outDir);
  }
}
