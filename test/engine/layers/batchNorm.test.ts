import { describe, expect, it } from 'vitest';
import {
  BatchNorm1d,
  BatchNorm2d,
  BatchOfOneError,
  type BatchNorm,
} from '../../../src/engine/layers/batchNorm';
import type { Mode } from '../../../src/engine/layers/layer';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

const HAND = { rtol: 1e-6, atol: 1e-6 };

function fixtureParity(name: string, make: (channels: number) => BatchNorm, mode: Mode): void {
  const f = loadFixture(name);
  const input = (key: string) => f.inputs[key]!;
  const bn = make(input('gamma').shape[0]!);
  bn.weight.value.data.set(input('gamma').data);
  bn.bias.value.data.set(input('beta').data);
  bn.runningMean.value.data.set(input('running_mean').data);
  bn.runningVar.value.data.set(input('running_var').data);
  expect(f.config['eps']).toBe(bn.eps);
  expect(f.config['momentum']).toBe(bn.momentum);
  expect(f.config['training']).toBe(mode === 'train');

  const y = bn.forward(tensor(input('x').shape, input('x').data), mode);
  expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
  const dx = bn.backward(tensor(input('grad_out').shape, input('grad_out').data));
  expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
  expectClose(bn.weight.grad.data, f.outputs['grad_gamma']!, SINGLE_OP, 'grad_gamma');
  expectClose(bn.bias.grad.data, f.outputs['grad_beta']!, SINGLE_OP, 'grad_beta');
  expectClose(bn.runningMean.value.data, f.outputs['running_mean']!, SINGLE_OP, 'running_mean');
  expectClose(bn.runningVar.value.data, f.outputs['running_var']!, SINGLE_OP, 'running_var');
  expect(Array.from(bn.numBatchesTracked.value.data)).toEqual(
    f.outputs['num_batches_tracked']!.data,
  );
  if (mode === 'train') {
    const stats = bn.lastBatchStats!;
    expectClose(stats.mean, f.outputs['batch_mean']!, SINGLE_OP, 'batch_mean');
    expectClose(stats.var, f.outputs['batch_var']!, SINGLE_OP, 'batch_var');
    expectClose(
      stats.varUnbiased,
      f.outputs['batch_var_unbiased']!,
      SINGLE_OP,
      'batch_var_unbiased',
    );
  } else {
    expect(bn.lastBatchStats).toBeUndefined();
  }
}

/** γ, β and running statistics away from their defaults, so a test cannot pass by ignoring them. */
function randomised<T extends BatchNorm>(bn: T, seed: number): T {
  const c = bn.numFeatures;
  bn.weight.value.data.set(randomTensor([c], seed, 0.5).data.map((v) => 1 + v));
  bn.bias.value.data.set(randomTensor([c], seed + 1, 0.5).data);
  bn.runningMean.value.data.set(randomTensor([c], seed + 2, 0.3).data);
  bn.runningVar.value.data.set(randomTensor([c], seed + 3, 0.3).data.map((v) => 1 + Math.abs(v)));
  return bn;
}

