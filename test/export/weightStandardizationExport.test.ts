import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/model/buildModel';
import type { ModelSpec } from '../../src/engine/model/spec';
import { createRng } from '../../src/engine/rng';
import { modelCode } from '../../src/export/python/modelCode';
import { expectClose } from '../helpers/fixtures';
import { randomTensor } from '../helpers/gradcheck';
import { runExportedNets } from '../helpers/torchPython';
import { cnnSpec, mlpSpec } from '../engine/model/specFixtures';

/** GroupNorm (2 groups) after standardized weights, in every network below. */
const STANDARDIZED = {
  norm: { kind: 'groupNorm', groups: 2 },
  weightStandardization: true,
} as const;
const MLP_SIZE = { inputSize: 12, numClasses: 3, depth: 2, width: 8 };

const SPECS: Record<string, ModelSpec> = {
  'MLP, GroupNorm, standardized weights': mlpSpec(MLP_SIZE, STANDARDIZED),
  'residual MLP, GroupNorm, standardized weights': mlpSpec(MLP_SIZE, {
    ...STANDARDIZED,
    residual: true,
  }),
  'CNN, GroupNorm, standardized weights': cnnSpec(
    { inputShape: [1, 6, 6], numClasses: 3, stemChannels: 4, blocks: 1 },
    STANDARDIZED,
  ),
};

/**
 * The exported Net with the engine's weights loaded (every parameter offset so that its rows are
 * far from standardized), run in real torch on the same inputs: its logits must be the engine's.
 */
describe('the PyTorch export of weight standardization', () => {
  it('StdLinear and StdConv2d give the engine’s outputs in real torch', () => {
    const cases = Object.entries(SPECS).map(([name, spec]) => {
      const model = buildModel(spec, createRng(4));
      for (const p of model.params()) {
        if (p.role === 'weight') p.value.data.forEach((v, i, w) => (w[i] = 0.5 * v + 0.3));
      }
      const shape = spec.family === 'cnn' ? [5, ...spec.inputShape] : [5, spec.inputSize];
      const x = randomTensor(shape, 8);
      const logits = Array.from(model.forward(x, 'eval').data);
      const state = Object.fromEntries(
        Object.entries(model.stateDict()).map(([key, value]) => [key, Array.from(value)]),
      );
      return { name, code: modelCode(spec), state, x: Array.from(x.data), shape, logits };
    });
    const results = runExportedNets(cases, 'eval');
    cases.forEach((c, i) => {
      const result = results[i]!;
      expectClose(result.logits, c.logits, { rtol: 1e-4, atol: 1e-5 }, `${c.name} logits`);
      const standardized = result.modules.filter((m) => m.startsWith('Std'));
      expect(standardized.length, c.name).toBeGreaterThanOrEqual(2);
    });
  });
});
