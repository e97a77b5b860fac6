import { BatchNorm1d } from '../layers/batchNorm';
import type { Layer, Param } from '../layers/layer';
import { LayerNorm } from '../layers/layerNorm';
import { Linear } from '../layers/linear';
import { RMSNorm } from '../layers/rmsNorm';
import { scratch } from '../layers/scratch';
import { weightDistribution } from '../init/distribution';
import { initWeight } from '../init/initialize';
import { makeActivation } from '../model/buildModel';
import type { InitScheme } from '../model/spec';
import { createRng, type Rng } from '../rng';
import { tensor } from '../tensor';
import { RUN_MEMORY_BUDGET } from '../train/memoryPlan';
import { depthProbeMemory, depthProbeRefusal, type DepthProbeMemory } from './depthProbeMemory';
import { l2Norm, meanStd } from './moments';
import { checkProbeShape, type DepthProbeOptions, type DepthProbeResult } from './depthProbeQuery';
import { probeLayers, residualMlpDepthProbe } from './residualMlpProbe';

export type { DepthProbeLayer, DepthProbeOptions, DepthProbeResult } from './depthProbeQuery';

/**
 * Signal propagation in an untrained network: push a batch of N(0, 1) inputs through `depth` layers of
 * [Linear(width, width, no bias) → norm → activation] (with `residual`, each added to its input) and
 * backpropagate a unit loss L = Σ r ⊙ y / N with a fixed random r, to see how activations and
 * gradients scale with depth before any training happens.
 * Refused, before anything is allocated, when it would not fit `budget` (depthProbeMemory).
 */
export function depthProbe(
  options: DepthProbeOptions,
  budget: number = RUN_MEMORY_BUDGET,
): DepthProbeResult {
  if (options.residualMlp) {
    if (options.residual === true)
      throw new Error('depthProbe: a residual MLP has its own skip connections; drop `residual`');
    return residualMlpDepthProbe(options, options.residualMlp, budget);
  }
  return buildDepthProbe(options, budget).run();
}

/** A probe built and ready to run. */
export interface BuiltDepthProbe {
  readonly memory: DepthProbeMemory;
  /** Everything the probe allocates (the memory test counts its typed arrays against the plan). */
  readonly holds: readonly object[];
  run(): DepthProbeResult;
}

