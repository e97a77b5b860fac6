import { describe, expect, it } from 'vitest';
import { BatchNorm1d, BatchNorm2d } from '../../../src/engine/layers/batchNorm';
import { GroupNorm } from '../../../src/engine/layers/groupNorm';
import { InstanceNorm2d } from '../../../src/engine/layers/instanceNorm2d';
import { LayerNorm } from '../../../src/engine/layers/layerNorm';
import { RMSNorm } from '../../../src/engine/layers/rmsNorm';
import { Conv2d } from '../../../src/engine/layers/conv2d';
import { Linear } from '../../../src/engine/layers/linear';
import type { ResidualBlock } from '../../../src/engine/layers/residualBlock';
import { buildModel } from '../../../src/engine/model/buildModel';
import type { CnnSpec, MlpSpec, ModelSpec } from '../../../src/engine/model/spec';
import { createRng } from '../../../src/engine/rng';
import { tensor } from '../../../src/engine/tensor';
import { randomTensor } from '../../helpers/gradcheck';
import { cnnSpec, mlpSpec } from './specFixtures';

const mlp = mlpSpec({ inputSize: 12, numClasses: 3, depth: 2, width: 8 });

const cnn = cnnSpec(
  { inputShape: [1, 6, 6], numClasses: 4, stemChannels: 4, blocks: 2 },
  { init: { kind: 'pytorchDefault' } },
);

const names = (spec: MlpSpec | CnnSpec) =>
  buildModel(spec, createRng(1))
    .layers()
    .map((l) => l.name);

