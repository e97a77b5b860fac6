import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { LAB_NUMBER_BOXES, LAB_SELECTS } from '../ui/lab/labControls';
import { useApp } from './harness';
import { LabDriver } from './labDriver';

/** Generous: the machine is shared and the suite trains real networks. */
const TRAINING = { timeout: 30_000, interval: 250 };

/** What the page showed for one element that Tab moved focus to. */
interface FocusStop {
  readonly label: string;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly onScreen: boolean;
}

describe('Lab by keyboard', () => {
  const app = useApp();

  test('Tab reaches every control, each with a visible focus ring, and the keys operate them', async () => {
    await app.open('#/lab');
    const l = new LabDriver(app.page);
    await expect.poll(() => l.button('Train').isEnabled(), TRAINING).toBe(true);

    // Tab through the whole page once, marking every element that receives focus.
    const stops: FocusStop[] = [];
    for (let i = 0; i < 400; i++) {
      await app.page.keyboard.press('Tab');
      const stop = await app.page.evaluate((index): FocusStop | 'again' | 'none' => {
        const element = document.activeElement;
        if (!(element instanceof HTMLElement) || element === document.body) return 'none';
        if (element.dataset.keyboardStop !== undefined) return 'again';
        element.dataset.keyboardStop = String(index);
        element.scrollIntoView({ block: 'nearest' });
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          label:
            element.getAttribute('aria-label') ||
            (element instanceof HTMLInputElement || element instanceof HTMLSelectElement
              ? element.labels?.[0]?.textContent
              : element.textContent
            )?.slice(0, 60) ||
            element.tagName,
          outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth),
          onScreen: box.width > 0 && box.height > 0,
        };
      }, i);
      if (stop === 'again') break;
      if (stop !== 'none') stops.push(stop);
    }
    expect(stops.length).toBeGreaterThan(20);
    // Every focus stop is drawn, and drawn with a ring a sighted keyboard user can see.
    expect(stops.filter((s) => !s.onScreen)).toEqual([]);
    expect(stops.filter((s) => s.outlineStyle === 'none' || s.outlineWidth < 2)).toEqual([]);

    const reached = async (control: Locator): Promise<boolean> =>
      (await control.getAttribute('data-keyboard-stop')) !== null;
    const page = app.page;
    const controls: [string, Locator][] = [
      ['Train', l.button('Train')],
      ['Step', l.button('Step')],
      ['Reset', l.button('Reset')],
      ['Copy link', l.button('Copy link')],
      ['Add run', l.button('Add run')],
      ['Duplicate run', l.button('Duplicate run')],
      ['run tab A', l.tab('A')],
      ['Learning rate slider', page.getByRole('slider', { name: 'Learning rate' })],
      ['Learning rate box', page.getByRole('spinbutton', { name: 'Learning rate', exact: true })],
    ];
    for (const name of LAB_SELECTS) controls.push([name, l.setting(name)]);
    for (const name of LAB_NUMBER_BOXES) {
      controls.push([name, page.getByRole('spinbutton', { name, exact: true })]);
    }
    const missed: string[] = [];
    for (const [name, control] of controls) if (!(await reached(control))) missed.push(name);
    expect(missed).toEqual([]);

    // Choose a setting with the arrow keys, as a keyboard user does on a closed list.
    const normalization = l.setting('Normalization');
    await normalization.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => normalization.inputValue()).not.toBe('none');
    await expect.poll(() => page.url()).toContain('a.norm=');

    // Train with Enter; the same button, now Pause, stops it with Space.
    const train = l.button('Train');
    await expect.poll(() => train.isEnabled(), TRAINING).toBe(true);
    await train.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => l.step(), TRAINING).toBeGreaterThan(0);
    const pause = l.button('Pause');
    await expect.poll(() => pause.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => l.tab('A').textContent(), TRAINING).toMatch(/paused at step/);
  });
});
