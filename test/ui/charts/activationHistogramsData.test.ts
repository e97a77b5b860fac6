import { describe, expect, it } from 'vitest';
import {
  activationFacts,
  selectActivationLayers,
  summarizeActivations,
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
      'At step 1,200, 2 layers. act1 · ReLU: mean 0.41, std 0.62, 25% of units dead. ' +
        'act2 · Tanh: mean 0.01, std 0.9, 35% saturated.',
    );
  });

  it('reads naturally for one layer without a step', () => {
    expect(summarizeActivations([fc1], undefined)).toBe(
      '1 layer. fc1 · Linear(2→16): mean −0.03, std 1.4.',
    );
  });
});