export function buildDepthProbe(
  options: DepthProbeOptions,
  budget: number = RUN_MEMORY_BUDGET,
): BuiltDepthProbe {
  const { depth, width, batchSize, activation, init, norm, seed } = options;
  const residual = options.residual === true;
  checkProbeShape(options);
  const refusal = depthProbeRefusal(options, budget);
  if (refusal !== undefined) throw new Error(refusal);
  const memory = depthProbeMemory(options, budget);
  const bank = weightBank(seed, width, init);
  bank.keep(memory.bankedLayers);

  // Every layer adds its ∂L/∂W to the same matrix, read and zeroed layer by layer; the layers beyond
  // the bank share one weight matrix, drawn again for each of them in forward and in backward.
  const shape = [width, width] as const;
  const weightGrad = tensor(shape);
  const spare = memory.bankedLayers < depth ? tensor(shape) : undefined;
  // Layer i is its branch [Linear, norm, activation]; with skip connections its output is sums[i].
  const branches: Layer[][] = [];
  for (let i = 0; i < depth; i++) {
    const value = i < memory.bankedLayers ? { shape, data: bank.layer(i) } : spare!;
    const weight: Param = { name: 'weight', role: 'weight', value, grad: weightGrad };
    const branch: Layer[] = [new Linear(width, width, false, weight)];
    if (norm === 'batchNorm') branch.push(new BatchNorm1d(width));
    else if (norm === 'layerNorm') branch.push(new LayerNorm([width]));
    else if (norm === 'rmsNorm') branch.push(new RMSNorm([width]));
    branch.push(makeActivation(activation));
    branches.push(branch);
  }
  const sums = residual ? branches.map(() => tensor([batchSize, width])) : [];
  // The gradient at a sum, kept for the skip path while the branch's backward reuses the scratch.
  const skipGradient = residual ? tensor([batchSize, width]) : undefined;
  /** Puts layer `index`'s weights in the spare matrix when the bank does not keep them. */
  const ready = (index: number) => {
    if (spare && index >= memory.bankedLayers) bank.draw(index, spare.data);
  };

  const x = tensor([batchSize, width]);
  const lossGradient = tensor([batchSize, width]);

  const run = (): DepthProbeResult => {
    const dataRng = createRng(seed).fork('data');
    for (let i = 0; i < x.data.length; i++) x.data[i] = dataRng.normal();
    const stats: { mean: number; std: number }[] = [];
    let h = x;
    branches.forEach((branch, i) => {
      ready(i);
      let y = h;
      for (const layer of branch) y = layer.forward(y, 'train');
      const sum = sums[i];
      if (sum) {
        for (let k = 0; k < sum.data.length; k++) sum.data[k] = h.data[k]! + y.data[k]!;
        y = sum;
      }
      h = y;
      stats.push(meanStd(h.data));
    });

    // L = Σ r ⊙ y / N  ⇒  ∂L/∂y = r / N
    for (let i = 0; i < lossGradient.data.length; i++) {
      lossGradient.data[i] = dataRng.normal() / batchSize;
    }
    let g = lossGradient;
    const gradNorms = new Array<number>(depth).fill(0);
    const weightGradNorms = new Array<number>(depth).fill(0);
    for (let i = depth - 1; i >= 0; i--) {
      gradNorms[i] = l2Norm(g.data);
      skipGradient?.data.set(g.data);
      const branch = branches[i]!;
      for (let j = branch.length - 1; j >= 0; j--) {
        if (j === 0) {
          ready(i);
          weightGrad.data.fill(0);
        }
        g = branch[j]!.backward(g);
      }
      weightGradNorms[i] = l2Norm(weightGrad.data);
      // ∂L/∂h = the branch's share + the skip path's identity share
      if (skipGradient) for (let k = 0; k < g.data.length; k++) g.data[k]! += skipGradient.data[k]!;
    }

    return {
      inputStd: meanStd(x.data).std,
      layers: probeLayers(stats, gradNorms, weightGradNorms),
    };
  };
  return {
    memory,
    holds: [
      branches,
      sums,
      skipGradient ?? {},
      bank,
      weightGrad,
      spare ?? {},
      x,
      lossGradient,
      scratch,
    ],
    run,
  };
}

/**
 * Layer i's weights depend only on (seed, width, init, i), so the bank of the latest setting is kept:
 * moving the depth, activation or norm slider reuses every layer already drawn. It keeps the first
 * layers only, as many as the memory budget leaves room for; the others are drawn when needed.
 */
class WeightBank {
  private readonly layers: Float32Array[] = [];
  private capacity = 0;

  constructor(
    readonly key: string,
    private readonly width: number,
    private readonly init: InitScheme,
    private readonly initRng: Rng,
  ) {}

  /** Keeps at most the first `count` layers from now on, letting any others go. */
  keep(count: number): void {
    this.capacity = count;
    if (this.layers.length > count) this.layers.length = count;
  }

  /** Layer `index`'s weights, drawn once and kept (index below the capacity). */
  layer(index: number): Float32Array {
    if (index >= this.capacity) throw new Error(`depthProbe: layer ${index} is not in the bank`);
    let w = this.layers[index];
    if (!w) {
      w = new Float32Array(this.width * this.width);
      this.draw(index, w);
      this.layers[index] = w;
    }
    return w;
  }

  /** Draws layer `index`'s weights into `out` (the same values `layer` keeps). */
  draw(index: number, out: Float32Array): void {
    drawWeights(out, [this.width, this.width], this.init, this.initRng.fork(`layer${index}`));
  }
}

let latestBank: WeightBank | undefined;

function weightBank(seed: number, width: number, init: InitScheme): WeightBank {
  const key = JSON.stringify([seed, width, init]);
  if (latestBank?.key !== key) {
    // Let the old bank go before the new one fills up.
    latestBank = undefined;
    latestBank = new WeightBank(key, width, init, createRng(seed).fork('init'));
  }
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
