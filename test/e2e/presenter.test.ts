import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { chartTextSizes } from './chartText';
import { useApp, type Viewport } from './harness';
import { LabDriver, parseShown } from './labDriver';

/** A projector's resolution, as the issue states it. */
const PROJECTOR: Viewport = { width: 1280, height: 720 };
/** Generous: the machine is shared and the suite trains real networks. */
const TRAINING = { timeout: 300_000, interval: 500 };
const TEST = { timeout: 900_000 };

describe('presenter mode at 1280 × 720', () => {
  const app = useApp(PROJECTOR);

  test(
    'every chart label, tick and legend is at least 20 px, and axe finds nothing serious',
    TEST,
    async () => {
      await app.open('#/lab?present=1');
      const l = new LabDriver(app.page);
      const bar = app.page.getByRole('toolbar', { name: 'Presenter controls' });
      await expect.poll(() => l.button('Train').isEnabled(), TRAINING).toBe(true);
      await bar.getByRole('button', { name: 'Train' }).click();
      await expect
        .poll(async () => (await l.trainingLoss())?.step ?? 0, TRAINING)
        .toBeGreaterThan(50);
      await bar.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => l.button('Train').isVisible(), TRAINING).toBe(true);

      const loss = l.figure('Loss');
      expect(await loss.locator('.nl-plot__tick').count()).toBeGreaterThan(4);
      expect(await loss.locator('.nl-legend__item').count()).toBeGreaterThan(1);
      const sizes = await chartTextSizes(app.page);
      const kinds = await app.page.evaluate(() => ({
        ticks: document.querySelectorAll('.nl-present .nl-plot__tick').length,
        axisTitles: document.querySelectorAll('.nl-present .nl-plot__title').length,
        legends: document.querySelectorAll('.nl-present .nl-legend__item').length,
      }));
      expect(kinds.ticks).toBeGreaterThan(10);
      expect(kinds.axisTitles).toBeGreaterThan(3);
      expect(kinds.legends).toBeGreaterThan(2);
      expect(sizes.length).toBeGreaterThan(40);
      expect(sizes.filter((s) => s.px < 20)).toEqual([]);

      // The loss plot is large: at least 40 % of the projector's height.
      const plot = await loss.locator('.nl-plot').first().boundingBox();
      expect(plot?.height ?? 0).toBeGreaterThanOrEqual(0.4 * PROJECTOR.height);
      expect(plot?.width ?? 0).toBeGreaterThanOrEqual(0.85 * PROJECTOR.width);

      expect(await seriousViolations(app.page)).toEqual([]);

      // Leaving restores the learner's layout.
      await bar.getByRole('button', { name: 'Leave presenter mode' }).click();
      await expect.poll(() => l.setting('Dataset').isVisible()).toBe(true);
      expect(app.page.url()).not.toMatch(/present=1/);
      const learner = await chartTextSizes(app.page);
      expect(learner.some((s) => s.px < 20)).toBe(true);
    },
  );

  test('every shortcut works in Chromium, and none while typing', TEST, async () => {
    await app.open('#/lab');
    const l = new LabDriver(app.page);
    const key = (k: string) => app.page.keyboard.press(k);
    await expect.poll(() => l.button('Train').isEnabled(), TRAINING).toBe(true);

    await key('Space');
    await expect.poll(() => l.button('Pause').isVisible(), TRAINING).toBe(true);
    await expect.poll(() => l.step(), TRAINING).toBeGreaterThan(10);
    await key('Space');
    // Where the run paused is final once its tab says so (the worker sends its last snapshot before
    // its status), and the counter catches up with it: from there the steps are exact, however
    // loaded the machine. Reading the counter at once once saw a stale step 34 beside the 807 the
    // run had paused at, and then 808 after S.
    const pausedAt = async (): Promise<number | undefined> => {
      const match = /paused at step ([\d,]+)/.exec((await l.tab('A').textContent()) ?? '');
      return match ? parseShown(match[1]!) : undefined;
    };
    await expect.poll(pausedAt, TRAINING).toBeGreaterThan(10);
    const before = (await pausedAt())!;
    await expect.poll(() => l.step(), TRAINING).toBe(before);
    await key('s');
    await expect.poll(pausedAt, TRAINING).toBe(before + 1);
    await expect.poll(() => l.step(), TRAINING).toBe(before + 1);
    await key('r');
    await expect.poll(() => l.step(), TRAINING).toBe(0);

    await key('d');
    await key('d');
    await expect.poll(() => app.page.getByRole('tab').count()).toBe(3);
    await key('1');
    await expect.poll(() => l.tab('A').getAttribute('aria-selected')).toBe('true');
    await key('3');
    await expect.poll(() => l.tab('C').getAttribute('aria-selected')).toBe('true');
    await key('2');
    await expect.poll(() => l.tab('B').getAttribute('aria-selected')).toBe('true');
    await key('d');
    await key('4');
    await expect.poll(() => l.tab('D').getAttribute('aria-selected')).toBe('true');

    await key('f');
    const loss = l.figure('Loss');
    await expect.poll(() => loss.getAttribute('class')).toMatch(/nl-chart--full/);
    const full = await loss.boundingBox();
    expect(full).toMatchObject({ x: 0, y: 0, width: PROJECTOR.width, height: PROJECTOR.height });
    // Full screen stays live: Space trains and the chart's curve (its summary) moves on in it.
    const lastStep = async (): Promise<number> => (await l.trainingLoss())?.step ?? 0;
    const shown = await lastStep();
    await key('Space');
    await expect.poll(lastStep, TRAINING).toBeGreaterThan(shown + 20);
    expect(await loss.getAttribute('class')).toMatch(/nl-chart--full/);
    await key('Space');
    await expect.poll(() => l.button('Train').isVisible(), TRAINING).toBe(true);
    await key('Escape');
    await expect.poll(() => loss.getAttribute('class')).not.toMatch(/nl-chart--full/);

    await key('?');
    const list = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shown of ['Space', 'S', 'R', '1–4', 'D', 'P', 'F', '?']) {
      await expect.poll(() => list.locator('kbd', { hasText: shown }).count()).toBeGreaterThan(0);
    }
    await key('Escape');
    await expect.poll(() => list.count()).toBe(0);

    await key('p');
    const bar = app.page.getByRole('toolbar', { name: 'Presenter controls' });
    await expect.poll(() => bar.isVisible()).toBe(true);
    await key('p');
    await expect.poll(() => bar.count()).toBe(0);

    // Typing in a field: the keys are text, not shortcuts.
    const seed = app.page.getByRole('spinbutton', { name: 'Seed', exact: true });
    await seed.focus();
    await key('r');
    await key('d');
    await key('p');
    await key('Space');
    expect(await app.page.getByRole('tab').count()).toBe(4);
    expect(await bar.count()).toBe(0);
    expect(await l.button('Train').isVisible()).toBe(true);
  });

  test('a diverged run no longer flattens the others, in the lesson charts too', TEST, async () => {
    await app.open('#/lessons/signal-propagation');
    const experiment = app.page.getByRole('region', {
      name: 'Weights 1.5× too wide in a 20-layer network',
    });
    await experiment.getByRole('button', { name: 'Run experiment' }).click();
    const loss = experiment.getByRole('figure', { name: /^Loss/ });
    await expect
      .poll(() => loss.locator('.nl-plot__marker').first().textContent(), TRAINING)
      .toMatch(/diverged at step \d+/);
    // The axis follows the healthy run: its top tick is a loss, not 1e23. The axis limit is set by
    // the smallest first loss of any run, so on a busy machine, where the diverging run can finish
    // before the healthy one has posted a loss, it settles only once the healthy run has data.
    const topTick = () =>
      loss
        .locator('.nl-plot__tick--y')
        .first()
        .evaluate((el) => {
          const ticks = [...el.parentElement!.querySelectorAll('.nl-plot__tick--y')];
          return Math.max(...ticks.map((t) => Number(t.textContent?.replace(/,/g, ''))));
        });
    await expect.poll(topTick, TRAINING).toBeLessThan(1000);
  });
});
