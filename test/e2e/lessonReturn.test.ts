import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { openLesson } from './lessonPage';

/** Lesson 1's experiments train 20-layer MNIST networks for a few hundred steps (minutes on a busy machine). */
const TRAINING = { timeout: 300_000, interval: 500 };
const LESSON = 'signal-propagation';
/** The page holds the reading position while it settles: it reaches it within a few frames. */
const SETTLING = { timeout: 30_000, interval: 250 };

/** The first experiment of the lesson that can be run straight away. */
async function firstRunnable(page: Page): Promise<Locator> {
  for (const region of await page.getByRole('region', { name: /^Experiment / }).all()) {
    const run = region.getByRole('button', { name: 'Run experiment' });
    if ((await run.count()) === 1 && (await run.isEnabled())) return region;
  }
  throw new Error('no experiment with an enabled “Run experiment” button');
}

/** The text a chart figure is described by (its summary of every run's numbers). */
async function chartSummary(figure: Locator): Promise<string> {
  return figure.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** What the learner sees of a finished experiment: progress lines, claim box, loss chart. */
async function shown(experiment: Locator) {
  return {
    progress: await experiment.getByRole('list', { name: 'Run progress' }).innerText(),
    claim: await experiment.locator('.nl-claim').innerText(),
    chart: await chartSummary(experiment.getByRole('figure', { name: /^Loss/ })),
  };
}

const scrollY = (page: Page): Promise<number> => page.evaluate(() => window.scrollY);

describe('A lesson after “Open in Lab” and Back, and after a reload', () => {
  const app = useApp();

  test(
    'keeps the finished runs, their numbers and chart, and the reading position',
    { timeout: 720_000 },
    async () => {
      const page = await openLesson(app, LESSON);
      const experiment = await firstRunnable(page);
      const name = await experiment
        .getByRole('heading', { level: 3 })
        .evaluate((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
      await experiment.getByRole('button', { name: 'Run experiment' }).click();
      await experiment.getByRole('button', { name: 'Run again' }).waitFor(TRAINING);
      await expect
        .poll(() => experiment.locator('.nl-claim').innerText(), TRAINING)
        .toMatch(/^Effect shown: /);
      const before = await shown(experiment);
      expect(before.chart).toMatch(/training loss \S+ \(one batch\) at step [\d,]+/);

      // The learner reads on a little past the experiment, then opens the Lab from it.
      await experiment.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.mouse.wheel(0, 300);
      await expect.poll(() => scrollY(page)).toBeGreaterThan(1000);
      await page.waitForTimeout(500);
      const readAt = await scrollY(page);
      await experiment.getByRole('link', { name: 'Open in Lab' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lab' }).waitFor();

      const again = page.getByRole('region', { name });
      const expectAsLeft = async (): Promise<void> => {
        await again.getByRole('button', { name: 'Run again' }).waitFor();
        // The page puts the reader back once it has added the block they were in, which on a slow
        // machine comes seconds after the experiment: wait for every block, then for the place.
        await page.locator('article[aria-busy="false"]').waitFor(TRAINING);
        await expect.poll(() => scrollY(page), SETTLING).toBeGreaterThan(readAt - 3);
        expect(Math.abs((await scrollY(page)) - readAt)).toBeLessThan(3);
        expect(await again.getByText(/Your finished runs from earlier in this tab/).count()).toBe(
          1,
        );
        expect(await shown(again)).toEqual(before);
        expect(
          await again.getByRole('figure', { name: /^Loss/ }).locator('canvas').count(),
        ).toBeGreaterThan(0);
      };

      await page.goBack();
      await expectAsLeft();

      await app.reload();
      await expectAsLeft();
    },
  );
});
