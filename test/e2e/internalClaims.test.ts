import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { experimentBlock, runUntilEffectShown } from './lessonPage';

/** A single SGD step of two 40-layer MLPs; a 4-layer tanh network for 300 steps, twice. */
const TRAINING = { timeout: 400_000, interval: 500 };

describe('Claims about a network’s insides, shown to the learner from their own runs', () => {
  const app = useApp();

  test(
    'lesson 5: the gradient ratio between layers and the update-to-data ratio, measured after one step',
    { timeout: 600_000 },
    async () => {
      await app.open('#/lessons/going-deep?instructor=1');
      const experiment = experimentBlock(
        app.page,
        'One SGD step of a 40-layer MLP, with and without BatchNorm',
      );
      const text = await (await runUntilEffectShown(experiment, TRAINING.timeout)).innerText();
      // Each measured number, from the learner's own runs, beside what the lesson claims.
      expect(text).toMatch(/BatchNorm: ‖∂L\/∂W‖ of fc1 over fc40 at step 1 = [^;]+\(claimed ≥ /);
      expect(text).toMatch(/Plain: ‖∂L\/∂W‖ of fc1 over fc40 at step 1 = /);
      expect(text).toMatch(
        /median over the weight tensors of log10\(std Δw \/ std w\) at step 1 = /,
      );
    },
  );

  test(
    'lesson 2: the share of saturated tanh units, measured at the last step',
    { timeout: 600_000 },
    async () => {
      await app.open('#/lessons/initialization?instructor=1');
      const experiment = experimentBlock(app.page, 'A tanh network with weights 8× too wide');
      const text = await (await runUntilEffectShown(experiment, TRAINING.timeout)).innerText();
      expect(text).toMatch(
        /8× Xavier: saturated share averaged over the hidden layers at step 300 = .+\(claimed/,
      );
      expect(text).toMatch(
        /Xavier: saturated share averaged over the hidden layers at step 300 = /,
      );
    },
  );
});
