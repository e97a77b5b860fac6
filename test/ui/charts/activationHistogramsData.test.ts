import { describe, expect, it } from 'vitest';
import {
  activationFacts,
  rebinHistogram,
  selectActivationLayers,
  sharedRange,
  summarizeActivations,
  withSharedRange,
} from '../../../src/ui/charts/activationHistogramsData';
import { activation, hist } from './probeFixtures';

const fc1 = activation('fc1', 'Linear(2→16)', { kind: 'linear', mean: -0.03, std: 1.4 });
const act1 = activation('act1', 'ReLU', { dead: 0.25 });
const norm1 = activation('norm1', 'BatchNorm1d(16)', { kind: 'norm' });
const act2 = activation('act2', 'Tanh', { mean: 0.01, std: 0.9, saturated: 0.35 });

describe('selectActivationLayers', () => {
  it('keeps only activation layers by default, in network order', () => {
    expect(selectActivationLayers([fc1, act1, norm1, act2], false).map((s) => s.name)).toEqual([
      'act1',
      'act2',
    ]);
  });

  it('shows every tapped layer with pre-activations on', () => {
    expect(selectActivationLayers([fc1, act1, norm1, act2], true)).toHaveLength(4);
  });
});

describe('activationFacts', () => {
  it('lists dead units for ReLU and saturation for tanh, never both', () => {
    expect(activationFacts(act1)).toEqual([
      { term: 'Mean', value: '0.41' },
      { term: 'Std', value: '0.62' },
      { term: 'Dead units', value: '25%' },
    ]);
    expect(activationFacts(act2).map((f) => f.term)).toEqual(['Mean', 'Std', 'Saturated']);
  });

  it('counts values that fell off the fixed range', () => {
    const wide = activation('act3', 'ReLU', { histogram: hist([1, 2], 0, 1, 3, 1204) });
    expect(activationFacts(wide)).toContainEqual({ term: 'Off the chart', value: '1,207 values' });
  });
});

describe('summarizeActivations', () => {
  it('states the step and every shown layer with its numbers', () => {
    expect(summarizeActivations([act1, act2], 1200)).toBe(
      'At step 1,200, 2 layers, each drawn on its own x range. act1 · ReLU: mean 0.41, std 0.62, 25% of units dead. ' +
        'act2 · Tanh: mean 0.01, std 0.9, 35% saturated.',
    );
  });

  it('reads naturally for one layer without a step', () => {
    expect(summarizeActivations([fc1], undefined)).toBe(
      '1 layer. fc1 · Linear(2→16): mean −0.03, std 1.4.',
    );
  });
});

describe('summarizeActivations with a shared range', () => {
  it('names the one x range every panel is drawn on', () => {
    expect(summarizeActivations([act1], 40, { min: -5, max: 5 })).toBe(
      'At step 40, 1 layer, all drawn on the x range −5 to 5. act1 · ReLU: mean 0.41, std 0.62, 25% of units dead.',
    );
  });
});

describe('sharedRange', () => {
  it('spans the widest layer on each side', () => {
    const wide = activation('act1', 'ReLU', { histogram: hist([1, 1], -5, 5) });
    const narrow = activation('act2', 'ReLU', { histogram: hist([1, 1], -0.5, 2) });
    expect(sharedRange([narrow, wide])).toEqual({ min: -5, max: 5 });
    expect(sharedRange([])).toBeUndefined();
  });
});

describe('rebinHistogram', () => {
  it('moves each bin whole into the wider bin holding its centre, keeping the total', () => {
    // Bins of −1…1 (width 0.5) drawn on −4…4 (width 2): all four land in the two middle bins.
    const h = hist([3, 5, 7, 2], -1, 1, 4, 1);
    const wide = rebinHistogram(h, -4, 4);
    expect(Array.from(wide.counts)).toEqual([0, 8, 9, 0]);
    expect(wide).toMatchObject({ min: -4, max: 4, underflow: 4, overflow: 1 });
  });

  it('returns the histogram itself when the range is already the same', () => {
    const h = hist([1, 2], -2, 2);
    expect(rebinHistogram(h, -2, 2)).toBe(h);
  });

  it('puts a signal a tenth as wide as the range into a tenth of the bins', () => {
    const counts = Array.from({ length: 40 }, () => 10);
    const small = rebinHistogram(hist(counts, -0.5, 0.5), -5, 5);
    const filled = Array.from(small.counts).filter((c) => c > 0);
    expect(filled).toHaveLength(4);
    expect(filled.reduce((a, b) => a + b, 0)).toBe(400);
  });
});

describe('withSharedRange', () => {
  it('draws every layer on the widest range and keeps their statistics', () => {
    const wide = activation('act1', 'ReLU', { histogram: hist([1, 2, 3, 4], -4, 4) });
    const narrow = activation('act2', 'ReLU', { std: 0.1, histogram: hist([1, 2, 3, 4], -1, 1) });
    const [a, b] = withSharedRange([wide, narrow]);
    expect(a!.histogram).toBe(wide.histogram);
    expect(b!.histogram).toMatchObject({ min: -4, max: 4 });
    expect(Array.from(b!.histogram.counts)).toEqual([0, 3, 7, 0]);
    expect(b!.std).toBe(0.1);
  });
});
