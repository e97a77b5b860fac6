import { afterEach, describe, expect, it } from 'vitest';
import { GlobalAvgPool2d } from '../../../src/engine/layers/globalAvgPool2d';
import { layerWasm, useLayerWasm } from '../../../src/engine/layers/layerWasm';
import { planeSums } from '../../../src/engine/layers/planeSums';
import { createRng } from '../../../src/engine/rng';
import { tensor } from '../../../src/engine/tensor';

afterEach(() => {
  useLayerWasm(true);
});

/** Values whose float64 sums depend on the order they are added in (mixed magnitudes and signs). */
function values(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, (_, i) => rng.normal() * 10 ** ((i % 7) - 3));
}

describe('planeSums', () => {
  it('hand-worked: two planes of three floats', () => {
    for (const wasm of [false, true]) {
      useLayerWasm(wasm);
      const sums = planeSums(Float32Array.from([1, 2, 3.5, -4, 0.25, 10]), 3);
      expect(Array.from(sums.subarray(0, 2))).toEqual([6.5, 6.25]);
    }
  });

  it('gives the bits of the JavaScript loop in the module, on planes of 1, 7, 196 and 197 floats', () => {
    expect(layerWasm()).toBeDefined();
    for (const spatial of [1, 7, 196, 197]) {
      const v = values(spatial * 11, spatial);
      useLayerWasm(false);
      const js = Float64Array.from(planeSums(v, spatial).subarray(0, 11));
      useLayerWasm(true);
      const wasm = Float64Array.from(planeSums(v, spatial).subarray(0, 11));
      expect(Array.from(wasm)).toEqual(Array.from(js));
    }
  });

  it('GlobalAvgPool2d averages with it: the same bits with and without the module', () => {
    const x = tensor([3, 5, 7, 6], values(3 * 5 * 7 * 6, 9));
    const pooled = (wasm: boolean) => {
      useLayerWasm(wasm);
      return Array.from(new GlobalAvgPool2d().forward(x, 'train').data);
    };
    const js = pooled(false);
    expect(pooled(true)).toEqual(js);
    // y[0, 0] is the mean of the first 42 floats, summed in float64 in order
    let sum = 0;
    for (let i = 0; i < 42; i++) sum += x.data[i]!;
    expect(js[0]).toBe(Math.fround(sum / 42));
  });
});
