import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { completedLessons, seedProgress } from './progress';

/** A 20-layer MNIST network for 400 steps, twice: the slowest practice of the track. */
const TRAINING = { timeout: 600_000, interval: 500 };

describe('Lesson 2: the init checkpoint is earned by applying Kaiming and reading the weights', () => {
  const app = useApp();

  test(
    'the prepared experiment and its weight histograms earn nothing; Kaiming by hand, trained, then the weights do',
    { timeout: 1_200_000 },
    async () => {
      await seedProgress(app.context, completedLessons('signal-propagation'));
      await app.open('#/lessons/initialization');
      const page = app.page;
      await page.getByRole('heading', { level: 1, name: 'Initialization' }).waitFor();
      const checkpoint = page.getByRole('region', {
        name: 'Checkpoint Applied Kaiming initialization yourself and checked the weights',
      });
      const status = () => checkpoint.getByRole('status').first().innerText();
      expect(await status()).toMatch(/^Not earned yet\. Do the practice/);

      // Watching: the four-scheme experiment, trained, with its weight histograms open.
      const prepared = page.getByRole('region', {
        name: 'Experiment Four initializations, one network',
      });
      await prepared.getByRole('button', { name: 'Run experiment' }).click();
      await prepared.getByRole('tab', { name: 'Weights' }).click();
      await prepared
        .getByRole('status')
        .filter({ hasText: /^Effect shown/ })
        .waitFor({ timeout: TRAINING.timeout });
      expect(await status()).toMatch(/^Not earned yet\./);

      // Doing: run Custom becomes Kaiming uniform written by hand, is trained, and its weights read.
      const practice = page.getByRole('region', {
        name: 'Practice Rescue the 20-layer network with an init of your own',
      });
      await practice.getByRole('tab', { name: 'Weights' }).click();
      await practice.getByRole('combobox', { name: 'Custom: Weight init' }).selectOption('custom');
      await practice
        .getByRole('combobox', { name: 'Custom: Custom init distribution' })
        .selectOption('uniform');
      const gain = practice.getByRole('spinbutton', { name: 'Custom: Custom init gain' });
      await gain.fill('1.41');
      await gain.press('Enter');
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await expect.poll(status, { timeout: 30_000, interval: 250 }).toMatch(/^Earned on /);
      expect(await status()).toMatch(/Rescue the 20-layer network/);

      // The lesson's completion rules say so too.
      const rules = page.getByRole('region', { name: 'What completes this lesson' });
      expect(await rules.innerText()).toMatch(
        /Checkpoint “Applied Kaiming initialization yourself and checked the weights”: earned/,
      );
    },
  );
});
