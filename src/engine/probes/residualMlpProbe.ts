import { ResidualBlock } from '../layers/residualBlock';
import { buildModel } from '../model/buildModel';
import type { MlpSpec } from '../model/spec';
import { createRng } from '../rng';
import { tensor } from '../tensor';
import { formatMegabytes, RUN_MEMORY_BUDGET } from '../train/memoryPlan';
import {
  checkProbeShape,
  type DepthProbeLayer,
  type DepthProbeOptions,
  type DepthProbeResult,
  type ResidualMlpBlocks,
} from './depthProbeQuery';
import { l2Norm, meanStd } from './moments';

const F32 = 4;

/**
 * Bytes the probe holds: every weight with its gradient (a stem and two matrices per block), and per
 * block the outputs its eight sub-layers keep for backward plus the sum, all in float32. An estimate
 * that errs high (not every block has eight sub-layers); the norms' per-unit vectors are small beside it.
 */
export function residualMlpProbeBytes(depth: number, width: number, batchSize: number): number {
  const weights = (1 + 2 * depth) * width * width * F32 * 2;
  const activations = (4 + 9 * depth) * batchSize * width * F32;
  return weights + activations;
}

/**
 * The depth probe of a residual MLP at initialization, built by the engine's own model builder as a
 * Lab run is: a first layer [Linear → norm → activation] of `width` units, then `depth` residual blocks
 * (two Linear layers each, with the run's normalization, placement and branch init: zero-γ, Fixup,
 * SkipInit, ReZero). A batch of N(0, 1) inputs goes through in train mode and L = Σ r ⊙ y / N on the
 * last block's output comes back, as in the plain probe. Each measured "layer" is a block: the
 * activation statistics and ‖∂L/∂h‖ at its output (after the sum), and ‖∂L/∂W‖ of its two weight
 * matrices together, √(‖∂L/∂W₁‖² + ‖∂L/∂W₂‖²).
 */
export function residualMlpDepthProbe(
  options: DepthProbeOptions,
  blocks: ResidualMlpBlocks,
  budget: number = RUN_MEMORY_BUDGET,
): DepthProbeResult {
  checkProbeShape(options);
  const { depth, width, batchSize, activation, init, norm, seed } = options;
  const bytes = residualMlpProbeBytes(depth, width, batchSize);
  if (bytes > budget) {
    throw new Error(
      `A probe of ${depth} residual blocks of width ${width} needs about ${formatMegabytes(bytes)} of memory, more than the ${formatMegabytes(budget)} it may use. Lower the width or the depth.`,
    );
  }
  const spec: MlpSpec = {
    family: 'mlp',
    inputSize: width,
    numClasses: 2,
    depth,
    width,
    activation,
    norm: { kind: norm },
    normPlacement: blocks.normPlacement,
    init,
    bias: blocks.bias,
    residual: true,
    branchInit: blocks.branchInit,
  };
  const model = buildModel(spec, createRng(seed).fork('init'));
  // Everything up to the last block: the classifier (and Fixup's scalar bias before it) is not probed.
  const children = model.root.children;
  const lastBlock = children.findLastIndex(([, layer]) => layer instanceof ResidualBlock);
  const body = children.slice(0, lastBlock + 1);

  const dataRng = createRng(seed).fork('data');
  const x = tensor([batchSize, width]);
  for (let i = 0; i < x.data.length; i++) x.data[i] = dataRng.normal();
  const stats: { mean: number; std: number }[] = [];
  let h = x;
  for (const [, layer] of body) {
    h = layer.forward(h, 'train');
    if (layer instanceof ResidualBlock) stats.push(meanStd(h.data));
  }

  // L = Σ r ⊙ y / N  ⇒  ∂L/∂y = r / N
  let g = tensor([batchSize, width]);
  for (let i = 0; i < g.data.length; i++) g.data[i] = dataRng.normal() / batchSize;
  const gradNorms = new Array<number>(depth).fill(0);
  const weightGradNorms = new Array<number>(depth).fill(0);
  let block = depth;
  // Down to the first block: the stem's gradients are not shown.
  for (let i = body.length - 1; i >= 0 && block > 0; i--) {
    const layer = body[i]![1];
    if (!(layer instanceof ResidualBlock)) {
      g = layer.backward(g);
      continue;
    }
    block--;
    gradNorms[block] = l2Norm(g.data);
    g = layer.backward(g);
    weightGradNorms[block] = Math.hypot(
      l2Norm(layer.layer1.weight.grad.data),
      l2Norm(layer.layer2.weight.grad.data),
    );
  }

  return {
    inputStd: meanStd(x.data).std,
    unit: 'block',
    layers: probeLayers(stats, gradNorms, weightGradNorms),
  };
}

/** The measured layers (or blocks), numbered from 1, from their output statistics and gradient norms. */
export function probeLayers(
  stats: readonly { readonly mean: number; readonly std: number }[],
  gradNorms: readonly number[],
  weightGradNorms: readonly number[],
): DepthProbeLayer[] {
  return stats.map((s, i) => ({
    layer: i + 1,
    activationMean: s.mean,
    activationStd: s.std,
    gradNorm: gradNorms[i]!,
    weightGradNorm: weightGradNorms[i]!,
  }));
}
