import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/engine/data/dataset';
import { Flatten } from '../../src/engine/layers/flatten';
import { Linear } from '../../src/engine/layers/linear';
import { Sequential } from '../../src/engine/layers/sequential';
import { Model } from '../../src/engine/model/model';
import { decisionBoundary, digitPredictions } from '../../src/worker/modelViews';
import { mlpSpec } from '../engine/model/specFixtures';

const spec = mlpSpec(
  { inputSize: 2, numClasses: 2, depth: 1, width: 2 },
  { norm: { kind: 'none' }, init: { kind: 'pytorchDefault' } },
);

/** logits = W·p with W = [[1, 0], [0, 2]]: class 1 wins where 2y > x. */
function linearModel(weights: number[], inFeatures: number, outFeatures: number): Model {
  const fc = new Linear(inFeatures, outFeatures, false);
  fc.weight.value.data.set(weights);
  return new Model(spec, new Sequential([['fc', fc]]));
}

describe('decisionBoundary', () => {
  it('lays the grid out row by row from the top, over [−extent, extent]²', () => {
    const model = linearModel([1, 0, 0, 2], 2, 2);
    const { size, extent, probabilities } = decisionBoundary(model, 2, 4, 1.5);
    expect([size, extent]).toEqual([4, 1.5]);
    // cell centres: x, y ∈ {−1.125, −0.375, 0.375, 1.125}; row 0 is y = +1.125
    const p1 = (row: number, col: number) => probabilities[2 * (row * 4 + col) + 1]!;
    // top-left (x −1.125, y 1.125): logits (−1.125, 2.25) → p1 = σ(3.375)
    expect(p1(0, 0)).toBeCloseTo(1 / (1 + Math.exp(-3.375)), 5);
    // bottom-right (x 1.125, y −1.125): logits (1.125, −2.25) → p1 = σ(−3.375)
    expect(p1(3, 3)).toBeCloseTo(1 / (1 + Math.exp(3.375)), 5);
    // top-right (x 1.125, y 1.125): logits (1.125, 2.25) → p1 = σ(1.125)
    expect(p1(0, 3)).toBeCloseTo(1 / (1 + Math.exp(-1.125)), 5);
  });
});

describe('digitPredictions', () => {
  it('predicts the argmax, copies labels, and restores pixels to [0, 1]', () => {
    // 3 "images" of 1×1×2 pixels, standardized with mean 0.5, std 0.25
    const test: Dataset = {
      name: 'tiny',
      x: Float32Array.from([2, -2, -2, 2, 0, 1]),
      y: Int32Array.from([0, 1, 1]),
      count: 3,
      sampleShape: [1, 1, 2],
      numClasses: 2,
      standardization: { mean: 0.5, std: 0.25 },
    };
    // logits = the 2 flattened pixels (identity weights)
    const fc = new Linear(2, 2, false);
    fc.weight.value.data.set([1, 0, 0, 1]);
    const model = new Model(
      spec,
      new Sequential([
        ['flatten', new Flatten()],
        ['fc', fc],
      ]),
    );
    const digits = digitPredictions(model, test, [2, 0]);
    expect(Array.from(digits.labels)).toEqual([1, 0]);
    expect(Array.from(digits.predictions)).toEqual([1, 0]);
    // pixel = x·0.25 + 0.5, clamped: sample 2 → (0.5, 0.75); sample 0 → (1, 0)
    expect(Array.from(digits.pixels)).toEqual([0.5, 0.75, 1, 0]);
  });
});
