import { describe, expect, it } from 'vitest';
import { TORCH_TEST_TIMEOUT_MS } from '../../helpers/torchPython';
import { WeightAverage } from '../../../src/engine/model/averageWeights';
import { buildModel } from '../../../src/engine/model/buildModel';
import { createRng } from '../../../src/engine/rng';
import { mlpSpec } from './specFixtures';
import { runReference } from './torchReference';

const spec = mlpSpec({ inputSize: 4, numClasses: 3, depth: 1, width: 5 }, { bias: false });

/** Three networks with different weights and running statistics. */
const models = [11, 12, 13].map((seed) => {
  const model = buildModel(spec, createRng(seed));
  for (const b of model.buffers()) b.value.data.fill(seed);
  return model;
});

describe('WeightAverage (SWA)', () => {
  it('gives the plain mean of every parameter and leaves the target’s running statistics alone', () => {
    const average = new WeightAverage();
    for (const m of models) average.add(m);
    expect(average.count).toBe(3);
    const target = buildModel(spec, createRng(99));
    for (const b of target.buffers()) b.value.data.fill(7);
    average.applyTo(target);
    const states = models.map((m) => m.stateDict());
    for (const p of target.params()) {
      p.value.data.forEach((v, i) => {
        const mean = states.reduce((sum, s) => sum + s[p.name]![i]!, 0) / 3;
        expect(v).toBeCloseTo(mean, 6);
      });
    }
    for (const b of target.buffers())
      expect(Array.from(b.value.data).every((v) => v === 7)).toBe(true);
  });

  it('refuses an empty average and a model of another shape', () => {
    expect(() => new WeightAverage().applyTo(models[0]!)).toThrow(/no model was added/);
    const average = new WeightAverage();
    average.add(models[0]!);
    const wider = buildModel({ ...spec, width: 6 }, createRng(1));
    expect(() => average.add(wider)).toThrow(/'fc1.weight' has 24 values, the average 20/);
  });
});

describe('WeightAverage matches torch.optim.swa_utils.AveragedModel', () => {
  it(
    'gives the averaged parameters of update_parameters over the same three networks',
    async () => {
      const snapshots = models.map((m) =>
        Object.fromEntries(m.params().map((p) => [p.name, Array.from(p.value.data)])),
      );
      const torch = (await runReference('averaged_model.py', { snapshots })) as Record<
        string,
        number[]
      >;
      const average = new WeightAverage();
      for (const m of models) average.add(m);
      const target = buildModel(spec, createRng(99));
      average.applyTo(target);
      const mine = target.stateDict();
      expect(Object.keys(torch).sort()).toEqual(
        target
          .params()
          .map((p) => p.name)
          .sort(),
      );
      for (const [name, expected] of Object.entries(torch)) {
        expected.forEach((e, i) => expect(Math.abs(mine[name]![i]! - e), name).toBeLessThan(1e-6));
      }
    },
    TORCH_TEST_TIMEOUT_MS,
  );
});
