import { describe, expect, it } from 'vitest';
import {
  activationStats,
  deadFraction,
  saturatedFraction,
} from '../../../src/engine/probes/activationStats';
import { tensor } from '../../../src/engine/tensor';

describe('activation statistics', () => {
  it('saturated fraction for tanh (|y| > 0.97) and sigmoid (y < 0.03 or > 0.97)', () => {
    expect(saturatedFraction([0.98, -0.99, 0.5, 0.97], 'tanh')).toBe(0.5);
    expect(saturatedFraction([0.01, 0.99, 0.5, 0.03], 'sigmoid')).toBe(0.5);
  });

  it('dead fraction counts features that are zero for the whole batch', () => {
    // 3 samples × 4 features: feature 1 and 3 never fire
    const y = tensor([3, 4], [0.5, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0]);
    expect(deadFraction(y)).toBe(0.5);
  });

  it('dead fraction on feature maps counts channels', () => {
    // N=2, C=2, H=W=2: channel 0 fires once, channel 1 never
    const y = tensor([2, 2, 2, 2], [0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(deadFraction(y)).toBe(0.5);
  });

  it('activationStats reports moments, histogram, percentiles of unit 0 and the kind-specific fractions', () => {
    const y = tensor([4, 2], [0, 1, 0.2, 0, 0.4, 3, 0.6, 0]);
    const s = activationStats(
      'act1',
      'ReLU',
      'activation',
      y,
      { min: -4, max: 4, bins: 8 },
      'relu',
    );
    expect(s.mean).toBeCloseTo(5.2 / 8);
    expect(s.dead).toBe(0);
    expect(s.saturated).toBeUndefined();
    // unit 0 over the batch: 0, 0.2, 0.4, 0.6 ⇒ p50 = 0.3
    expect(s.unitPercentiles[1]).toBeCloseTo(0.3);
    expect(Array.from(s.histogram.counts).reduce((a, b) => a + b, 0)).toBe(8);
  });
});
