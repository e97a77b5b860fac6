import { describe, expect, it } from 'vitest';
import { Conv2d } from '../../../src/engine/layers/conv2d';
import { Flatten } from '../../../src/engine/layers/flatten';
import type { Buffer, Layer, Param } from '../../../src/engine/layers/layer';
import { Linear } from '../../../src/engine/layers/linear';
import { ReLU } from '../../../src/engine/layers/relu';
import { Sequential } from '../../../src/engine/layers/sequential';
import { Tanh } from '../../../src/engine/layers/tanh';
import { tensor, type Tensor } from '../../../src/engine/tensor';
import { gradcheck, randomTensor } from '../../helpers/gradcheck';

/** A parameter-free identity layer with one buffer, standing in for a norm layer's running stats. */
class WithBuffer implements Layer {
  readonly label = 'WithBuffer';
  readonly runningMean: Buffer = { name: 'running_mean', value: tensor([2], [0.5, -0.5]) };
  forward(x: Tensor): Tensor {
    return x;
  }
  backward(dy: Tensor): Tensor {
    return dy;
  }
  params(): readonly Param[] {
    return [];
  }
  buffers(): readonly Buffer[] {
    return [this.runningMean];
  }
}

function linear(inputs: number, outputs: number, weights: number[], bias: number[]): Linear {
  const layer = new Linear(inputs, outputs);
  layer.weight.value.data.set(weights);
  layer.bias!.value.data.set(bias);
  return layer;
}

describe('Sequential', () => {
  it('forward chains the children in order: hand-worked Linear → ReLU → Linear', () => {
    const model = new Sequential([
      ['fc1', linear(2, 2, [1, 2, -1, 1], [0, 0.5])],
      ['act', new ReLU()],
      ['fc2', linear(2, 1, [3, -2], [0.25])],
    ]);
    // x = [1, 1]: fc1 → [3, 0.5] → ReLU → [3, 0.5] → fc2 → 9 − 1 + 0.25 = 8.25
    // x = [1, −2]: fc1 → [−3, −2.5] → ReLU → [0, 0] → fc2 → 0.25
    const y = model.forward(tensor([2, 2], [1, 1, 1, -2]), 'train');
    expect(Array.from(y.data)).toEqual([8.25, 0.25]);
    // backward in reverse: row 0 passes both units (dx = dy·[3,−2]·W1 = [3+2, 6−2]); row 1 is blocked
    const dx = model.backward(tensor([2, 1], [1, 1]));
    expect(Array.from(dx.data)).toEqual([5, 4, 0, 0]);
  });

  it('gradients: finite differences through an MLP and a small CNN', () => {
    const mlp = new Sequential([
      ['fc1', new Linear(5, 7)],
      ['act', new Tanh()],
      ['fc2', new Linear(7, 3)],
    ]);
    mlp.params().forEach((p, i) => p.value.data.set(randomTensor(p.value.shape, 40 + i, 0.5).data));
    gradcheck(mlp, randomTensor([3, 5], 41));

    const cnn = new Sequential([
      ['conv', new Conv2d({ inChannels: 2, outChannels: 3, kernelSize: 3, padding: 1 })],
      ['act', new Tanh()], // smooth: a max pool here would put kinks within the finite-difference step
      ['flatten', new Flatten()],
      ['fc', new Linear(3 * 7 * 5, 2)],
    ]);
    cnn.params().forEach((p, i) => p.value.data.set(randomTensor(p.value.shape, 50 + i, 0.5).data));
    gradcheck(cnn, randomTensor([3, 2, 7, 5], 51));
  });

  it('names params and buffers like a state_dict, sharing the children’s tensors', () => {
    const fc1 = new Linear(2, 2);
    const inner = new Sequential([
      ['bn1', new WithBuffer()],
      ['fc', new Linear(2, 1, false)],
    ]);
    const model = new Sequential([
      ['fc1', fc1],
      ['block', inner],
    ]);
    expect(model.params().map((p) => p.name)).toEqual([
      'fc1.weight',
      'fc1.bias',
      'block.fc.weight',
    ]);
    expect(model.params().map((p) => p.role)).toEqual(['weight', 'bias', 'weight']);
    expect(model.buffers().map((b) => b.name)).toEqual(['block.bn1.running_mean']);
    const [weight] = model.params();
    expect(weight!.value).toBe(fc1.weight.value);
    expect(weight!.grad).toBe(fc1.weight.grad);
    weight!.value.data[0] = 7; // what an optimizer step does
    expect(fc1.weight.value.data[0]).toBe(7);
  });

  it('exposes its children in order and backward needs no forward of its own', () => {
    const fc = linear(2, 1, [2, -3], [0]);
    const act = new ReLU();
    const model = new Sequential([
      ['fc', fc],
      ['act', act],
    ]);
    expect(model.children.map(([name]) => name)).toEqual(['fc', 'act']);
    expect(model.children[0]![1]).toBe(fc);
    // run the children by hand, as an observing caller does, then backpropagate through the container
    let h = tensor([1, 2], [1, -1]);
    for (const [, layer] of model.children) h = layer.forward(h, 'train');
    expect(Array.from(h.data)).toEqual([5]);
    expect(Array.from(model.backward(tensor([1, 1], [1])).data)).toEqual([2, -3]);
  });

  it('backwardParams: the parameter gradients of backward, without running the layers below the first with parameters', () => {
    // Flatten → Conv2d is not a valid net, so: Flatten → Linear → ReLU → Linear, the MLP's shape.
    const build = () =>
      new Sequential([
        ['flatten', new Flatten()],
        ['fc1', linear(3, 2, [0.5, -1, 2, 1.5, 0.25, -0.75], [0.1, -0.2])],
        ['act', new ReLU()],
        ['fc2', linear(2, 2, [1, -2, 0.5, 3], [0, 0.3])],
      ]);
    const x = randomTensor([4, 3, 1], 7);
    const dy = randomTensor([4, 2], 8);
    const full = build();
    full.forward(x, 'train');
    full.backward(dy);
    const partial = build();
    partial.forward(x, 'train');
    // Flatten's backward would fail on a gradient of the wrong shape: it must not run at all.
    const flatten = partial.children[0]![1];
    flatten.backward = () => {
      throw new Error('Flatten ran backward');
    };
    let fc1InputGradient = false;
    const fc1 = partial.children[1]![1];
    const fc1Backward = fc1.backward.bind(fc1);
    fc1.backward = (g) => {
      fc1InputGradient = true;
      return fc1Backward(g);
    };
    partial.backwardParams(dy);
    expect(fc1InputGradient).toBe(false);
    const grads = (m: Sequential) => m.params().map((p) => [p.name, Array.from(p.grad.data)]);
    expect(grads(partial)).toEqual(grads(full));
    expect(grads(full).every(([, g]) => (g as number[]).some((v) => v !== 0))).toBe(true);
  });

  it('rejects duplicate or dotted child names', () => {
    expect(
      () =>
        new Sequential([
          ['fc', new ReLU()],
          ['fc', new ReLU()],
        ]),
    ).toThrow(/duplicate child name 'fc'/);
    expect(() => new Sequential([['block.fc', new ReLU()]])).toThrow(
      /child name 'block.fc' must be non-empty and contain no '.'/,
    );
  });
});
