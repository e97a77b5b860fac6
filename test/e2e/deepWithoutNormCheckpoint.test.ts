import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { completedLessons, seedProgress } from './progress';

/** A 50-layer MNIST network for 300 steps. */
const TRAINING = { timeout: 600_000, interval: 500 };

const CORE = [
  'signal-propagation',
  'initialization',
  'batch-normalization',
  'layer-group-instance-norm',
  'going-deep',
];

describe('Lesson 7: the 50-layer checkpoint is earned by rescuing the network with ReZero', () => {
  const app = useApp();

  test(
    'the diverging network as written earns nothing; switched to ReZero and trained, it does',
    { timeout: 1_200_000 },
    async () => {
      await seedProgress(app.context, completedLessons(...CORE));
      await app.open('#/lessons/deep-without-normalization');
      const page = app.page;
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Deep without normalization, and what BatchNorm costs',
        })
        .waitFor();
      const checkpoint = page.getByRole('region', {
        name: 'Checkpoint Trained a 50-layer network with no normalization',
      });
      const status = () => checkpoint.getByRole('status').first().innerText();
      expect(await status()).toMatch(/^Not earned yet\. Do the practice/);

      const practice = page.getByRole('region', {
        name: 'Practice Rescue the 50-layer network with ReZero',
      });
      // As written, the network diverges: nothing is earned.
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/diverged/i);
      expect(await status()).toMatch(/^Not earned yet\./);

      await practice
        .getByRole('combobox', { name: 'Your network: Branch scale at init' })
        .selectOption('reZero');
      await practice.getByRole('button', { name: /Run experiment|Run again/ }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await expect.poll(status, { timeout: 30_000, interval: 250 }).toMatch(/^Earned on /);
    },
  );
});
