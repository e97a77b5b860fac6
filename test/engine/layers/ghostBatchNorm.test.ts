import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  BatchNorm1d,
  BatchNorm2d,
  GhostBatchOfOneError,
  type BatchNorm,
} from '../../../src/engine/layers/batchNorm';
import { zeroGrad } from '../../../src/engine/layers/layer';
import { tensor, type Tensor } from '../../../src/engine/tensor';
import { expectClose, SINGLE_OP } from '../../helpers/fixtures';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { TORCH_TEST_TIMEOUT_MS, torchPython } from '../../helpers/torchPython';

interface Reference {
  y: number[][];
  grad_x: number[];
  grad_gamma: number[];
  grad_beta: number[];
  running_mean: number[];
  running_var: number[];
  num_batches_tracked: number;
}

interface Case {
  x: Tensor;
  dy: Tensor;
  gamma: Tensor;
  beta: Tensor;
  ghost: number;
}

/**
 * Ghost batches in PyTorch are nn.BatchNorm applied to each part of x.split(g) in turn, the parts
 * concatenated: that is the reference, in float64, with two training forwards (running statistics
 * after both) and the backward of the second.
 */
function torchReferences(cases: readonly Case[]): Reference[] {
  const program = `
import json, sys, torch
out = []
for a in json.load(sys.stdin):
    shape = a["x_shape"]
    bn = (torch.nn.BatchNorm1d if len(shape) < 4 else torch.nn.BatchNorm2d)(shape[1]).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(a["gamma"], dtype=torch.float64))
        bn.bias.copy_(torch.tensor(a["beta"], dtype=torch.float64))
    x = torch.tensor(a["x"], dtype=torch.float64).reshape(shape).requires_grad_()
    ys = []
    for _ in range(2):
        y = torch.cat([bn(part) for part in x.split(a["ghost"])])
        ys.append(y.flatten().tolist())
    y.backward(torch.tensor(a["dy"], dtype=torch.float64).reshape(shape))
    out.append({"y": ys, "grad_x": x.grad.flatten().tolist(),
                "grad_gamma": bn.weight.grad.tolist(), "grad_beta": bn.bias.grad.tolist(),
                "running_mean": bn.running_mean.tolist(), "running_var": bn.running_var.tolist(),
                "num_batches_tracked": int(bn.num_batches_tracked)})
print(json.dumps(out))
`;
  const input = JSON.stringify(
    cases.map((c) => ({
      x: Array.from(c.x.data),
      x_shape: c.x.shape,
      dy: Array.from(c.dy.data),
      gamma: Array.from(c.gamma.data),
      beta: Array.from(c.beta.data),
      ghost: c.ghost,
    })),
  );
  return JSON.parse(
    execFileSync(torchPython(), ['-c', program], { input, encoding: 'utf8' }),
  ) as Reference[];
}

function makeCase(shape: readonly number[], ghost: number, seed: number): Case {
  const x = randomTensor(shape, seed, 2);
  // Each sample its own offset, so ghost batches really have different statistics.
  const perSample = x.data.length / shape[0]!;
  for (let i = 0; i < x.data.length; i++) x.data[i]! += Math.floor(i / perSample) * 0.8 - 1;
  const channels = shape[1]!;
  return {
    x,
    dy: randomTensor(shape, seed + 1),
    gamma: tensor(
      [channels],
      Array.from(randomTensor([channels], seed + 2).data, (v) => 1 + 0.5 * v),
    ),
    beta: randomTensor([channels], seed + 3),
    ghost,
  };
}

function build(c: Case): BatchNorm {
  const options = { ghostBatchSize: c.ghost };
  const bn =
    c.x.shape.length === 4
      ? new BatchNorm2d(c.x.shape[1]!, options)
      : new BatchNorm1d(c.x.shape[1]!, options);
  bn.weight.value.data.set(c.gamma.data);
  bn.bias.value.data.set(c.beta.data);
  return bn;
}

