import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/model/buildModel';
import type { ModelSpec } from '../../src/engine/model/spec';
import { createRng } from '../../src/engine/rng';
import { modelCode } from '../../src/export/python/modelCode';
import { expectClose } from '../helpers/fixtures';
import { randomTensor } from '../helpers/gradcheck';
import { torchPython } from '../helpers/torchPython';
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
    const program = `
import json, sys, torch
import torch.nn as nn
out = []
for case in json.load(sys.stdin):
    scope = {"torch": torch, "nn": nn}
    exec(case["code"], scope)
    net = scope["Net"]()
    state = {k: torch.tensor(v).reshape(net.state_dict()[k].shape).to(net.state_dict()[k].dtype) for k, v in case["state"].items()}
    net.load_state_dict(state)
    net.train()
    with torch.no_grad():
        y = net(torch.tensor(case["x"]).reshape(case["shape"]))
    after = {k: v.flatten().tolist() for k, v in net.state_dict().items() if k in case["after"]}
    ghosts = [type(m).__name__ for m in net.modules() if type(m).__name__.startswith("GhostBatchNorm")]
    out.append({"logits": y.flatten().tolist(), "after": after, "ghosts": ghosts})
print(json.dumps(out))
`;
    const results = JSON.parse(
      execFileSync(torchPython(), ['-c', program], {
        input: JSON.stringify(cases),
        encoding: 'utf8',
      }),
    ) as { logits: number[]; after: Record<string, number[]>; ghosts: string[] }[];
    cases.forEach((c, i) => {
      const result = results[i]!;
      expect(result.ghosts.length, c.name).toBeGreaterThanOrEqual(2);
      expectClose(result.logits, c.logits, { rtol: 1e-4, atol: 1e-5 }, `${c.name} logits`);
      expect(Object.keys(result.after).sort(), c.name).toEqual(Object.keys(c.after).sort());
      for (const [key, values] of Object.entries(c.after)) {
        expectClose(result.after[key]!, values, { rtol: 1e-5, atol: 1e-6 }, `${c.name} ${key}`);
      }
    });
  });
});
