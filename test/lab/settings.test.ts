import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/engine/train/runConfig';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { toDatasetChoice, toInitScheme, toRunConfig, toWorkerSetup } from '../../src/lab/settings';

const base = DEFAULT_RUN_SETTINGS;

describe('toRunConfig', () => {
  it('builds an MLP for a 2-D set with 2 inputs', () => {
    const config = toRunConfig({ ...base, dataset: 'circles', depth: 3, width: 16 });
    expect(config.model).toMatchObject({
      family: 'mlp',
      inputSize: 2,
      numClasses: 2,
      depth: 3,
      width: 16,
      bias: true,
    });
    expect(() => parseRunConfig(config)).not.toThrow();
  });

  it('flattens MNIST 14×14 to 196 inputs and 28×28 to 784, with 10 classes', () => {
    expect(toRunConfig({ ...base, dataset: 'mnist14' }).model).toMatchObject({
      inputSize: 196,
      numClasses: 10,
    });
    expect(toRunConfig({ ...base, dataset: 'mnist28' }).model).toMatchObject({
      inputSize: 784,
      numClasses: 10,
    });
  });

  it('builds the CNN with [1, 14, 14] or [1, 28, 28] inputs, channels and blocks', () => {
    const settings: LabRunSettings = {
      ...base,
      dataset: 'mnist28',
      architecture: 'cnn',
      depth: 2,
      width: 8,
      residual: false,
      norm: 'groupNorm',
      groups: 2,
    };
    const config = toRunConfig(settings);
    expect(config.model).toEqual({
      family: 'cnn',
      inputShape: [1, 28, 28],
      numClasses: 10,
      stemChannels: 8,
      blocks: 2,
      residual: false,
      activation: 'relu',
      norm: { kind: 'groupNorm', groups: 2 },
      normPlacement: 'before',
      init: { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
    });
    expect(() => parseRunConfig(config)).not.toThrow();
    expect(toRunConfig({ ...settings, dataset: 'mnist14' }).model).toMatchObject({
      inputShape: [1, 14, 14],
    });
  });

  it('refuses the CNN on 2-D points', () => {
    expect(() => toRunConfig({ ...base, dataset: 'xor', architecture: 'cnn' })).toThrow(
      /CNN needs an image dataset/,
    );
  });

  it('drops the hidden bias only when BatchNorm directly follows the Linear', () => {
    expect(toRunConfig({ ...base, norm: 'batchNorm' }).model).toMatchObject({ bias: false });
    expect(toRunConfig({ ...base, norm: 'batchNorm', placement: 'after' }).model).toMatchObject({
      bias: true,
    });
    expect(toRunConfig({ ...base, norm: 'layerNorm' }).model).toMatchObject({ bias: true });
  });

  it('passes weight decay to SGD and Adam when it is on, and always to AdamW', () => {
    expect(toRunConfig({ ...base, weightDecay: 5e-4 }).optimizer).toEqual({
      kind: 'sgd',
      lr: base.learningRate,
      momentum: 0.9,
      weightDecay: 5e-4,
    });
    expect(toRunConfig({ ...base, optimizer: 'adam', weightDecay: 0.01 }).optimizer).toEqual({
      kind: 'adam',
      lr: base.learningRate,
      weightDecay: 0.01,
    });
    // AdamW states 0 explicitly: left out, PyTorch's AdamW would decay by 0.01.
    expect(toRunConfig({ ...base, optimizer: 'adamw' }).optimizer).toEqual({
      kind: 'adamw',
      lr: base.learningRate,
      weightDecay: 0,
    });
  });

  it('uses SGD with momentum 0.9 or Adam at the chosen learning rate', () => {
    expect(toRunConfig({ ...base, learningRate: 0.3 }).optimizer).toEqual({
      kind: 'sgd',
      lr: 0.3,
      momentum: 0.9,
    });
    expect(toRunConfig({ ...base, optimizer: 'adam', learningRate: 0.001 }).optimizer).toEqual({
      kind: 'adam',
      lr: 0.001,
    });
  });

  it('carries batch size and seed, and LeakyReLU its slope', () => {
    const config = toRunConfig({ ...base, batchSize: 5, seed: 99, activation: 'leakyRelu' });
    expect(config.batchSize).toBe(5);
    expect(config.seed).toBe(99);
    expect(config.model).toMatchObject({ negativeSlope: 0.01 });
  });
});

describe('toInitScheme', () => {
  it("makes Kaiming's nonlinearity follow the activation", () => {
    const kaiming = { ...base, init: 'kaimingUniform' as const };
    expect(toInitScheme({ ...kaiming, activation: 'relu' })).toEqual({
      kind: 'kaimingUniform',
      a: 0,
      mode: 'fanIn',
      nonlinearity: 'relu',
    });
    expect(toInitScheme({ ...kaiming, activation: 'leakyRelu' })).toMatchObject({
      a: 0.01,
      nonlinearity: 'leakyRelu',
    });
    expect(toInitScheme({ ...kaiming, activation: 'tanh' })).toMatchObject({
      nonlinearity: 'tanh',
    });
    expect(toInitScheme({ ...kaiming, activation: 'sigmoid' })).toMatchObject({
      nonlinearity: 'sigmoid',
    });
    expect(toInitScheme({ ...kaiming, activation: 'gelu' })).toMatchObject({
      nonlinearity: 'relu',
    });
  });

  it('gives Xavier and orthogonal gain 1, as PyTorch does by default', () => {
    expect(toInitScheme({ ...base, init: 'xavierNormal', activation: 'tanh' })).toEqual({
      kind: 'xavierNormal',
      gain: 1,
    });
    expect(toInitScheme({ ...base, init: 'orthogonal' })).toEqual({ kind: 'orthogonal', gain: 1 });
  });

  it('passes the custom parameters through', () => {
    expect(
      toInitScheme({
        ...base,
        init: 'custom',
        initDistribution: 'uniform',
        initFanMode: 'fanAvg',
        initGain: 2,
        initMultiplier: 0.5,
      }),
    ).toEqual({
      kind: 'custom',
      distribution: 'uniform',
      fanMode: 'fanAvg',
      gain: 2,
      multiplier: 0.5,
    });
  });

  it('maps zero and PyTorch default init to their plain schemes', () => {
    expect(toInitScheme({ ...base, init: 'zeros' })).toEqual({ kind: 'zeros' });
    expect(toInitScheme({ ...base, init: 'pytorchDefault' })).toEqual({ kind: 'pytorchDefault' });
  });
});

describe('toWorkerSetup', () => {
  it('bundles config, dataset choice, validation mode and speed', () => {
    const setup = toWorkerSetup({ ...base, noise: 0.2, validationMode: 'train' }, 20);
    expect(setup.dataset).toEqual(toDatasetChoice({ ...base, noise: 0.2 }));
    expect(setup.dataset).toEqual({ id: 'spiral', noise: 0.2, standardize: true });
    expect(setup.validationMode).toBe('train');
    expect(setup.speed).toBe(20);
  });
});