describe('BatchNorm with ghost batches', () => {
  it(
    'matches nn.BatchNorm on each part of x.split(g): outputs, gradients, running statistics',
    () => {
      const cases = [
        makeCase([10, 3], 4, 1), // ghost batches of 4, 4 and 2
        makeCase([6, 2, 3, 3], 2, 11), // BatchNorm2d, three ghost batches of 2
        makeCase([8, 2, 5], 4, 21), // BatchNorm1d on [N, C, L]
      ];
      const refs = torchReferences(cases);
      cases.forEach((c, i) => {
        const ref = refs[i]!;
        const bn = build(c);
        const where = `case ${i} (${c.x.shape.join('×')}, ghost ${c.ghost})`;
        expectClose(bn.forward(c.x, 'train').data, ref.y[0]!, SINGLE_OP, `${where} first y`);
        zeroGrad(bn);
        expectClose(bn.forward(c.x, 'train').data, ref.y[1]!, SINGLE_OP, `${where} second y`);
        expectClose(bn.backward(c.dy).data, ref.grad_x, SINGLE_OP, `${where} dx`);
        expectClose(bn.weight.grad.data, ref.grad_gamma, SINGLE_OP, `${where} dγ`);
        expectClose(bn.bias.grad.data, ref.grad_beta, SINGLE_OP, `${where} dβ`);
        expectClose(
          bn.runningMean.value.data,
          ref.running_mean,
          SINGLE_OP,
          `${where} running_mean`,
        );
        expectClose(bn.runningVar.value.data, ref.running_var, SINGLE_OP, `${where} running_var`);
        expect(bn.numBatchesTracked.value.data[0]).toBe(ref.num_batches_tracked);
      });
    },
    TORCH_TEST_TIMEOUT_MS,
  );

  it('changes only the statistics: eval mode is the same as without ghost batches', () => {
    const c = makeCase([8, 3], 2, 5);
    const ghost = build(c);
    const plain = build({ ...c, ghost: 8 });
    ghost.runningMean.value.data.set([0.3, -1, 2]);
    plain.runningMean.value.data.set([0.3, -1, 2]);
    expect(Array.from(ghost.forward(c.x, 'eval').data)).toEqual(
      Array.from(plain.forward(c.x, 'eval').data),
    );
    // …and in train mode the outputs differ, since each ghost batch has its own mean.
    const a = ghost.forward(c.x, 'train').data;
    const b = plain.forward(c.x, 'train').data;
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeGreaterThan(0.1);
  });

  it('reports as the batch statistics the average over its ghost batches of each one’s own', () => {
    const c = makeCase([6, 3], 2, 7);
    const bn = build(c);
    bn.forward(c.x, 'train');
    const stats = bn.lastBatchStats!;
    expect([stats.ghostBatches, stats.batchSize]).toEqual([3, 6]);
    // By hand: ghost batch k holds samples 2k and 2k + 1.
    for (let ch = 0; ch < 3; ch++) {
      const pairs = [0, 1, 2].map((k) => [
        c.x.data[2 * k * 3 + ch]!,
        c.x.data[(2 * k + 1) * 3 + ch]!,
      ]);
      const mean = pairs.reduce((s, [a, b]) => s + (a! + b!) / 2, 0) / 3;
      const biased = pairs.reduce((s, [a, b]) => s + ((a! - b!) / 2) ** 2, 0) / 3;
      expect(stats.mean[ch]).toBeCloseTo(mean, 5);
      expect(stats.var[ch]).toBeCloseTo(biased, 5);
      expect(stats.varUnbiased[ch]).toBeCloseTo(2 * biased, 5);
    }
  });

  it('a ghost batch as large as the batch is plain BatchNorm, bit for bit', () => {
    const c = makeCase([6, 4], 6, 9);
    const plain = new BatchNorm1d(4);
    plain.weight.value.data.set(c.gamma.data);
    plain.bias.value.data.set(c.beta.data);
    for (const size of [6, 50]) {
      const bn = build({ ...c, ghost: size });
      expect(Array.from(bn.forward(c.x, 'train').data)).toEqual(
        Array.from(plain.forward(c.x, 'train').data),
      );
    }
  });

  it('gradients: finite differences through three ghost batches', () => {
    const c = makeCase([7, 3], 3, 13); // 3, 3 and 1 sample… of 3 positions each (BatchNorm1d on [N, C, L])
    const bn = build({ ...c, x: randomTensor([7, 3, 3], 14) });
    gradcheck(bn, randomTensor([7, 3, 3], 14), { h: 1e-2 });
  });

  it('refuses a last ghost batch of one value and a ghost size below 2, saying what to choose', () => {
    const bn = new BatchNorm1d(2, { ghostBatchSize: 4 });
    expect(() => bn.forward(randomTensor([5, 2], 1), 'train')).toThrow(GhostBatchOfOneError);
    expect(() => bn.forward(randomTensor([5, 2], 1), 'train')).toThrow(
      /last ghost batch of 1 sample.*divides the batch size/,
    );
    expect(() => bn.forward(randomTensor([5, 2], 1), 'eval')).not.toThrow();
    expect(() => new BatchNorm1d(2, { ghostBatchSize: 1 })).toThrow(/at least 2 samples, got 1/);
  });
});
