/**
 * `npx tsx scripts/buildIcons.ts`
 *
 * Draws the app's install icons (public/icons/*.png, named in the web app manifest in vite.config.ts)
 * from public/favicon.svg with headless Chromium, so the icons and the favicon never drift apart.
 * Run it again after changing the favicon, and commit the PNGs. The "maskable" icon and the Apple
 * touch icon fill the whole square (the platform cuts its own shape) and keep the curve inside the
 * central 80% circle that every mask leaves visible.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../test/e2e/browser';
import { ROOT } from '../test/e2e/previewServer';

const FAVICON = readFileSync(resolve(ROOT, 'public/favicon.svg'), 'utf8');
const OUT_DIR = resolve(ROOT, 'public/icons');

/** The favicon's drawing without its rounded background, shrunk to 80% about the centre. */
function fullBleed(svg: string): string {
  const background = /<rect\b[^>]*fill="([^"]+)"[^>]*\/>/.exec(svg);
  if (!background?.[1])
    throw new Error('public/favicon.svg: expected a <rect fill="…"/> background');
  const drawing = svg
    .replace(background[0], '')
    .replace(/^<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" fill="${background[1]}"/>` +
    `<g transform="translate(3.2 3.2) scale(0.8)">${drawing}</g></svg>`
  );
}

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: FAVICON },
  { file: 'icon-512.png', size: 512, svg: FAVICON },
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(FAVICON) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(FAVICON) },
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      await page.screenshot({ path: resolve(OUT_DIR, icon.file), omitBackground: true });
      await page.close();
      console.log(`icons: public/icons/${icon.file} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
