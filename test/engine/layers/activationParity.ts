import { expect, it } from 'vitest';
import type { Elementwise } from '../../../src/engine/layers/elementwise';
import { tensor } from '../../../src/engine/tensor';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';

/** Forward and backward of an activation layer against one of the act_* PyTorch fixtures. */
export function expectActivationParity(layer: Elementwise, fixture: string): void {
  const f = loadFixture(fixture);
  const x = tensor(f.inputs['x']!.shape, f.inputs['x']!.data);
  const y = layer.forward(x, 'train');
  expect(y.shape).toEqual(f.outputs['y']!.shape);
  expectClose(y.data, f.outputs['y']!, SINGLE_OP, `${fixture} y`);
  const dx = layer.backward(tensor(f.inputs['grad_out']!.shape, f.inputs['grad_out']!.data));
  expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, `${fixture} grad_x`);
}

/** N(0, 1) values pushed at least `gap` away from 0, so finite differences never straddle a kink. */
export function awayFromZero(values: Float32Array, gap: number): Float32Array {
  return values.map((v) => (v < 0 ? v - gap : v + gap));
}

/**
 * The checks every smooth activation passes, inside its describe: forward and backward against its
 * PyTorch fixture, finite differences on an odd shape, and the kind the probes read.
 */
export function itIsASmoothActivation(
  make: () => Elementwise,
  kind: string,
  fixture: string,
  seed: number,
): void {
  it(`matches PyTorch (${fixture} fixture)`, () => {
    expectActivationParity(make(), fixture);
  });

  it('gradients: finite differences on an odd shape', () => {
    gradcheck(make(), randomTensor([3, 5, 7], seed));
  });

  it('exposes its kind for the probes', () => {
    expect(make().kind).toBe(kind);
  });
}
