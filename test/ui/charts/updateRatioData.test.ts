import { describe, expect, it } from 'vitest';
import { weightSeries } from '../../../src/ui/charts/probeHistory';
import {
  hasUpdateRatios,
  summarizeUpdateRatios,
  updateRatioDomain,
} from '../../../src/ui/charts/updateRatioData';
import { param, snapshot } from './probeFixtures';

const ratios = (values: (number | null)[][]) =>
  weightSeries(
    values.map((row, s) =>
      snapshot(
        s * 10,
        row.map((v, i) => param(`fc${i + 1}.weight`, { updateRatio: v })),
      ),
    ),
    (p) => p.updateRatio,
  );

describe('updateRatioDomain', () => {
  it('always spans −4 to −2 so the −3 line is inside', () => {
    expect(updateRatioDomain(ratios([[-3.1, -2.9]]))).toEqual([-4, -2]);
  });

  it('widens to whole decades around outliers', () => {
    expect(updateRatioDomain(ratios([[-0.4, -5.2]]))).toEqual([-6, 0]);
  });
});

describe('hasUpdateRatios', () => {
  it('is false while every ratio is still unmeasured', () => {
    expect(hasUpdateRatios(ratios([[null, null]]))).toBe(false);
    expect(
      hasUpdateRatios(
        ratios([
          [null, null],
          [null, -3],
        ]),
      ),
    ).toBe(true);
  });
});

describe('summarizeUpdateRatios', () => {
  it('lists each layer and flags those a decade or more from −3', () => {
    const params = [
      param('fc1.weight', { updateRatio: -2.9 }),
      param('fc2.weight', { updateRatio: -1.2 }),
      param('fc3.weight', { updateRatio: -4.5 }),
      param('fc3.bias', { role: 'bias', updateRatio: 0 }),
    ];
    expect(summarizeUpdateRatios(params, 1200)).toBe(
      'At step 1,200, log10 of update size over weight size per layer: fc1 −2.9, fc2 −1.2, fc3 −4.5. About −3 is typical. ' +
        'Far from it: fc2 (large updates) and fc3 (tiny updates).',
    );
  });

  it('explains a layer with no update', () => {
    expect(summarizeUpdateRatios([param('fc1.weight', { updateRatio: null })], undefined)).toBe(
      'Log10 of update size over weight size per layer: fc1 no update. About −3 is typical. ' +
        'No update means the weights or their change were all zero.',
    );
  });
});
