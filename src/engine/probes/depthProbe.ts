import { BatchNorm1d } from '../layers/batchNorm';
import type { Layer } from '../layers/layer';
import { LayerNorm } from '../layers/layerNorm';
import { Linear } from '../layers/linear';
import { initWeight } from '../init/initialize';
import { makeActivation } from '../model/buildModel';
import type { ActivationKind, InitScheme } from '../model/spec';
import { createRng } from '../rng';
import { tensor } from '../tensor';
import { l2Norm, meanStd } from './moments';

export interface DepthProbeOptions {
  /** Hidden layers, 1 to 200. */
  readonly depth: number;
  readonly width: number;
  readonly batchSize: number;
  readonly activation: ActivationKind;
  readonly init: InitScheme;
  readonly norm: 'none' | 'batchNorm' | 'layerNorm';
  readonly seed: number;
}

export interface DepthProbeLayer {
  /** 1-based layer index. */
  readonly layer: number;
  /** Mean and std of the layer's output (after the activation, and the norm when it comes last). */
  readonly activationMean: number;
  readonly activationStd: number;
  /**
   * ‖∂L/∂h‖ for the layer's output h: the backpropagated signal, which the chain rule multiplies by one
   * Jacobian per layer on its way to the input, so it is what vanishes or explodes with depth.
   */
  readonly gradNorm: number;
  /** ‖∂L/∂W‖ of the layer's weight (= dyᵀx: the two effects above can cancel, see the lesson). */
  readonly weightGradNorm: number;
}

export interface DepthProbeResult {
  readonly layers: readonly DepthProbeLayer[];
  /** Std of the N(0, 1) input batch, for reference (≈ 1). */
  readonly inputStd: number;
}

/**
 * Signal propagation in an untrained network: push a batch of N(0, 1) inputs through `depth` layers of
 * [Linear(width, width, no bias) → norm → activation] and backpropagate a unit loss L = Σ r ⊙ y / N with a
 * fixed random r, to see how activations and gradients scale with depth before any training happens.
 */
export function depthProbe(options: DepthProbeOptions): DepthProbeResult {
  const { depth, width, batchSize, activation, init, norm, seed } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > 200) {
    throw new Error(`depthProbe: depth must be a whole number from 1 to 200, got ${depth}`);
  }
  if (!Number.isInteger(width) || width < 1 || width > 4096) {
    throw new Error(`depthProbe: width must be a whole number from 1 to 4096, got ${width}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 2) {
    throw new Error(
      `depthProbe: batch size must be a whole number of at least 2, got ${batchSize}`,
    );
  }
  const rng = createRng(seed);
  const weightRng = rng.fork('init');
  const dataRng = rng.fork('data');

  const linears: Linear[] = [];
  const chain: Layer[] = [];
  const taps: number[] = []; // index in `chain` of each layer's last op
  for (let i = 0; i < depth; i++) {
    const linear = new Linear(width, width, false);
    initWeight(linear.weight.value, init, weightRng);
    linears.push(linear);
    chain.push(linear);
    if (norm === 'batchNorm') chain.push(new BatchNorm1d(width));
    else if (norm === 'layerNorm') chain.push(new LayerNorm([width]));
    chain.push(makeActivation(activation));
    taps.push(chain.length - 1);
  }

  const x = tensor(
    [batchSize, width],
    Array.from({ length: batchSize * width }, () => dataRng.normal()),
  );
  const stats: { mean: number; std: number }[] = [];
  let h = x;
  chain.forEach((layer, i) => {
    h = layer.forward(h, 'train');
    if (taps.includes(i)) stats.push(meanStd(h.data));
  });

  // L = Σ r ⊙ y / N  ⇒  ∂L/∂y = r / N
  let g = tensor(
    h.shape,
    Array.from({ length: h.data.length }, () => dataRng.normal() / batchSize),
  );
  const gradNorms = new Array<number>(depth).fill(0);
  for (let i = chain.length - 1; i >= 0; i--) {
    const tap = taps.indexOf(i);
    if (tap >= 0) gradNorms[tap] = l2Norm(g.data);
    g = chain[i]!.backward(g);
  }

  return {
    inputStd: meanStd(x.data).std,
    layers: stats.map((s, i) => ({
      layer: i + 1,
      activationMean: s.mean,
      activationStd: s.std,
      gradNorm: gradNorms[i]!,
      weightGradNorm: l2Norm(linears[i]!.weight.grad.data),
    })),
  };
}
