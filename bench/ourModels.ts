import { initParams } from '../src/engine/init/initialize';
import { BatchNorm1d, BatchNorm2d } from '../src/engine/layers/batchNorm';
import { Conv2d } from '../src/engine/layers/conv2d';
import { GlobalAvgPool2d } from '../src/engine/layers/globalAvgPool2d';
import type { Layer } from '../src/engine/layers/layer';
import { Linear } from '../src/engine/layers/linear';
import { ReLU } from '../src/engine/layers/relu';
import { ResidualBlock } from '../src/engine/layers/residualBlock';
import { Sequential, type NamedLayer } from '../src/engine/layers/sequential';
import { crossEntropy } from '../src/engine/loss/crossEntropy';
import { SGD } from '../src/engine/optim/sgd';
import { createRng, type Rng } from '../src/engine/rng';
import { tensor, type Tensor } from '../src/engine/tensor';
import {
  BN_EPS,
  CLASSES,
  LEARNING_RATE,
  MOMENTUM,
  type CnnSpec,
  type MlpSpec,
  type ReferenceSpec,
} from './referenceModels';

/** A model ready to train on one fixed batch; `step` returns the loss. */
export interface Trainer {
  step(): number;
}

/** The fixed batch and initial weights both implementations start from. */
export interface BenchSetup {
  readonly model: Sequential;
  /** NCHW for the CNN, [N, features] for the MLPs. */
  readonly input: Tensor;
  readonly labels: Int32Array;
}

function mlp(spec: MlpSpec): Sequential {
  const children: NamedLayer[] = [];
  let width = spec.inputs;
  for (let i = 0; i < spec.depth; i++) {
    children.push([`fc${i}`, new Linear(width, spec.hidden)]);
    if (spec.batchNorm) children.push([`bn${i}`, new BatchNorm1d(spec.hidden, { eps: BN_EPS })]);
    children.push([`relu${i}`, new ReLU()]);
    width = spec.hidden;
  }
  children.push(['head', new Linear(width, CLASSES)]);
  return new Sequential(children);
}

function cnn(spec: CnnSpec): Sequential {
  const c = spec.channels;
  const children: NamedLayer[] = [
    // No conv bias where a BatchNorm follows: its β would make the bias redundant (as in torchvision).
    ['conv', new Conv2d({ inChannels: 1, outChannels: c, kernelSize: 3, padding: 1, bias: false })],
    ['bn', new BatchNorm2d(c, { eps: BN_EPS })],
    ['relu', new ReLU()],
  ];
  for (let i = 0; i < spec.blocks; i++) {
    const block: Layer = new ResidualBlock({
      inChannels: c,
      outChannels: c,
      makeNorm: (channels) => new BatchNorm2d(channels, { eps: BN_EPS }),
      makeActivation: () => new ReLU(),
    });
    children.push([`block${i}`, block]);
  }
  children.push(['pool', new GlobalAvgPool2d()], ['head', new Linear(c, CLASSES)]);
  return new Sequential(children);
}

function normalTensor(shape: readonly number[], rng: Rng): Tensor {
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal();
  return t;
}

/** Builds the model with PyTorch's default init and draws the batch, all from `seed`. */
export function createSetup(spec: ReferenceSpec, seed: number): BenchSetup {
  const rng = createRng(seed);
  const model = spec.kind === 'mlp' ? mlp(spec) : cnn(spec);
  initParams(model.params(), { kind: 'pytorchDefault' }, rng.fork('init'));
  const inputShape =
    spec.kind === 'mlp' ? [spec.batch, spec.inputs] : [spec.batch, 1, spec.size, spec.size];
  const input = normalTensor(inputShape, rng.fork('input'));
  const labelRng = rng.fork('labels');
  const labels = Int32Array.from({ length: spec.batch }, () => labelRng.int(CLASSES));
  return { model, input, labels };
}

export function createOurTrainer({ model, input, labels }: BenchSetup): Trainer {
  const optimizer = new SGD(model.params(), { lr: LEARNING_RATE, momentum: MOMENTUM });
  let dlogits: Tensor | undefined;
  return {
    step() {
      optimizer.zeroGrad();
      const logits = model.forward(input, 'train');
      const { loss, grad } = crossEntropy(logits, labels, dlogits);
      dlogits = grad;
      model.backward(grad);
      optimizer.step();
      return loss;
    },
  };
}
