import { BatchNorm1d } from '../layers/batchNorm';
import type { Layer } from '../layers/layer';
import { LayerNorm } from '../layers/layerNorm';
import { Linear } from '../layers/linear';
import { weightDistribution } from '../init/distribution';
import { initWeight } from '../init/initialize';
import { makeActivation } from '../model/buildModel';
import type { ActivationKind, InitScheme } from '../model/spec';
import { createRng, type Rng } from '../rng';
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
  const dataRng = rng.fork('data');
  const weights = weightBank(seed, width, init);

  const linears: Linear[] = [];
  const chain: Layer[] = [];
  const taps: number[] = []; // index in `chain` of each layer's last op
  for (let i = 0; i < depth; i++) {
    const linear = new Linear(width, width, false);
    linear.weight.value.data.set(weights.layer(i));
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

/**
 * Layer i's weights depend only on (seed, width, init, i), so the bank of the latest setting is kept:
 * moving the depth, activation or norm slider reuses every layer already drawn.
 */
interface WeightBank {
  readonly key: string;
  layer(index: number): Float32Array;
}

let latestBank: WeightBank | undefined;

function weightBank(seed: number, width: number, init: InitScheme): WeightBank {
  const key = JSON.stringify([seed, width, init]);
  if (latestBank?.key === key) return latestBank;
  const initRng = createRng(seed).fork('init');
  const layers: Float32Array[] = [];
  latestBank = {
    key,
    layer(index) {
      let w = layers[index];
      if (!w) {
        w = new Float32Array(width * width);
        drawWeights(w, [width, width], init, initRng.fork(`layer${index}`));
        layers[index] = w;
      }
      return w;
    },
  };
  return latestBank;
}

/**
 * The probe's weights follow the scheme's distribution exactly, but normal ones come from the faster
 * polar sampler: a width-256 probe at depth 100 draws 6.5 million of them, and the slider has to feel
 * instant. (Training runs draw with `initWeight`, whose sequence the lessons' results depend on.)
 */
function drawWeights(
  out: Float32Array,
  shape: readonly number[],
  init: InitScheme,
  rng: Rng,
): void {
  const d = weightDistribution(init, shape);
  if (d.kind === 'normal') rng.fillNormalFast(out, d.mean, d.std);
  else initWeight({ shape, data: out }, init, rng);
}
