import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/model/buildModel';
import type { ModelSpec } from '../../src/engine/model/spec';
import { createRng } from '../../src/engine/rng';
import { modelCode } from '../../src/export/python/modelCode';
import { expectClose } from '../helpers/fixtures';
import { recalibrateBatchNorm } from '../../src/engine/model/recalibrateBatchNorm';
import type { Tensor } from '../../src/engine/tensor';
import { randomTensor } from '../helpers/gradcheck';
import { runExportedNets } from '../helpers/torchPython';
import { cnnSpec, mlpSpec } from '../engine/model/specFixtures';

/** BatchNorm over ghost batches of 4: a batch of 10 makes ghost batches of 4, 4 and 2. */
const GHOST = { norm: { kind: 'batchNorm', ghostBatch: 4 } } as const;
const BATCH = 10;

const SPECS: Record<string, ModelSpec> = {
  MLP: mlpSpec({ inputSize: 12, numClasses: 3, depth: 2, width: 8 }, GHOST),
  'residual MLP': mlpSpec(
    { inputSize: 12, numClasses: 3, depth: 2, width: 8 },
    { ...GHOST, residual: true },
  ),
  CNN: cnnSpec({ inputShape: [1, 6, 6], numClasses: 3, stemChannels: 4, blocks: 1 }, GHOST),
};

/** A batch of BATCH samples for `spec`, offset so every ghost batch's mean is far from the running mean's start at 0. */
function offsetBatch(spec: ModelSpec, seed: number): Tensor {
  const shape = spec.family === 'cnn' ? [BATCH, ...spec.inputShape] : [BATCH, spec.inputSize];
  const x = randomTensor(shape, seed);
  x.data.forEach((v, i, d) => (d[i] = 2 * v + 0.5));
  return x;
}

const stateOf = (model: ReturnType<typeof buildModel>) =>
  Object.fromEntries(
    Object.entries(model.stateDict()).map(([key, value]) => [key, Array.from(value)]),
  );

/**
 * The exported Net with the engine's weights loaded, run in real torch in training mode on the same
 * batch: its logits (each ghost batch normalized with its own statistics) and the running statistics
 * it leaves (moved once per ghost batch, in order) must be the engine's.
 */
describe('the PyTorch export of ghost batches', () => {
  it('GhostBatchNorm1d and GhostBatchNorm2d train as the engine does in real torch', () => {
    const cases = Object.entries(SPECS).map(([name, spec]) => {
      const model = buildModel(spec, createRng(4));
      const state = stateOf(model);
      const x = offsetBatch(spec, 8);
      const shape = [...x.shape];
      const logits = Array.from(model.forward(x, 'train').data);
      const after = Object.fromEntries(
        Object.entries(model.stateDict())
          .filter(([key]) => /running_(mean|var)|num_batches_tracked/.test(key))
          .map(([key, value]) => [key, Array.from(value)]),
      );
      return { name, code: modelCode(spec), state, x: Array.from(x.data), shape, logits, after };
    });
    const results = runExportedNets(cases, 'train');
    cases.forEach((c, i) => {
      const result = results[i]!;
      const ghosts = result.modules.filter((m) => m.startsWith('GhostBatchNorm'));
      expect(ghosts.length, c.name).toBeGreaterThanOrEqual(2);
      expectClose(result.logits, c.logits, { rtol: 1e-4, atol: 1e-5 }, `${c.name} logits`);
      expect(Object.keys(result.state), c.name).toEqual(
        expect.arrayContaining(Object.keys(c.after)),
      );
      for (const [key, values] of Object.entries(c.after)) {
        expectClose(result.state[key]!, values, { rtol: 1e-5, atol: 1e-6 }, `${c.name} ${key}`);
      }
    });
  });

  it('recalibrating over ghost batches gives what update_bn gives on GhostBatchNorm in real torch', () => {
    // update_bn sets momentum None, so each BatchNorm call, i.e. each ghost batch (4, 4 and 2 of a
    // batch of 10), counts once in a plain average; the engine's precise BN must count them the same.
    const cases = Object.entries(SPECS).map(([name, spec]) => {
      const model = buildModel(spec, createRng(4));
      // Statistics from earlier training, which both recalibrations discard.
      model.forward(offsetBatch(spec, 30), 'train');
      const state = stateOf(model);
      const batches = [11, 12, 13].map((seed) => offsetBatch(spec, seed));
      recalibrateBatchNorm(model, batches);
      const x = offsetBatch(spec, 8);
      const after = Object.fromEntries(
        Object.entries(stateOf(model)).filter(([key]) =>
          /running_(mean|var)|num_batches_tracked/.test(key),
        ),
      );
      return {
        name,
        code: modelCode(spec),
        state,
        x: Array.from(x.data),
        shape: [...x.shape],
        updateBn: batches.map((b) => Array.from(b.data)),
        logits: Array.from(model.forward(x, 'eval').data),
        after,
      };
    });
    const results = runExportedNets(cases, 'eval');
    cases.forEach((c, i) => {
      const result = results[i]!;
      expect(Object.keys(c.after).length, c.name).toBeGreaterThanOrEqual(6);
      for (const [key, values] of Object.entries(c.after)) {
        if (key.endsWith('num_batches_tracked')) expect(values, `${c.name} ${key}`).toEqual([9]);
        expectClose(result.state[key]!, values, { rtol: 1e-5, atol: 1e-6 }, `${c.name} ${key}`);
      }
      // Eval mode normalizes with the recalibrated statistics: the logits agree too.
      expectClose(result.logits, c.logits, { rtol: 1e-4, atol: 1e-5 }, `${c.name} eval logits`);
    });
  });
});