describe('buildModel', () => {
  it('builds an MLP with PyTorch-style names: fc → norm → act per hidden layer, then the output fc', () => {
    expect(names(mlp)).toEqual(['flatten', 'fc1', 'norm1', 'act1', 'fc2', 'norm2', 'act2', 'fc3']);
    expect(names({ ...mlp, normPlacement: 'after' })).toEqual([
      'flatten',
      'fc1',
      'act1',
      'norm1',
      'fc2',
      'act2',
      'norm2',
      'fc3',
    ]);
    expect(names({ ...mlp, norm: { kind: 'none' } })).toEqual([
      'flatten',
      'fc1',
      'act1',
      'fc2',
      'act2',
      'fc3',
    ]);
  });

  it('uses the norm the spec asks for', () => {
    const normOf = (spec: MlpSpec) =>
      buildModel(spec, createRng(1))
        .layers()
        .find((l) => l.name === 'norm1')!.layer;
    expect(normOf(mlp)).toBeInstanceOf(BatchNorm1d);
    expect(normOf({ ...mlp, norm: { kind: 'layerNorm' } })).toBeInstanceOf(LayerNorm);
    expect(normOf({ ...mlp, norm: { kind: 'groupNorm', groups: 4 } })).toBeInstanceOf(GroupNorm);
    const rms = normOf({ ...mlp, norm: { kind: 'rmsNorm' } });
    expect(rms).toBeInstanceOf(RMSNorm);
    expect(rms.label).toBe(`RMSNorm(${mlp.width})`);
  });

  it('builds the ResNet-like CNN: stem conv → norm → act, residual blocks, pool, fc', () => {
    const model = buildModel(cnn, createRng(1));
    expect(model.root.children.map(([n]) => n)).toEqual([
      'stem_conv',
      'stem_bn',
      'stem_act',
      'block1',
      'block2',
      'pool',
      'fc',
    ]);
    expect(model.layers().find((l) => l.name === 'stem_bn')!.layer).toBeInstanceOf(BatchNorm2d);
    expect(model.params().map((p) => p.name)).toContain('block2.bn2.weight');
    const y = model.forward(randomTensor([3, 1, 6, 6], 2), 'train');
    expect(y.shape).toEqual([3, 4]);
    const instance = buildModel({ ...cnn, norm: { kind: 'instanceNorm' } }, createRng(1));
    expect(instance.layers().find((l) => l.name === 'stem_bn')!.layer).toBeInstanceOf(
      InstanceNorm2d,
    );
    // RMSNorm over each sample's C×H×W, as LayerNorm there; γ only, so no 'bn1.bias'.
    const rms = buildModel({ ...cnn, norm: { kind: 'rmsNorm' } }, createRng(1));
    expect(rms.layers().find((l) => l.name === 'stem_bn')!.layer.label).toBe('RMSNorm([4, 6, 6])');
    expect(rms.params().map((p) => p.name)).toContain('block1.bn1.weight');
    expect(rms.params().map((p) => p.name)).not.toContain('block1.bn1.bias');
  });

  it('drops the conv bias when a norm follows it, keeps it without a norm', () => {
    const withNorm = buildModel(cnn, createRng(1))
      .params()
      .map((p) => p.name);
    expect(withNorm).not.toContain('stem_conv.bias');
    const without = buildModel({ ...cnn, norm: { kind: 'none' } }, createRng(1))
      .params()
      .map((p) => p.name);
    expect(without).toContain('stem_conv.bias');
  });

  it('initializes every Linear with the scheme: Kaiming normal std ≈ √(2/fanIn), zero biases', () => {
    const wide: MlpSpec = { ...mlp, inputSize: 400, width: 300, depth: 1 };
    const fc1 = buildModel(wide, createRng(4))
      .layers()
      .find((l) => l.name === 'fc1')!.layer as Linear;
    const w = fc1.weight.value.data;
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std / Math.sqrt(2 / 400)).toBeGreaterThan(0.98);
    expect(std / Math.sqrt(2 / 400)).toBeLessThan(1.02);
    expect(fc1.bias!.value.data.every((b) => b === 0)).toBe(true);
  });

  it('is deterministic: the same seed gives the same weights bit for bit, another seed different ones', () => {
    const a = buildModel(mlp, createRng(9)).stateDict();
    const b = buildModel(mlp, createRng(9)).stateDict();
    const c = buildModel(mlp, createRng(10)).stateDict();
    expect(a).toEqual(b);
    expect(a['fc1.weight']).not.toEqual(c['fc1.weight']);
  });

  it('zero-inits the last norm γ of each residual block when asked (Goyal et al.)', () => {
    const model = buildModel({ ...cnn, branchInit: 'zeroGamma' }, createRng(1));
    const gamma = (name: string) => model.params().find((p) => p.name === name)!.value.data;
    expect(gamma('block1.bn2.weight').every((v) => v === 0)).toBe(true);
    expect(gamma('block1.bn1.weight').every((v) => v === 1)).toBe(true);
    // So each block starts as the identity plus ReLU: its output equals relu(input).
    const block = model.layers().find((l) => l.name === 'block1')!.layer as ResidualBlock;
    const x = randomTensor([2, 4, 6, 6], 3);
    const y = block.forward(x, 'train');
    expect(Array.from(y.data)).toEqual(Array.from(x.data, (v) => Math.max(0, v)));
  });

  it('weight standardization: every hidden weight layer standardizes, the classifier never does', () => {
    const standardized = (spec: ModelSpec) =>
      buildModel(spec, createRng(1))
        .layers()
        .filter(({ layer }) => layer instanceof Linear || layer instanceof Conv2d)
        .map(({ name, layer }) => [name, (layer as Linear | Conv2d).weightStandardization]);
    const gn = { kind: 'groupNorm', groups: 2 } as const;
    const plain = mlpSpec({ inputSize: 6, numClasses: 3, depth: 2, width: 4 }, { norm: gn });
    expect(standardized({ ...plain, weightStandardization: true })).toEqual([
      ['fc1', true],
      ['fc2', true],
      ['fc3', false],
    ]);
    expect(
      standardized({ ...plain, residual: true, depth: 1, weightStandardization: true }),
    ).toEqual([
      ['stem_fc', true],
      ['block1.fc1', true],
      ['block1.fc2', true],
      ['fc', false],
    ]);
    const wsCnn = cnnSpec(
      { inputShape: [1, 6, 6], numClasses: 3, stemChannels: 4, blocks: 1 },
      { norm: gn, weightStandardization: true },
    );
    expect(standardized(wsCnn)).toEqual([
      ['stem_conv', true],
      ['block1.conv1', true],
      ['block1.conv2', true],
      ['fc', false],
    ]);
    expect(standardized(plain).every(([, ws]) => ws === false)).toBe(true);
  });

  it('rejects an invalid spec with the field named', () => {
    expect(() => buildModel({ ...mlp, width: 0 }, createRng(1))).toThrow(/width: got 0/);
  });

  it('forward/backward run end to end and fill every parameter gradient', () => {
    const model = buildModel(mlp, createRng(2));
    const logits = model.forward(randomTensor([5, 12], 1), 'train');
    model.backward(
      tensor(
        logits.shape,
        Array.from({ length: 15 }, (_, i) => (i % 3) - 1),
      ),
    );
    for (const p of model.params())
      expect(
        p.grad.data.some((g) => g !== 0),
        p.name,
      ).toBe(true);
  });
});

describe('a branch init is refused where it cannot make a block the identity', () => {
  it('zero-γ needs a norm before the activation (with it after, bn2 follows the sum)', () => {
    const spec: CnnSpec = { ...cnn, branchInit: 'zeroGamma', normPlacement: 'after' };
    expect(() => buildModel(spec, createRng(1))).toThrow(/branchInit: got "zeroGamma".*'before'/);
  });

  it('every branch init needs residual connections (without them there is no identity path)', () => {
    const spec: CnnSpec = { ...cnn, branchInit: 'skipInit', residual: false };
    expect(() => buildModel(spec, createRng(1))).toThrow(/has none; use 'standard'/);
  });

  it('Fixup and ReZero replace normalization', () => {
    for (const branchInit of ['fixup', 'reZero'] as const) {
      expect(() => buildModel({ ...cnn, branchInit }, createRng(1))).toThrow(
        new RegExp(`'${branchInit}' replaces normalization; it needs norm 'none'`),
      );
    }
  });
});
