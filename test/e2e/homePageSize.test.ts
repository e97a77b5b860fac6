import { describe, expect, test } from 'vitest';
import { homePageScripts, scriptsNamedByIndex } from './homePageJs';
import { E2E_DIST } from './previewServer';

/** The budget for the home page's JavaScript, gzipped (kB = 1,000 bytes). */
const HOME_PAGE_GZIP_BUDGET = 200_000;

describe('first load of the production build', () => {
  test("the home page's JavaScript stays within 200 kB gzipped", () => {
    const scripts = homePageScripts(E2E_DIST);
    // The import graph read from the files is the one Vite preloads: the walk misses nothing.
    expect(scripts.map((s) => s.file).sort()).toEqual(scriptsNamedByIndex(E2E_DIST));
    const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
    const listing = scripts.map((s) => `${s.file} ${(s.gzipBytes / 1000).toFixed(1)} kB`);
    console.log(
      `home page JavaScript: ${(gzip / 1000).toFixed(1)} kB gzipped (${listing.join(', ')})`,
    );
    expect(gzip, listing.join('\n')).toBeLessThanOrEqual(HOME_PAGE_GZIP_BUDGET);
  });
});
