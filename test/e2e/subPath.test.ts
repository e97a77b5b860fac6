import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLabByLink, serviceWorkerScope, trainMnistInLab } from './deployJourney';
import { useApp } from './harness';
import { E2E_DIST } from './previewServer';
import { serveStatic, type StaticServer } from './staticServer';

const SUB_PATH = '/some/sub/path/';

describe('the build served from a sub-path of a plain static server', () => {
  const app = useApp();
  let server: StaticServer;

  beforeEach(async () => {
    server = await serveStatic(E2E_DIST, SUB_PATH);
  });

  afterEach(async () => {
    await server.close();
  });

  test(
    'home, a lesson and the Lab open by their links, the Lab trains on MNIST, and nothing is fetched outside the sub-path',
    { timeout: 300_000 },
    async () => {
      const page = app.page;
      await page.goto(server.url);
      await page
        .getByRole('heading', { level: 1, name: 'Normalization and initialization, hands on' })
        .waitFor();

      await page.getByRole('link', { name: 'Why deep networks stall' }).click();
      await page.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(SUB_PATH);
      expect(new URL(page.url()).hash).toBe('#/lessons/signal-propagation');

      const lab = await openLabByLink(page);
      expect(new URL(page.url()).pathname).toBe(SUB_PATH);
      await trainMnistInLab(lab);

      // The service worker is installed for the sub-path, not the host's root.
      expect(await serviceWorkerScope(page)).toBe(server.url);

      // A reload at a deep address comes back to the same page.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Lab' }).waitFor();

      const outside = server.requests.filter((path) => !path.startsWith(SUB_PATH));
      expect(outside).toEqual([]);
      for (const file of ['data/mnist-14-train.bin', 'data/mnist-14-test.bin', 'sw.js']) {
        expect(server.requests).toContain(`${SUB_PATH}${file}`);
      }
    },
  );
});
