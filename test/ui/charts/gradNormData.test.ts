import { describe, expect, it } from 'vitest';
import {
  gradNormBars,
  summarizeGradNorms,
  undrawableLayers,
} from '../../../src/ui/charts/gradNormData';
import { param } from './probeFixtures';

describe('gradNormBars', () => {
  it('keeps weights only, in network order, named by layer', () => {
    const bars = gradNormBars([
      param('fc1.weight', { gradNorm: 0.0031 }),
      param('fc1.bias', { role: 'bias', gradNorm: 9 }),
      param('norm1.weight', { role: 'normScale', gradNorm: 8 }),
      param('fc2.weight', { gradNorm: 0.25 }),
    ]);
    expect(bars).toEqual([
      { layer: 'fc1', gradNorm: 0.0031 },
      { layer: 'fc2', gradNorm: 0.25 },
    ]);
  });
});

describe('summarizeGradNorms', () => {
  it('lists every layer and how much smaller the smallest is than the largest', () => {
    // 0.25 / 0.0031 = 80.645… → "80.6"
    expect(
      summarizeGradNorms(
        [
          { layer: 'fc1', gradNorm: 0.0031 },
          { layer: 'fc2', gradNorm: 0.012 },
          { layer: 'fc3', gradNorm: 0.25 },
        ],
        1200,
      ),
    ).toBe(
      'At step 1,200, gradient norm per layer: fc1 0.0031, fc2 0.012, fc3 0.25. ' +
        'The smallest, fc1, is 80.6 times smaller than the largest, fc3.',
    );
  });

  it('says which layers get no gradient at all (zero init)', () => {
    expect(
      summarizeGradNorms(
        [
          { layer: 'fc1', gradNorm: 0 },
          { layer: 'fc2', gradNorm: 0 },
          { layer: 'fc3', gradNorm: 0.5 },
        ],
        undefined,
      ),
    ).toBe('Gradient norm per layer: fc1 0, fc2 0, fc3 0.5. fc1 and fc2 get no gradient at all.');
  });

  it('makes no comparison for a single layer', () => {
    expect(summarizeGradNorms([{ layer: 'fc1', gradNorm: 0.5 }], 3)).toBe(
      'At step 3, gradient norm per layer: fc1 0.5.',
    );
  });
});

describe('undrawableLayers', () => {
  it('finds the norms a log axis cannot show', () => {
    expect(
      undrawableLayers([
        { layer: 'a', gradNorm: 0 },
        { layer: 'b', gradNorm: 1e-9 },
        { layer: 'c', gradNorm: Infinity },
      ]).map((b) => b.layer),
    ).toEqual(['a', 'c']);
  });
});
