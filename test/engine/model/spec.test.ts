import { describe, expect, it } from 'vitest';
import { BatchNorm } from '../../../src/engine/layers/batchNorm';
import { buildModel } from '../../../src/engine/model/buildModel';
import { parseModelSpec, SpecError } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/rng';
import { cnnSpec, mlpSpec } from './specFixtures';

const mlp = mlpSpec({ inputSize: 196, numClasses: 10, depth: 8, width: 64 });

const cnn = cnnSpec(
  { inputShape: [1, 14, 14], numClasses: 10, stemChannels: 16, blocks: 3 },
  { norm: { kind: 'groupNorm', groups: 4 }, init: { kind: 'pytorchDefault' } },
);

const messageOf = (input: unknown): string => {
  try {
    parseModelSpec(input);
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as Error).message;
  }
  throw new Error('expected the spec to be rejected');
};

describe('parseModelSpec', () => {
  it('accepts valid MLP and CNN specs unchanged', () => {
    expect(parseModelSpec(mlp)).toEqual(mlp);
    expect(parseModelSpec(cnn)).toEqual(cnn);
  });

  it('names the field, the value and the allowed range for a number out of range', () => {
    expect(messageOf({ ...mlp, depth: 0 })).toBe(
      'Invalid model spec: depth: got 0; must be a whole number from 1 to 200',
    );
    expect(messageOf({ ...mlp, width: 2.5 })).toContain(
      'width: got 2.5; must be a whole number from 1 to 4,096',
    );
  });

  it('lists the allowed values for an unknown activation or init', () => {
    expect(messageOf({ ...mlp, activation: 'swish' })).toContain(
      `activation: got "swish"; must be one of 'relu', 'leakyRelu', 'tanh', 'sigmoid', 'gelu'`,
    );
    expect(messageOf({ ...mlp, init: { kind: 'he' } })).toContain(
      `init.kind: got "he"; must be one of 'zeros'`,
    );
  });

  it('rejects a group count that does not divide the width, listing the divisors', () => {
    expect(messageOf({ ...mlp, norm: { kind: 'groupNorm', groups: 3 } })).toContain(
      'norm.groups: got 3; must divide width (64); allowed: 1, 2, 4, 8, 16, 32, 64',
    );
    expect(
      messageOf({ ...cnn, stemChannels: 12, norm: { kind: 'groupNorm', groups: 8 } }),
    ).toContain('must divide stemChannels (12); allowed: 1, 2, 3, 4, 6, 12');
  });

  it('keeps InstanceNorm to the CNN', () => {
    expect(messageOf({ ...mlp, norm: { kind: 'instanceNorm' } })).toContain(
      'only available for the CNN',
    );
    expect(() => parseModelSpec({ ...cnn, norm: { kind: 'instanceNorm' } })).not.toThrow();
  });

  it('ghost batches are for BatchNorm only, of at least 2 samples, and reach the built layers', () => {
    expect(messageOf({ ...mlp, norm: { kind: 'layerNorm', ghostBatch: 4 } })).toContain(
      "norm.ghostBatch: got 4; ghost batches split BatchNorm's batch statistics",
    );
    expect(messageOf({ ...mlp, norm: { kind: 'batchNorm', ghostBatch: 1 } })).toContain(
      'norm.ghostBatch: got 1',
    );
    const ghost = { ...mlp, norm: { kind: 'batchNorm', ghostBatch: 4 } };
    expect(parseModelSpec(ghost)).toEqual(ghost);
    const sizes = buildModel(ghost, createRng(1))
      .layers()
      .flatMap(({ layer }) => (layer instanceof BatchNorm ? [layer.ghostBatchSize] : []));
    expect(sizes).toEqual(Array(mlp.depth).fill(4));
  });

  it('weight standardization needs a normalization', () => {
    expect(messageOf({ ...mlp, norm: { kind: 'none' }, weightStandardization: true })).toContain(
      'weightStandardization: got true; standardized weights have unit spread per unit',
    );
    const gn = { ...mlp, norm: { kind: 'groupNorm', groups: 8 }, weightStandardization: true };
    expect(parseModelSpec(gn)).toEqual(gn);
    expect(() => parseModelSpec({ ...cnn, weightStandardization: true })).not.toThrow();
  });

  it('rejects unknown fields and an unknown family', () => {
    expect(messageOf({ ...mlp, dropout: 0.5 })).toContain(`unknown field 'dropout'`);
    expect(messageOf({ family: 'rnn' })).toContain(`family: got "rnn"; must be 'mlp' or 'cnn'`);
    expect(messageOf(null)).toContain('Invalid model spec');
  });

  it('reports every problem at once', () => {
    const message = messageOf({ ...mlp, depth: 300, bias: 'yes' });
    expect(message).toContain('depth: got 300');
    expect(message).toContain('bias: got "yes"; must be true or false');
  });

  it('validates CNN input shapes', () => {
    expect(messageOf({ ...cnn, inputShape: [1, 14] })).toContain('inputShape');
  });
});
