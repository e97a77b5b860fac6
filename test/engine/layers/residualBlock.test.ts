import { describe, expect, it } from 'vitest';
import { BatchNorm2d } from '../../../src/engine/layers/batchNorm';
import { GELU } from '../../../src/engine/layers/gelu';
import type { Layer } from '../../../src/engine/layers/layer';
import { ReLU } from '../../../src/engine/layers/relu';
import { ResidualBlock, type ResidualBlockOptions } from '../../../src/engine/layers/residualBlock';
import { Tanh } from '../../../src/engine/layers/tanh';
import { tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

const batchNorm = (channels: number): Layer => new BatchNorm2d(channels);

function block(options: Partial<ResidualBlockOptions> = {}): ResidualBlock {
  return new ResidualBlock({
    inChannels: 5,
    outChannels: 5,
    makeNorm: batchNorm,
    makeActivation: () => new Tanh(),
    ...options,
  });
}

/** Fills every conv weight/bias with N(0, 0.3²) values and norm affines with values near 1 / near 0. */
function randomize(layer: Layer, seed: number): void {
  layer.params().forEach((p, i) => {
    const noise = randomTensor(p.value.shape, seed + i, 0.3).data;
    p.value.data.set(p.role === 'normScale' ? noise.map((v) => 1 + v) : noise);
  });
}

/** A 1-channel 3×3 kernel that only reads the centre pixel: a 1×1 conv with weight `w`. */
const centreTap = (w: number) => [0, 0, 0, 0, w, 0, 0, 0, 0];

describe('ResidualBlock', () => {
  it('forward and backward: hand-worked 1-channel block without norm', () => {
    // conv1 = 2·x, conv2 = 0.5·h (centre taps, zero bias), ReLU:
    // x = [1, −2, 3, −4] → relu(2x) = [2, 0, 6, 0] → F = [1, 0, 3, 0] → F + x = [2, −2, 6, −4] → y = [2, 0, 6, 0]
    const make = (residual: boolean) => {
      const b = new ResidualBlock({
        inChannels: 1,
        outChannels: 1,
        residual,
        makeNorm: null,
        makeActivation: () => new ReLU(),
      });
      b.layer1.weight.value.data.set(centreTap(2));
      b.layer2.weight.value.data.set(centreTap(0.5));
      return b;
    };
    const x = tensor([1, 1, 2, 2], [1, -2, 3, -4]);
    const dy = tensor([1, 1, 2, 2], [1, 2, 3, 4]);
    const withSkip = make(true);
    expect(Array.from(withSkip.forward(x, 'train').data)).toEqual([2, 0, 6, 0]);
    // dsum = dy·[sum > 0] = [1, 0, 3, 0]; branch: 0.5 → relu′(2x) → 2 gives [1, 0, 3, 0]; skip adds dsum
    expect(Array.from(withSkip.backward(dy).data)).toEqual([2, 0, 6, 0]);

    // without the skip: y = relu(F) = [1, 0, 3, 0], dx = branch only = [1, 0, 3, 0]
    const plain = make(false);
    expect(Array.from(plain.forward(x, 'train').data)).toEqual([1, 0, 3, 0]);
    expect(Array.from(plain.backward(dy).data)).toEqual([1, 0, 3, 0]);
  });

  it('matches PyTorch (residual_block fixture, BatchNorm2d in train mode)', () => {
    const f = loadFixture('residual_block');
    const channels = f.config['channels'] as number;
    const b = new ResidualBlock({
      inChannels: channels,
      outChannels: channels,
      makeNorm: batchNorm,
      makeActivation: () => new ReLU(),
    });
    expect(b.params().map((p) => p.name)).toEqual(f.config['parameter_names']);
    for (const item of [...b.params(), ...b.buffers()]) {
      const given = f.inputs[item.name];
      if (!given) throw new Error(`fixture has no input ${item.name}`);
      item.value.data.set(given.data);
    }
    const y = b.forward(tensor(f.inputs['x']!.shape, f.inputs['x']!.data), 'train');
    expectClose(y.data, f.outputs['y']!, SINGLE_OP, 'y');
    const dx = b.backward(tensor(f.inputs['grad_out']!.shape, f.inputs['grad_out']!.data));
    expectClose(dx.data, f.outputs['grad_x']!, SINGLE_OP, 'grad_x');
    for (const p of b.params()) {
      expectClose(p.grad.data, f.outputs[`grad_${p.name}`]!, SINGLE_OP, `grad_${p.name}`);
    }
    for (const buffer of b.buffers()) {
      expectClose(buffer.value.data, f.outputs[buffer.name]!, SINGLE_OP, buffer.name);
    }
  });

  it('names children, params and buffers as torchvision does', () => {
    const b = block();
    expect(b.children.map(([name]) => name)).toEqual([
      'conv1',
      'bn1',
      'act1',
      'conv2',
      'bn2',
      'act2',
    ]);
    expect(b.params().map((p) => p.name)).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'conv2.weight',
      'bn2.weight',
      'bn2.bias',
    ]);
    expect(b.buffers().map((buffer) => buffer.name)).toEqual([
      'bn1.running_mean',
      'bn1.running_var',
      'bn1.num_batches_tracked',
      'bn2.running_mean',
      'bn2.running_var',
      'bn2.num_batches_tracked',
    ]);
    // the named params are the sub-layers' own tensors
    expect(b.params()[0]!.value).toBe(b.layer1.weight.value);
    expect(b.params()[0]!.grad).toBe(b.layer1.weight.grad);
    expect(b.lastNorm).toBe(b.bn2);
  });

  it('projects the shortcut with a strided 1×1 conv and its norm when the shape changes', () => {
    const b = block({ inChannels: 3, outChannels: 5, stride: 2 });
    expect(b.children.map(([name]) => name)).toEqual([
      'conv1',
      'bn1',
      'act1',
      'conv2',
      'bn2',
      'shortcut',
      'act2',
    ]);
    expect(
      b
        .params()
        .map((p) => p.name)
        .slice(6),
    ).toEqual(['shortcut.0.weight', 'shortcut.1.weight', 'shortcut.1.bias']);
    expect(b.params().find((p) => p.name === 'shortcut.0.weight')!.value.shape).toEqual([
      5, 3, 1, 1,
    ]);
    expect(b.buffers().map((buffer) => buffer.name)).toContain('shortcut.1.running_var');
    // H 7 → floor((7 + 2 − 3) / 2) + 1 = 4 on the branch and floor((7 − 1) / 2) + 1 = 4 on the shortcut
    expect(b.forward(randomTensor([3, 3, 7, 5], 70), 'train').shape).toEqual([3, 5, 4, 3]);
    // without a skip there is nothing to project
    expect(
      block({ inChannels: 3, outChannels: 5, stride: 2, residual: false }).shortcut,
    ).toBeUndefined();
  });

  it("placement 'after' puts each norm after its activation, and the convs keep their bias", () => {
    const b = block({ normPlacement: 'after' });
    expect(b.children.map(([name]) => name)).toEqual([
      'conv1',
      'act1',
      'bn1',
      'conv2',
      'act2',
      'bn2',
    ]);
    expect(b.layer1.bias).toBeDefined();
    expect(b.layer2.bias).toBeDefined();
  });

  it('without norm: no bn children, convs with bias, no lastNorm', () => {
    const b = block({ makeNorm: null, inChannels: 3, stride: 2 });
    expect(b.children.map(([name]) => name)).toEqual([
      'conv1',
      'act1',
      'conv2',
      'shortcut',
      'act2',
    ]);
    expect(b.params().map((p) => p.name)).toEqual([
      'conv1.weight',
      'conv1.bias',
      'conv2.weight',
      'conv2.bias',
      'shortcut.0.weight',
      'shortcut.0.bias',
    ]);
    expect(b.buffers()).toEqual([]);
    expect(b.lastNorm).toBeUndefined();
  });

  describe('gradients: finite differences on odd shapes (N=3, C=5, H=7, W=5)', () => {
    const cases: [string, Partial<ResidualBlockOptions>][] = [
      ['residual, identity shortcut, BatchNorm', {}],
      ['residual off', { residual: false }],
      ['projection shortcut (3 → 5 channels, stride 2)', { inChannels: 3, stride: 2 }],
      ["norm placement 'after'", { normPlacement: 'after', makeActivation: () => new GELU() }],
      ['no norm, projection', { makeNorm: null, inChannels: 3, stride: 2 }],
    ];
    cases.forEach(([name, options], k) => {
      it(name, () => {
        const b = block(options);
        randomize(b, 80 + 10 * k);
        gradcheck(b, randomTensor([3, options.inChannels ?? 5, 7, 5], 79 + k));
      });
    });
  });

  it('throws a clear error on a wrong channel count', () => {
    expect(() => block().forward(tensor([2, 4, 6, 6]), 'train')).toThrow(
      /expected 5 input channels \(NCHW\), got shape \[2, 4, 6, 6\]/,
    );
  });
});
