import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chartTextSizes } from './chartText';
import { useApp } from './harness';
import { holdTraining, holdTrainingAgain, releaseTraining } from './holdTraining';

/** A projector. */
const PROJECTOR = { width: 1280, height: 720 };
/** Lesson 1's first experiment trains two MNIST networks (one of 20 layers) on a shared machine. */
const TRAINING = { timeout: 300_000, interval: 500 };
/**
 * Its 400 steps take about a second and a half on an idle machine: while Space must find it
 * training, it is held after this many steps (holdTraining.ts; its validationEvery is 100).
 */
const HELD = 100;

const sceneTitle = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const sceneNumber = async (page: Page): Promise<number> =>
  Number(/^Scene (\d+) of/.exec(await page.getByText(/^Scene \d+ of \d+$/).innerText())![1]);

describe('every deck key in the audience window (a clicker or a keyboard)', () => {
  const app = useApp(PROJECTOR);

  test(
    'Page Up/Down, the four arrows, Home, End, Space, R and A do what the shortcut list says, never while typing',
    { timeout: 900_000 },
    async () => {
      await holdTraining(app.context, HELD);
      await app.open('#/lessons/signal-propagation/deck');
      const deck = app.page;
      const key = (k: string) => deck.keyboard.press(k);
      const at = async (scene: number) => {
        await deck.getByText(new RegExp(`^Scene ${scene} of \\d+$`)).waitFor();
      };
      await at(1);
      const count = Number(/of (\d+)/.exec(await deck.getByText(/^Scene 1 of/).innerText())![1]);

      // Next: Page Down, → and ↓; previous: Page Up, ← and ↑.
      for (const [next, previous] of [
        ['PageDown', 'PageUp'],
        ['ArrowRight', 'ArrowLeft'],
        ['ArrowDown', 'ArrowUp'],
      ] as const) {
        await key(next);
        await at(2);
        expect(await sceneTitle(deck)).toBe('A deep network that never leaves the starting line');
        await key(previous);
        await at(1);
        expect(await sceneTitle(deck)).toBe('Why deep networks stall');
      }
      // Previous on the first scene and next on the last stay there; Home and End jump.
      await key('PageUp');
      expect(await sceneNumber(deck)).toBe(1);
      await key('End');
      await at(count);
      await key('ArrowRight');
      expect(await sceneNumber(deck)).toBe(count);
      await key('Home');
      await at(1);

      // Space starts the experiment scene's runs and pauses them, as its bar's button does.
      await key('PageDown');
      await at(2);
      const bar = deck.getByRole('toolbar', { name: 'Presenter controls' });
      await bar.getByRole('button', { name: 'Run experiment' }).waitFor();
      const progress = deck.getByRole('list', { name: 'Run progress' });
      await key(' ');
      await bar.getByRole('button', { name: 'Pause' }).waitFor();
      await progress.getByText(`2 layers: training, step ${HELD} of 400`).waitFor(TRAINING);
      const loss = deck.getByRole('figure', { name: /^Loss/ });
      await expect
        .poll(() => loss.locator('.nl-plot__tick--x').count(), TRAINING)
        .toBeGreaterThan(1);
      await key(' ');
      await bar.getByRole('button', { name: 'Resume' }).waitFor();
      await progress.getByText(/^2 layers: paused at step \d+ of 400/).waitFor();

      // The deck is presenter mode: its charts' text is at least 20 px at 1280 × 720.
      const sizes = await chartTextSizes(deck);
      expect(sizes.length).toBeGreaterThan(10);
      expect(sizes.filter((s) => s.px < 20)).toEqual([]);

      // Typing in a field of the scene (its folded settings) steps nothing and trains nothing.
      await bar.getByText('Settings', { exact: true }).click();
      // (Not ↑ or ↓, which a number box uses to change its value.)
      const field = bar.getByRole('spinbutton').first();
      await field.focus();
      for (const k of ['PageDown', 'ArrowRight', 'Home', 'a', ' ']) await key(k);
      expect(await sceneNumber(deck)).toBe(2);
      expect(await bar.getByRole('button', { name: 'Resume' }).count()).toBe(1);
      await bar.getByText('Settings', { exact: true }).click();
      await deck.getByRole('heading', { level: 1 }).focus();

      // Space on a finished scene leaves its curves on screen; R clears them, then Space trains again.
      await releaseTraining(deck);
      await key(' ');
      await bar.getByRole('button', { name: 'Run again' }).waitFor(TRAINING);
      await bar.getByText(/^Finished: Space leaves the curves as they are/).waitFor();
      const curves = await loss.getAttribute('aria-describedby');
      const summary = async () =>
        deck.locator(`[id="${curves}"]`).first().textContent({ timeout: 10_000 });
      await expect.poll(summary, TRAINING).toMatch(/training loss [^;]* at step 400/);
      const finished = await summary();
      await key(' ');
      // The shortcut list opening is the next key's effect, so whatever Space did has been drawn.
      await key('?');
      const shortcutList = deck.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await shortcutList.waitFor();
      await key('Escape');
      await expect.poll(() => shortcutList.count()).toBe(0);
      expect(await bar.getByRole('button', { name: 'Run again' }).count()).toBe(1);
      expect(await summary()).toBe(finished);
      await deck.getByRole('heading', { level: 1 }).focus();
      await key('r');
      await bar.getByRole('button', { name: 'Run experiment' }).waitFor();
      await expect.poll(summary).not.toBe(finished);
      await holdTrainingAgain(deck);
      await key(' ');
      await bar.getByRole('button', { name: 'Pause' }).waitFor();
      await key(' ');
      await bar.getByRole('button', { name: 'Resume' }).waitFor();

      // A reveals a question's answer; the clicker's next reveals it first, then steps on.
      let scene = 2;
      while (!/^Question 1 of/.test(await sceneTitle(deck))) {
        expect(scene).toBeLessThan(count);
        await key('ArrowRight');
        await at(++scene);
      }
      const answer = deck.getByText('The answer', { exact: true });
      expect(await answer.count()).toBe(0);
      await key('a');
      await answer.waitFor();
      await key('ArrowRight');
      await at(scene + 1);
      expect(await sceneTitle(deck)).toMatch(/^Question 2 of/);
      await key('PageDown');
      await answer.waitFor();
      expect(await sceneNumber(deck)).toBe(scene + 1);
      await key('PageDown');
      await at(scene + 2);

      // The shortcut list shows every one of these keys.
      await key('?');
      const list = deck.getByRole('dialog', { name: 'Keyboard shortcuts' });
      for (const label of [
        'Page Down, → or ↓',
        'Page Up, ← or ↑',
        'Home',
        'End',
        'Space',
        'A',
        'R',
      ]) {
        expect(await list.locator('kbd', { hasText: label }).count()).toBeGreaterThan(0);
      }
      // While the list is open, deck keys stay out of it.
      await key('PageDown');
      expect(await sceneNumber(deck)).toBe(scene + 2);
      await key('Escape');
      await expect.poll(() => list.count()).toBe(0);
    },
  );
});
