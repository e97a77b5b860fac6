import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/model/buildModel';
import type { ModelSpec } from '../../src/engine/model/spec';
import { createRng } from '../../src/engine/rng';
import { modelCode } from '../../src/export/python/modelCode';
import { expectClose } from '../helpers/fixtures';
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

/**
 * The exported Net with the engine's weights loaded, run in real torch in training mode on the same
 * batch: its logits (each ghost batch normalized with its own statistics) and the running statistics
 * it leaves (moved once per ghost batch, in order) must be the engine's.
 */
describe('the PyTorch export of ghost batches', () => {
  it('GhostBatchNorm1d and GhostBatchNorm2d train as the engine does in real torch', () => {
    const cases = Object.entries(SPECS).map(([name, spec]) => {
      const model = buildModel(spec, createRng(4));
      const state = Object.fromEntries(
        Object.entries(model.stateDict()).map(([key, value]) => [key, Array.from(value)]),
      );
      const shape = spec.family === 'cnn' ? [BATCH, ...spec.inputShape] : [BATCH, spec.inputSize];
      // Offset inputs, so that every ghost batch's mean is far from the running mean's start at 0.
      const x = randomTensor(shape, 8);
      x.data.forEach((v, i, d) => (d[i] = 2 * v + 0.5));
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
});
