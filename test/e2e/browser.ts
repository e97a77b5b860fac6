import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, headless (Playwright's own browser download cannot reach its host from here;
 * scripts/ensureBrowser.sh installs this one). NORMLAB_CHROMIUM points elsewhere when needed.
 */
export const CHROMIUM_PATH = process.env['NORMLAB_CHROMIUM'] ?? '/usr/bin/chromium';

/** Quiet, deterministic, offline: no sandbox (we run as root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
] as const;

/**
 * Launches headless Chromium. Playwright gives each launch a fresh temporary profile, and each
 * `browser.newContext()` inside it starts with empty storage, so tests never share saved progress.
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`bash scripts/ensureBrowser.sh\` (npm run test:all does)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
