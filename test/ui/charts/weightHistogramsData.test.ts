import { describe, expect, it } from 'vitest';
import { THEORY_COLOR } from '../../../src/ui/charts/palette';
import {
  offChartMarkers,
  summarizeWeights,
  theoryView,
  weightFacts,
} from '../../../src/ui/charts/weightHistogramsData';
import { hist, param } from './probeFixtures';

describe('theoryView', () => {
  it('marks ±bound with solid lines for a uniform scheme', () => {
    const view = theoryView({ std: 0.0833, bound: 0.1443 });
    expect(view.markers.map((m) => m.value)).toEqual([-0.1443, 0.1443]);
    expect(view.markers.every((m) => m.dash === undefined && m.color === THEORY_COLOR)).toBe(true);
    expect(view.description).toBe('uniform bound ±0.144');
  });

  it('marks mean ± std with dashed lines for a normal scheme', () => {
    const view = theoryView({ std: 0.05, mean: 0.01 });
    expect(view.markers[0]!.value).toBeCloseTo(-0.04, 12);
    expect(view.markers[1]!.value).toBeCloseTo(0.06, 12);
    expect(view.markers[0]!.dash).toBeDefined();
    expect(view.description).toBe('±1 std = 0.05');
  });

  it('marks the single starting value of a constant scheme', () => {
    expect(theoryView({ std: 0 })).toEqual({
      markers: [{ value: 0, color: THEORY_COLOR }],
      description: 'every weight starts at 0',
    });
  });
});

describe('offChartMarkers', () => {
  it('finds theory lines beyond the histogram range', () => {
    const p = param('fc1.weight', { weightHistogram: hist([1, 1], -0.2, 0.2) });
    expect(offChartMarkers(p, theoryView({ std: 0.3 })).map((m) => m.value)).toEqual([-0.3, 0.3]);
    expect(offChartMarkers(p, theoryView({ std: 0.1 }))).toEqual([]);
  });
});

describe('weightFacts', () => {
  it('puts measured std beside the scheme’s std and bound', () => {
    expect(weightFacts(param('fc1.weight'), { std: 0.0833, bound: 0.1443 })).toEqual([
      { term: 'Measured std', value: '0.081' },
      { term: 'Init std', value: '0.0833' },
      { term: 'Init bound', value: '±0.144' },
    ]);
    expect(weightFacts(param('fc1.weight'), undefined)).toEqual([
      { term: 'Measured std', value: '0.081' },
    ]);
  });
});

describe('summarizeWeights', () => {
  it('compares every weight layer with its theory and skips biases', () => {
    const params = [
      param('fc1.weight', { weightStd: 0.081 }),
      param('fc1.bias', { role: 'bias' }),
      param('fc2.weight', { weightStd: 0.2 }),
    ];
    expect(summarizeWeights(params, { 'fc1.weight': { std: 0.0833, bound: 0.1443 } }, 0)).toBe(
      'At step 0, 2 weight layers. fc1: std 0.081; the init scheme gives 0.0833 (uniform bound ±0.144). fc2: std 0.2.',
    );
  });
});
