import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { smallTouchTargets } from './touchTargets';

/** A phone held upright, with a touch screen. */
const TOUCH_PHONE = { width: 390, height: 844, touch: true };
const LOAD = { timeout: 120_000 };

describe('a lesson and the home page on a touch phone (390 × 844)', () => {
  const app = useApp(TOUCH_PHONE);

  test('every control of lesson 1 (prediction, experiments, widgets, chart tools, quiz) and of the home page is at least 44 px tall', async () => {
    await app.open('#/lessons/signal-propagation');
    expect(await app.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    // The whole lesson is on the page: its quiz at the end, its widgets' charts with their tools.
    await app.page.getByRole('heading', { level: 2, name: 'Quiz' }).waitFor(LOAD);
    await app.page.locator('article[aria-busy="false"]').waitFor(LOAD);
    const tools = app.page.getByRole('button', { name: /^Download CSV: / });
    await expect.poll(() => tools.count(), LOAD).toBeGreaterThan(3);
    expect(await app.page.getByRole('radio').count()).toBeGreaterThan(10);
    expect(await app.page.getByRole('combobox').count()).toBeGreaterThan(3);
    expect(await app.page.getByRole('tab').count()).toBeGreaterThan(5);
    expect(await smallTouchTargets(app.page)).toEqual([]);

    await app.open('#/');
    await app.page.getByRole('region', { name: 'Lessons' }).waitFor(LOAD);
    await app.page.getByRole('heading', { level: 2, name: 'Your progress' }).waitFor(LOAD);
    expect(await smallTouchTargets(app.page)).toEqual([]);
  });
});
