import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLabByLink, runFirstLossExperiment, trainMnistInLab } from './deployJourney';
import { useApp } from './harness';
import { E2E_DIST } from './previewServer';
import { serveStatic, type StaticServer } from './staticServer';

/** Generous: installing the service worker caches the whole app (a few MB) on a shared machine. */
const INSTALL = { timeout: 120_000, interval: 250 };

describe('normlab offline, and its updates', () => {
  const app = useApp();
  /** A copy of the build, so one test can publish a "new version" of it. */
  let site: string;
  let server: StaticServer | undefined;

  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'normlab-offline-'));
    cpSync(E2E_DIST, site, { recursive: true });
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(site, { recursive: true, force: true });
  });

  /**
   * Opens the app and waits until its service worker has cached everything (the header says so) and
   * serves this page too. The page downloads the other pages' code in the background: what it asked
   * the network for before the worker took over must have arrived, or going offline fails it.
   */
  async function firstVisit(): Promise<void> {
    server = await serveStatic(site, '/');
    const inFlight = new Set<Request>();
    const sent = (request: Request): void => void inFlight.add(request);
    const settled = (request: Request): void => void inFlight.delete(request);
    app.page.on('request', sent);
    app.page.on('requestfinished', settled);
    app.page.on('requestfailed', settled);
    await app.page.goto(server.url);
    await app.page
      .getByRole('banner')
      .getByRole('status')
      .filter({ hasText: 'Available offline' })
      .waitFor({ timeout: INSTALL.timeout });
    await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: INSTALL.timeout,
    });
    await expect.poll(() => inFlight.size, INSTALL).toBe(0);
    app.page.off('request', sent);
    app.page.off('requestfinished', settled);
    app.page.off('requestfailed', settled);
  }

  test(
    'after one visit, with the network gone, a lesson runs its experiment and the Lab trains on MNIST',
    { timeout: 600_000 },
    async () => {
      await firstVisit();
      const page = app.page;
      await server?.close();
      server = undefined;
      await app.context.setOffline(true);

      await app.reload();
      await page
        .getByRole('heading', { level: 1, name: 'Normalization and initialization, hands on' })
        .waitFor();
      await page.getByRole('link', { name: 'Why deep networks stall' }).click();
      await page.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();
      await runFirstLossExperiment(page);

      const lab = await openLabByLink(page);
      await trainMnistInLab(lab);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    },
  );

  test(
    'a new version waits for "Reload to update" and takes over only then',
    { timeout: 300_000 },
    async () => {
      await firstVisit();
      const page = app.page;
      await app.reload();
      await page.getByRole('link', { name: 'Why deep networks stall' }).click();
      await page.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();
      // Marks this document: a reload (or a swap of the page) would lose the mark.
      await page.evaluate(() => {
        (window as unknown as { stillHere: boolean }).stillHere = true;
      });

      // The host publishes a new version: any change to the service worker script is one.
      const sw = join(site, 'sw.js');
      writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// the next version\n`);
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.ready).update();
      });

      const notice = page.getByRole('status', { name: 'New version' });
      await notice.waitFor({ timeout: INSTALL.timeout });
      expect(await notice.innerText()).toMatch(/A new version of normlab is ready/);
      expect(await page.evaluate(() => 'stillHere' in window)).toBe(true);
      await page.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();

      await notice.getByRole('button', { name: 'Reload to update' }).click();
      await expect
        .poll(() => page.evaluate(() => 'stillHere' in window).catch(() => true), INSTALL)
        .toBe(false);
      await page.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();
      const waiting = await page.evaluate(
        async () => (await navigator.serviceWorker.ready).waiting !== null,
      );
      expect(waiting).toBe(false);
      expect(await page.getByRole('status', { name: 'New version' }).count()).toBe(0);
    },
  );
});
