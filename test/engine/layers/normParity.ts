import { expect } from 'vitest';
import type { Layer } from '../../../src/engine/layers/layer';
import type { GroupedNorm } from '../../../src/engine/layers/normCore';
import { tensor, type Tensor } from '../../../src/engine/tensor';
import { expectClose, SINGLE_OP, type FixtureCase } from '../../helpers/fixtures';

/**
 * A LayerNorm, GroupNorm or InstanceNorm built from a PyTorch fixture's config, against that
 * fixture: PyTorch's eps, γ and β loaded from it, then y, dx, dγ and dβ compared.
 */
export function expectGroupedNormParity(norm: GroupedNorm, f: FixtureCase): void {
  const input = (key: string) => f.inputs[key]!;
  expect(f.config['eps']).toBe(norm.eps);
  expect(norm.weight.value.shape).toEqual(input('gamma').shape);
  norm.weight.value.data.set(input('gamma').data);
  norm.bias.value.data.set(input('beta').data);
  const y = norm.forward(tensor(input('x').shape, input('x').data), 'train');
  expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
  const dx = norm.backward(tensor(input('grad_out').shape, input('grad_out').data));
  expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
  expectClose(norm.weight.grad.data, f.outputs['grad_gamma']!, SINGLE_OP, 'grad_gamma');
  expectClose(norm.bias.grad.data, f.outputs['grad_beta']!, SINGLE_OP, 'grad_beta');
}

/**
 * What a norm over each sample on its own promises (LayerNorm, GroupNorm, RMSNorm, InstanceNorm):
 * eval mode gives what train mode gives, and the first sample normalized alone gives what it gave
 * among its batch-mates. Returns the train-mode output.
 */
export function expectPerSampleNorm(norm: Pick<Layer, 'forward'>, x: Tensor): number[] {
  const train = Array.from(norm.forward(x, 'train').data);
  expect(Array.from(norm.forward(x, 'eval').data)).toEqual(train);
  const size = x.data.length / x.shape[0]!;
  const alone = norm.forward(tensor([1, ...x.shape.slice(1)], x.data.subarray(0, size)), 'train');
  expect(Array.from(alone.data)).toEqual(train.slice(0, size));
  return train;
}
