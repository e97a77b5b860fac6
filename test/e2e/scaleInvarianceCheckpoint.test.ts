import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { completedLessons, seedProgress } from './progress';

/** A 4-layer MNIST network for 1,000 steps, twice. */
const TRAINING = { timeout: 600_000, interval: 500 };

const CORE = [
  'signal-propagation',
  'initialization',
  'batch-normalization',
  'layer-group-instance-norm',
  'going-deep',
];

describe('Lesson 8: the weight-decay checkpoint is earned by adding the decay and reading the norms', () => {
  const app = useApp();

  test(
    'the runs as written earn nothing; weight decay 0.005 on run Decayed, trained, with its weight norms read, does',
    { timeout: 1_200_000 },
    async () => {
      await seedProgress(app.context, completedLessons(...CORE));
      await app.open('#/lessons/scale-invariance');
      const page = app.page;
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Scale invariance: BatchNorm, weight decay and the effective learning rate',
        })
        .waitFor();
      const checkpoint = page.getByRole('region', {
        name: "Checkpoint Used weight decay to set a layer's weight norm, and read its effective learning rate",
      });
      const status = () => checkpoint.getByRole('status').first().innerText();
      expect(await status()).toMatch(/^Not earned yet\. Do the practice/);

      const practice = page.getByRole('region', {
        name: 'Practice Hold the weight norm down with weight decay',
      });
      await practice.getByRole('tab', { name: 'Weight norms' }).click();
      const decay = practice.getByRole('spinbutton', { name: 'Decayed: Weight decay' });
      await decay.fill('0.005');
      await decay.press('Enter');
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await expect.poll(status, { timeout: 30_000, interval: 250 }).toMatch(/^Earned on /);
      expect(
        await practice
          .getByRole('figure', { name: 'Weight norms: Decayed' })
          .getByRole('heading', { name: 'Weight norm ‖W‖' })
          .count(),
      ).toBe(1);
    },
  );
});
