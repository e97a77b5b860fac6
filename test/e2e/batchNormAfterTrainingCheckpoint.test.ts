import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { completedLessons, seedProgress } from './progress';

/** A 4-layer MNIST network for 300 steps. */
const TRAINING = { timeout: 600_000, interval: 500 };

const CORE = [
  'signal-propagation',
  'initialization',
  'batch-normalization',
  'layer-group-instance-norm',
  'going-deep',
];

describe('Lesson 6: the fold checkpoint is earned by folding the trained network', () => {
  const app = useApp();

  test(
    'training alone earns nothing; pressing Fold BatchNorm on the trained run does',
    { timeout: 1_200_000 },
    async () => {
      await seedProgress(app.context, completedLessons(...CORE));
      await app.open('#/lessons/batchnorm-after-training');
      const page = app.page;
      await page.getByRole('heading', { level: 1, name: 'BatchNorm after training' }).waitFor();
      const checkpoint = page.getByRole('region', {
        name: 'Checkpoint Folded a trained network and checked its outputs',
      });
      const status = () => checkpoint.getByRole('status').first().innerText();
      expect(await status()).toMatch(/^Not earned yet/);

      const experiment = page.getByRole('region', {
        name: 'Experiment Fold a trained network and compare the two',
      });
      const fold = experiment.getByRole('button', { name: 'Fold BatchNorm' });
      expect(await fold.isDisabled()).toBe(true);
      await experiment.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => fold.isEnabled(), TRAINING).toBe(true);
      expect(await status()).toMatch(/^Not earned yet/);

      await fold.click();
      await expect
        .poll(() => experiment.innerText(), { timeout: 60_000, interval: 250 })
        .toMatch(/Folded at step 300: 4 BatchNorm layers merged/);
      await expect.poll(status, { timeout: 30_000, interval: 250 }).toMatch(/^Earned on /);
    },
  );
});
