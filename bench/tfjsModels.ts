/**
 * The reference models in TensorFlow.js (tfjs-core ops and variables, NHWC), trained with
 * tf.train.momentum, starting from the same weights and batch as ours (copied from a BenchSetup).
 *
 * Where tfjs offers several ways to write a piece, we measured them on tfjs-wasm and kept the fastest
 * (elementwise BatchNorm over tf.batchNorm, logSoftmax over tf.losses.softmaxCrossEntropy, matMul +
 * add over tf.fused.matMul). Also in tfjs's favour: its BatchNorm does not update running statistics
 * (ours does, as PyTorch does in train mode), and nothing is done per step beyond reading the loss.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Param } from '../src/engine/layers/layer';
import type { BenchSetup, Trainer } from './ourModels';
import { BN_EPS, CLASSES, LEARNING_RATE, MOMENTUM, type ReferenceSpec } from './referenceModels';

export interface TfjsTrainer extends Trainer {
  dispose(): void;
}

/** [rows, cols] row-major → [cols, rows]: PyTorch's Linear weight [out, in] becomes tfjs's [in, out]. */
function transpose2d(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

/** PyTorch's conv weight [O, I, kh, kw] → tfjs's [kh, kw, I, O]. */
function convWeightToHwio(values: Float32Array, shape: readonly number[]): Float32Array {
  const [o, i, kh, kw] = shape as [number, number, number, number];
  const out = new Float32Array(values.length);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((y * kw + x) * i + b) * o + a] = values[((a * i + b) * kh + y) * kw + x]!;
  return out;
}

class Weights {
  readonly variables: tf.Variable[] = [];
  private readonly params: Map<string, Param>;

  constructor(params: readonly Param[]) {
    this.params = new Map(params.map((p) => [p.name, p]));
  }

  private param(name: string): Param {
    const p = this.params.get(name);
    if (!p) throw new Error(`tfjs bench model: our model has no parameter '${name}'`);
    return p;
  }

  private variable(values: Float32Array, shape: number[]): tf.Variable {
    const v = tf.variable(tf.tensor(values, shape));
    this.variables.push(v);
    return v;
  }

  vector(name: string): tf.Variable {
    const p = this.param(name);
    return this.variable(p.value.data.slice(), [...p.value.shape]);
  }

  linear(name: string): tf.Variable {
    const p = this.param(name);
    const [out, inp] = p.value.shape as [number, number];
    return this.variable(transpose2d(p.value.data, out, inp), [inp, out]);
  }

  conv(name: string): tf.Variable {
    const p = this.param(name);
    const [o, i, kh, kw] = p.value.shape as [number, number, number, number];
    return this.variable(convWeightToHwio(p.value.data, p.value.shape), [kh, kw, i, o]);
  }
}

/**
 * Training-mode batch norm: normalise with the batch's mean and biased variance over `axes`,
 * y = (x − μ) · rsqrt(σ² + eps) · γ + β. Written with elementwise ops rather than tf.batchNorm:
 * on tfjs-wasm its backward through the statistics is ~25% faster this way (we measured both and
 * keep the faster one for tfjs).
 */
function batchNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, axes: number[]): tf.Tensor {
  const { mean, variance } = tf.moments(x, axes);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, BN_EPS))), gamma), beta);
}

type Forward = (x: tf.Tensor) => tf.Tensor;

function mlpForward(spec: Extract<ReferenceSpec, { kind: 'mlp' }>, w: Weights): Forward {
  const layers = Array.from({ length: spec.depth }, (_, i) => ({
    weight: w.linear(`fc${i}.weight`),
    bias: w.vector(`fc${i}.bias`),
    norm: spec.batchNorm
      ? { gamma: w.vector(`bn${i}.weight`), beta: w.vector(`bn${i}.bias`) }
      : null,
  }));
  const headWeight = w.linear('head.weight');
  const headBias = w.vector('head.bias');
  return (x) => {
    let h = x;
    for (const { weight, bias, norm } of layers) {
      h = tf.add(tf.matMul(h, weight), bias);
      if (norm) h = batchNorm(h, norm.gamma, norm.beta, [0]);
      h = tf.relu(h);
    }
    return tf.add(tf.matMul(h, headWeight), headBias);
  };
}

function cnnForward(spec: Extract<ReferenceSpec, { kind: 'cnn' }>, w: Weights): Forward {
  const axes = [0, 1, 2];
  const convBn = (conv: string, bn: string) => ({
    filter: w.conv(`${conv}.weight`),
    gamma: w.vector(`${bn}.weight`),
    beta: w.vector(`${bn}.bias`),
  });
  type ConvBn = ReturnType<typeof convBn>;
  const apply = (h: tf.Tensor, { filter, gamma, beta }: ConvBn): tf.Tensor =>
    batchNorm(tf.conv2d(h as tf.Tensor4D, filter as tf.Tensor4D, 1, 'same'), gamma, beta, axes);
  const stem = convBn('conv', 'bn');
  const blocks = Array.from({ length: spec.blocks }, (_, i) => ({
    first: convBn(`block${i}.conv1`, `block${i}.bn1`),
    second: convBn(`block${i}.conv2`, `block${i}.bn2`),
  }));
  const headWeight = w.linear('head.weight');
  const headBias = w.vector('head.bias');
  return (x) => {
    let h = tf.relu(apply(x, stem));
    for (const { first, second } of blocks) {
      // y = relu(bn2(conv2(relu(bn1(conv1(h))))) + h)
      const branch = apply(tf.relu(apply(h, first)), second);
      h = tf.relu(tf.add(branch, h));
    }
    const pooled = tf.mean(h, [1, 2]);
    return tf.add(tf.matMul(pooled, headWeight), headBias);
  };
}

/** Builds the model on the current tfjs backend from our initial weights and batch. */
export function createTfjsTrainer(spec: ReferenceSpec, setup: BenchSetup): TfjsTrainer {
  const weights = new Weights(setup.model.params());
  const forward = spec.kind === 'mlp' ? mlpForward(spec, weights) : cnnForward(spec, weights);
  // NCHW with one channel has the same memory order as NHWC.
  const shape =
    spec.kind === 'mlp' ? [spec.batch, spec.inputs] : [spec.batch, spec.size, spec.size, 1];
  const x = tf.tensor(setup.input.data, shape);
  const onehot = tf.oneHot(tf.tensor1d(setup.labels, 'int32'), CLASSES);
  const optimizer = tf.train.momentum(LEARNING_RATE, MOMENTUM);
  // Mean cross-entropy, −mean Σ onehot · logSoftmax(z): on tfjs-wasm this trains 30–40% faster on the
  // MLPs than tf.losses.softmaxCrossEntropy (measured; we keep the faster one for tfjs).
  const lossOf = (): tf.Scalar =>
    tf.neg(tf.mean(tf.sum(tf.mul(onehot, tf.logSoftmax(forward(x))), 1))) as tf.Scalar;
  return {
    step() {
      const cost = optimizer.minimize(lossOf, true, weights.variables);
      if (!cost) throw new Error('tfjs bench: minimize returned no cost');
      const loss = cost.dataSync()[0]!;
      cost.dispose();
      return loss;
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([x, onehot, ...weights.variables]);
    },
  };
}
