import { expect } from 'vitest';
import type { Layer, Mode } from '../../src/engine/layers/layer';
import { zeroGrad } from '../../src/engine/layers/layer';
import { createRng } from '../../src/engine/rng';
import { tensor, type Tensor } from '../../src/engine/tensor';

export interface GradcheckOptions {
  mode?: Mode;
  /** Finite-difference step. */
  h?: number;
  rtol?: number;
  atol?: number;
  seed?: number;
}

/**
 * Finite-difference check of a layer's backward. The scalar loss is L = Σ dy ⊙ forward(x) with a fixed
 * random dy, so backward(dy) must return ∂L/∂x and accumulate ∂L/∂θ for every parameter. Central
 * differences are summed in float64 from float32 outputs, hence the relatively loose default tolerance.
 */
export function gradcheck(layer: Layer, x: Tensor, options: GradcheckOptions = {}): void {
  const { mode = 'train', h = 1e-2, rtol = 2e-2, atol = 2e-3, seed = 7 } = options;
  const rng = createRng(seed);
  const y0 = layer.forward(x, mode);
  const dy = tensor(
    y0.shape,
    Array.from({ length: y0.data.length }, () => rng.normal()),
  );

  const loss = (): number => {
    const y = layer.forward(x, mode);
    let sum = 0;
    for (let i = 0; i < y.data.length; i++) sum += dy.data[i]! * y.data[i]!;
    return sum;
  };

  // Analytic gradients from one forward/backward. Copy them: later forwards may reuse buffers.
  zeroGrad(layer);
  layer.forward(x, mode);
  const dx = Float32Array.from(layer.backward(dy).data);
  const paramGrads = layer.params().map((p) => Float32Array.from(p.grad.data));

  const numeric = (values: Float32Array, index: number): number => {
    const saved = values[index]!;
    values[index] = saved + h;
    const plus = loss();
    values[index] = saved - h;
    const minus = loss();
    values[index] = saved;
    return (plus - minus) / (2 * h);
  };

  const compare = (what: string, analytic: Float32Array, values: Float32Array): void => {
    for (let i = 0; i < values.length; i++) {
      const expected = numeric(values, i);
      const actual = analytic[i]!;
      const ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
      if (!ok) {
        expect.fail(`${layer.label} ${what}[${i}]: analytic ${actual}, numeric ${expected}`);
      }
    }
  };

  compare('dx', dx, x.data);
  layer.params().forEach((p, k) => compare(`d${p.name}`, paramGrads[k]!, p.value.data));
}

/** A tensor of N(0, 1) values from a fixed seed. */
export function randomTensor(shape: readonly number[], seed = 1, scale = 1): Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(
    shape,
    Array.from({ length: n }, () => scale * rng.normal()),
  );
}