describe('BatchNorm', () => {
  it('forward (train): hand-worked [4, 2] batch with biased variance, eps 0', () => {
    const bn = new BatchNorm1d(2, { eps: 0 });
    bn.weight.value.data.set([2, -0.5]);
    bn.bias.value.data.set([0.25, 1]);
    // channel 0: [-1, 1, -7, 7]: μ 0, σ² (1 + 1 + 49 + 49)/4 = 25, x̂ = [-0.2, 0.2, -1.4, 1.4]
    // channel 1: [3, 9, 11, 17]: μ 10, σ² (49 + 1 + 1 + 49)/4 = 25, x̂ = [-1.4, -0.2, 0.2, 1.4]
    const x = tensor([4, 2], [-1, 3, 1, 9, -7, 11, 7, 17]);
    const y = bn.forward(x, 'train');
    // y0 = 2 x̂ + 0.25 = [-0.15, 0.65, -2.55, 3.05]; y1 = -0.5 x̂ + 1 = [1.7, 1.1, 0.9, 0.3]
    expectClose(y.data, [-0.15, 1.7, 0.65, 1.1, -2.55, 0.9, 3.05, 0.3], HAND, 'y');
  });

  it('train step: running = 0.9 running + 0.1 batch with the unbiased variance; counts batches', () => {
    const bn = new BatchNorm1d(2);
    bn.forward(tensor([4, 2], [-1, 3, 1, 9, -7, 11, 7, 17]), 'train');
    // running_mean = 0.9·0 + 0.1·[0, 10] = [0, 1]
    expectClose(bn.runningMean.value.data, [0, 1], HAND, 'running_mean');
    // unbiased σ² = 25·4/3 = 100/3; running_var = 0.9·1 + 0.1·100/3 = 4.2333…
    expectClose(bn.runningVar.value.data, [0.9 + 10 / 3, 0.9 + 10 / 3], HAND, 'running_var');
    expect(Array.from(bn.numBatchesTracked.value.data)).toEqual([1]);
    expect(bn.numBatchesTracked.value.shape).toEqual([]);
    expectClose(bn.lastBatchStats!.mean, [0, 10], HAND, 'batch mean');
    expectClose(bn.lastBatchStats!.var, [25, 25], HAND, 'batch var');
    expectClose(bn.lastBatchStats!.varUnbiased, [100 / 3, 100 / 3], HAND, 'batch var unbiased');
    bn.forward(tensor([4, 2], [-1, 3, 1, 9, -7, 11, 7, 17]), 'train');
    expect(Array.from(bn.numBatchesTracked.value.data)).toEqual([2]);
    // 0.9·1 + 0.1·10 = 1.9
    expectClose(bn.runningMean.value.data, [0, 1.9], HAND, 'running_mean after two steps');
  });

  it('forward (eval): hand-worked, normalises with the running statistics and leaves them alone', () => {
    const bn = new BatchNorm1d(2, { eps: 0 });
    bn.weight.value.data.set([2, -0.5]);
    bn.bias.value.data.set([0.25, 1]);
    bn.runningMean.value.data.set([1, -2]);
    bn.runningVar.value.data.set([4, 0.25]);
    // channel 0: (x − 1)/2 on [5, 0] = [2, -0.5]; channel 1: (x + 2)/0.5 on [-1.5, -3] = [1, -2]
    const y = bn.forward(tensor([2, 2], [5, -1.5, 0, -3]), 'eval');
    // y0 = 2 x̂ + 0.25 = [4.25, -0.75]; y1 = -0.5 x̂ + 1 = [0.5, 2]
    expectClose(y.data, [4.25, 0.5, -0.75, 2], HAND, 'y');
    expect(Array.from(bn.runningMean.value.data)).toEqual([1, -2]);
    expect(Array.from(bn.runningVar.value.data)).toEqual([4, 0.25]);
    expect(Array.from(bn.numBatchesTracked.value.data)).toEqual([0]);
    expect(bn.lastBatchStats).toBeUndefined();
  });

  it('adds eps to the variance inside the square root, in train and in eval mode', () => {
    const bn = new BatchNorm1d(1, { eps: 3 });
    // train: [-1, 1] has σ² 1, so x̂ = ±1/√(1 + 3) = ±0.5
    expectClose(bn.forward(tensor([2, 1], [-1, 1]), 'train').data, [-0.5, 0.5], HAND, 'train');
    bn.runningMean.value.data.set([0]);
    bn.runningVar.value.data.set([1]);
    // eval: (2 − 0)/√(1 + 3) = 1
    expectClose(bn.forward(tensor([1, 1], [2]), 'eval').data, [1], HAND, 'eval');
  });

  it('BatchNorm2d: statistics per channel over N, H and W (hand-worked [2, 2, 1, 2])', () => {
    const bn = new BatchNorm2d(2, { eps: 0 });
    // channel 0 holds x[0,0,:,:] = [-1, 1] and x[1,0,:,:] = [-7, 7]: μ 0, σ² 25
    // channel 1 holds [3, 9] and [11, 17]: μ 10, σ² 25
    const y = bn.forward(tensor([2, 2, 1, 2], [-1, 1, 3, 9, -7, 7, 11, 17]), 'train');
    expectClose(y.data, [-0.2, 0.2, -1.4, -0.2, -1.4, 1.4, 0.2, 1.4], HAND, 'y');
  });

  it('backward (train): a constant or x̂-shaped upstream gradient gives dx = 0', () => {
    // y is invariant to shifting or scaling a channel's inputs, so these directions carry no gradient.
    const bn = randomised(new BatchNorm2d(3), 11);
    const x = randomTensor([2, 3, 2, 3], 12);
    bn.forward(x, 'train');
    const constant = tensor(x.shape, new Float32Array(x.data.length).fill(0.7));
    for (const v of bn.backward(constant).data) expect(Math.abs(v)).toBeLessThan(1e-6);
    // dβ = Σ dy = 0.7·12 per channel; dγ = Σ 0.7 x̂ = 0
    expectClose(bn.bias.grad.data, [8.4, 8.4, 8.4], HAND, 'dβ');
    for (const v of bn.weight.grad.data) expect(Math.abs(v)).toBeLessThan(1e-5);
  });

  it('backward (eval): dx = γ dy / √(running_var + eps), the statistics being constants', () => {
    const bn = new BatchNorm1d(2, { eps: 0 });
    bn.weight.value.data.set([2, -0.5]);
    bn.runningVar.value.data.set([4, 0.25]);
    bn.forward(tensor([2, 2], [5, -1.5, 0, -3]), 'eval');
    const dx = bn.backward(tensor([2, 2], [1, 1, 1, 1]));
    // channel 0: 2/2 = 1; channel 1: -0.5/0.5 = -1 (a constant dy would give 0 in train mode)
    expectClose(dx.data, [1, -1, 1, -1], HAND, 'dx');
  });

  it('frozen (bn.eval() while the model trains): eval-mode forward and backward, statistics kept', () => {
    const x = randomTensor([3, 4], 7, 2);
    const dy = randomTensor([3, 4], 8);
    const frozen = new BatchNorm1d(4);
    const evaluated = new BatchNorm1d(4);
    for (const bn of [frozen, evaluated]) {
      bn.weight.value.data.set([2, -0.5, 1, 3]);
      bn.runningMean.value.data.set([1, -1, 0.5, 0]);
      bn.runningVar.value.data.set([4, 0.25, 1, 9]);
    }
    frozen.frozen = true;
    const y = Float32Array.from(frozen.forward(x, 'train').data);
    expect(Array.from(y)).toEqual(Array.from(evaluated.forward(x, 'eval').data));
    expect(Array.from(frozen.backward(dy).data)).toEqual(Array.from(evaluated.backward(dy).data));
    expect(Array.from(frozen.weight.grad.data)).toEqual(Array.from(evaluated.weight.grad.data));
    expect(Array.from(frozen.runningMean.value.data)).toEqual([1, -1, 0.5, 0]);
    expect(Array.from(frozen.runningVar.value.data)).toEqual([4, 0.25, 1, 9]);
    expect(frozen.numBatchesTracked.value.data[0]).toBe(0);
    expect(frozen.lastBatchStats).toBeUndefined();
    // A single sample trains through a frozen norm: it needs no batch statistics.
    expect(() => frozen.forward(tensor([1, 4]), 'train')).not.toThrow();
    frozen.frozen = false;
    expect(Array.from(frozen.forward(x, 'train').data)).not.toEqual(Array.from(y));
    expect(frozen.numBatchesTracked.value.data[0]).toBe(1);
  });

  it('matches PyTorch: batchnorm1d_train', () => {
    fixtureParity('batchnorm1d_train', (c) => new BatchNorm1d(c), 'train');
  });

  it('matches PyTorch: batchnorm1d_eval', () => {
    fixtureParity('batchnorm1d_eval', (c) => new BatchNorm1d(c), 'eval');
  });

  it('matches PyTorch: batchnorm2d_train', () => {
    fixtureParity('batchnorm2d_train', (c) => new BatchNorm2d(c), 'train');
  });

  it('matches PyTorch: batchnorm2d_eval', () => {
    fixtureParity('batchnorm2d_eval', (c) => new BatchNorm2d(c), 'eval');
  });

  it('gradients: finite differences on odd shapes in train and eval mode', () => {
    for (const mode of ['train', 'eval'] as const) {
      gradcheck(randomised(new BatchNorm2d(5), 1), randomTensor([3, 5, 7, 5], 2), { mode });
      gradcheck(randomised(new BatchNorm1d(5), 3), randomTensor([3, 5], 4), { mode });
      gradcheck(randomised(new BatchNorm1d(5), 5), randomTensor([3, 5, 7], 6), { mode });
    }
  });

  it('accumulates parameter gradients across backward calls', () => {
    const bn = new BatchNorm1d(2, { eps: 0 });
    const x = tensor([4, 2], [-1, 3, 1, 9, -7, 11, 7, 17]);
    const dy = tensor([4, 2], [1, 0, 2, 0, 0, 3, 0, 0]);
    for (let step = 0; step < 2; step++) {
      bn.forward(x, 'train');
      bn.backward(dy);
    }
    // dβ = 2 Σ dy = [6, 6]; dγ = 2 Σ dy x̂ = 2·[1·(-0.2) + 2·0.2, 3·0.2] = [0.4, 1.2]
    expectClose(bn.bias.grad.data, [6, 6], HAND, 'dβ');
    expectClose(bn.weight.grad.data, [0.4, 1.2], HAND, 'dγ');
  });

  it('eval output of a sample does not depend on its batch-mates; train output does', () => {
    const bn = randomised(new BatchNorm2d(3), 21);
    const sample = randomTensor([1, 3, 2, 2], 22).data;
    const batchWith = (mates: Float32Array) => {
      const data = new Float32Array(sample.length + mates.length);
      data.set(sample);
      data.set(mates, sample.length);
      return tensor([1 + mates.length / sample.length, 3, 2, 2], data);
    };
    const a = batchWith(randomTensor([2, 3, 2, 2], 23).data);
    const b = batchWith(randomTensor([3, 3, 2, 2], 24, 5).data);
    const firstSample = (mode: Mode, x: typeof a) =>
      Array.from(bn.forward(x, mode).data.subarray(0, sample.length));

    expect(firstSample('eval', a)).toEqual(firstSample('eval', b));
    const trainA = firstSample('train', a);
    const trainB = firstSample('train', b);
    expect(trainA.some((v, i) => Math.abs(v - trainB[i]!) > 1e-2)).toBe(true);
  });

  it('throws, explaining why, when training on one value per channel', () => {
    const explained =
      /Expected more than 1 value per channel when training, got input size \[1, 4\]\. .*variance of a single value is 0.*eval mode.*batch of more than one sample.*GroupNorm\/LayerNorm/;
    expect(() => new BatchNorm1d(4).forward(tensor([1, 4]), 'train')).toThrow(explained);
    expect(() => new BatchNorm1d(4).forward(tensor([1, 4]), 'train')).toThrow(BatchOfOneError);
    expect(() => new BatchNorm2d(3).forward(tensor([1, 3, 1, 1]), 'train')).toThrow(
      /BatchNorm2d\(3\): Expected more than 1 value per channel when training/,
    );
    // One sample with several positions, or one sample in eval mode, is fine.
    expect(() => new BatchNorm2d(3).forward(tensor([1, 3, 2, 1]), 'train')).not.toThrow();
    expect(() => new BatchNorm1d(4).forward(tensor([1, 4]), 'eval')).not.toThrow();
  });

  it('throws clear errors on wrong shapes and options', () => {
    expect(() => new BatchNorm2d(3).forward(tensor([2, 4, 5, 5]), 'train')).toThrow(
      /BatchNorm2d\(3\): expected 3 channels \(dim 1\), got shape \[2, 4, 5, 5\]/,
    );
    expect(() => new BatchNorm2d(3).forward(tensor([2, 3]), 'train')).toThrow(
      /BatchNorm2d\(3\): expected a 4-D input, got shape \[2, 3\]/,
    );
    expect(() => new BatchNorm1d(3).forward(tensor([2, 3, 4, 4]), 'train')).toThrow(
      /expected a 2-D or 3-D input/,
    );
    expect(() => new BatchNorm1d(0)).toThrow(/numFeatures must be a positive integer, got 0/);
    expect(() => new BatchNorm1d(3, { momentum: 1.5 })).toThrow(/momentum must be in \[0, 1\]/);
    expect(() => new BatchNorm1d(3, { eps: -1 })).toThrow(/eps must be a finite number ≥ 0/);
    const bn = new BatchNorm1d(3);
    expect(() => bn.backward(tensor([2, 3]))).toThrow(/backward called before forward/);
    bn.forward(tensor([2, 3]), 'train');
    expect(() => bn.backward(tensor([3, 3]))).toThrow(/expected a gradient of shape \[2, 3\]/);
  });

  it('describes itself: label, kind, parameter roles and PyTorch state_dict names', () => {
    const bn = new BatchNorm2d(64);
    expect(bn.label).toBe('BatchNorm2d(64)');
    expect(new BatchNorm1d(8).label).toBe('BatchNorm1d(8)');
    expect(bn.kind).toBe('batchNorm');
    expect(bn.params().map((p) => [p.name, p.role])).toEqual([
      ['weight', 'normScale'],
      ['bias', 'normShift'],
    ]);
    expect(bn.buffers().map((b) => b.name)).toEqual([
      'running_mean',
      'running_var',
      'num_batches_tracked',
    ]);
    expect(Array.from(bn.weight.value.data.subarray(0, 2))).toEqual([1, 1]);
    expect(Array.from(bn.runningVar.value.data.subarray(0, 2))).toEqual([1, 1]);
    expect(bn.eps).toBe(1e-5);
    expect(bn.momentum).toBe(0.1);
  });
});
