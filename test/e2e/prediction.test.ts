import { describe, expect, test } from 'vitest';
import { useApp } from './harness';

/** Lesson 1's first experiment trains a 20-layer and a 2-layer MNIST MLP for 400 steps each. */
const EXPERIMENT = { timeout: 300_000, interval: 500 };

describe('Predict, then run, as a learner', () => {
  const app = useApp();

  test(
    'commit a prediction, run the experiment, see the prediction beside the result, keep it after a reload',
    { timeout: 420_000 },
    async () => {
      await app.open('#/lessons/signal-propagation');
      const page = app.page;
      const experiment = page.getByRole('region', {
        name: 'Experiment A deep network that never leaves the starting line',
      });
      const prediction = experiment.getByRole('region', { name: /^Predict first/ });
      await prediction.waitFor();

      await prediction.getByRole('radio', { name: 'About chance: under 20 %' }).check();
      await prediction.getByRole('button', { name: 'Commit prediction' }).click();
      const outcome = prediction.getByRole('status');
      expect(await outcome.innerText()).toMatch(/Your prediction\s+About chance: under 20 %/);
      expect(await prediction.getByRole('radio').count()).toBe(0);

      await experiment.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => outcome.innerText(), EXPERIMENT).toMatch(/Your prediction held\./);
      expect(await outcome.innerText()).toMatch(
        /Your runs: Validation accuracy of “20 layers” after its last step\s+\d+\.\d %/,
      );

      await app.reload();
      const again = page
        .getByRole('region', {
          name: 'Experiment A deep network that never leaves the starting line',
        })
        .getByRole('region', { name: /^Predict first/ });
      expect(await again.getByRole('status').innerText()).toMatch(
        /Your prediction\s+About chance: under 20 %/,
      );
      expect(await again.getByRole('button', { name: 'Commit prediction' }).count()).toBe(0);
    },
  );
});
