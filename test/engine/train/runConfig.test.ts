import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../src/engine/train/runConfig';

const valid = {
  model: {
    family: 'mlp',
    inputSize: 196,
    numClasses: 10,
    depth: 2,
    width: 16,
    activation: 'relu',
    norm: { kind: 'none' },
    normPlacement: 'before',
    init: { kind: 'pytorchDefault' },
    bias: true,
  },
  optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
  batchSize: 64,
  seed: 0,
};

describe('parseRunConfig', () => {
  it('accepts a valid config, SGD, Adam and AdamW', () => {
    expect(parseRunConfig(valid)).toEqual(valid);
    expect(parseRunConfig({ ...valid, optimizer: { kind: 'adam', lr: 1e-3 } }).optimizer.kind).toBe(
      'adam',
    );
    expect(
      parseRunConfig({ ...valid, optimizer: { kind: 'adamw', lr: 1e-3, weightDecay: 0.01 } })
        .optimizer.kind,
    ).toBe('adamw');
  });

  it('names the field and the allowed range', () => {
    expect(() => parseRunConfig({ ...valid, batchSize: 513 })).toThrow(
      'Invalid run config: batchSize: got 513; must be a whole number from 1 to 512',
    );
    expect(() =>
      parseRunConfig({ ...valid, optimizer: { kind: 'sgd', lr: 20, momentum: 0.9 } }),
    ).toThrow('optimizer.lr: got 20; must be a number from 1e-6 to 10');
    expect(() => parseRunConfig({ ...valid, optimizer: { kind: 'rmsprop', lr: 0.1 } })).toThrow(
      `optimizer.kind: got "rmsprop"; must be 'sgd', 'adam' or 'adamw'`,
    );
    expect(() => parseRunConfig({ ...valid, seed: -1 })).toThrow('seed: got -1');
    expect(() => parseRunConfig({ ...valid, model: { ...valid.model, depth: 0 } })).toThrow(
      'model.depth: got 0',
    );
  });
});
