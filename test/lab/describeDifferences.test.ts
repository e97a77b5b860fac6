import { describe, expect, it } from 'vitest';
import {
  DESCRIBED_SETTINGS,
  describeDifferences,
  runLegend,
} from '../../src/lab/describeDifferences';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';

const a: LabRunSettings = { ...DEFAULT_RUN_SETTINGS, learningRate: 0.1, init: 'kaimingNormal' };

describe('describeDifferences', () => {
  it('names a single changed norm', () => {
    expect(describeDifferences(a, { ...a, norm: 'batchNorm' })).toBe('BatchNorm');
  });

  it('names several changes in a fixed order: learning rate before init', () => {
    expect(describeDifferences(a, { ...a, init: 'xavierNormal', learningRate: 0.3 })).toBe(
      'lr 0.3, Xavier normal',
    );
  });

  it('names the optimizer, AdamW as well, and the weight decay', () => {
    expect(describeDifferences(a, { ...a, optimizer: 'adamw', weightDecay: 0.01 })).toBe(
      'AdamW, weight decay 0.01',
    );
    const decayed = { ...a, weightDecay: 0.005 };
    expect(describeDifferences(decayed, { ...decayed, weightDecay: 0 })).toBe('no weight decay');
    expect(describeDifferences(a, { ...a, optimizer: 'adam' })).toBe('Adam');
  });

  it('has a phrase for every setting a run has, so no difference goes unnamed', () => {
    expect([...DESCRIBED_SETTINGS].sort()).toEqual(Object.keys(DEFAULT_RUN_SETTINGS).sort());
  });

  it('says "same settings" for an exact copy', () => {
    expect(describeDifferences(a, { ...a })).toBe('same settings');
  });

  it('says "no norm" when B removes A\'s normalization', () => {
    const withBn = { ...a, norm: 'batchNorm' as const };
    expect(describeDifferences(withBn, { ...withBn, norm: 'none' })).toBe('no norm');
  });

  it('mentions the group count with GroupNorm, and a group change alone', () => {
    expect(describeDifferences(a, { ...a, norm: 'groupNorm', groups: 8 })).toBe(
      'GroupNorm (8 groups)',
    );
    const gn = { ...a, norm: 'groupNorm' as const, groups: 8 };
    expect(describeDifferences(gn, { ...gn, groups: 2 })).toBe('GroupNorm (2 groups)');
  });

  it('ignores settings that do not affect B', () => {
    // groups without GroupNorm, residual on an MLP, custom gain without custom init, noise on MNIST
    expect(
      describeDifferences(a, {
        ...a,
        groups: 16,
        residual: false,
        initGain: 3,
        placement: 'after',
      }),
    ).toBe('same settings');
    const mnist = { ...a, dataset: 'mnist14' as const };
    expect(describeDifferences(mnist, { ...mnist, noise: 0.4 })).toBe('same settings');
  });

  it('describes the custom init with all its parameters', () => {
    expect(
      describeDifferences(a, {
        ...a,
        init: 'custom',
        initDistribution: 'uniform',
        initFanMode: 'fanOut',
        initGain: 2,
        initMultiplier: 0.5,
      }),
    ).toBe('custom init (uniform, fan out, gain 2 × 0.5)');
  });

  it('uses CNN words for depth and width', () => {
    const cnn = { ...a, dataset: 'mnist14' as const, architecture: 'cnn' as const };
    expect(describeDifferences(cnn, { ...cnn, depth: 6, width: 16, residual: false })).toBe(
      '6 blocks, 16 channels, no residual',
    );
  });

  it('formats small learning rates readably', () => {
    expect(describeDifferences(a, { ...a, learningRate: 0.0003 })).toBe('lr 0.0003');
    expect(describeDifferences(a, { ...a, optimizer: 'adam', learningRate: 0.001 })).toBe(
      'Adam, lr 0.001',
    );
  });

  it('mentions seed, batch size, placement and validation mode', () => {
    const bn = { ...a, norm: 'batchNorm' as const };
    expect(
      describeDifferences(bn, {
        ...bn,
        seed: 7,
        batchSize: 8,
        placement: 'after',
        validationMode: 'train',
      }),
    ).toBe('norm after activation, batch 8, seed 7, train-mode validation');
  });
});

describe('runLegend', () => {
  it('labels A plainly and B–D by their differences', () => {
    expect(runLegend('A', a, a)).toBe('A');
    expect(runLegend('B', a, { ...a, norm: 'batchNorm' })).toBe('B: BatchNorm');
    expect(runLegend('C', a, { ...a, learningRate: 0.3, init: 'xavierNormal' })).toBe(
      'C: lr 0.3, Xavier normal',
    );
  });
});
