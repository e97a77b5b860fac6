import type { ConvGeometry } from '../kernels/im2col';
import {
  convForwardBytes,
  convWeightGradientBytes,
  eltwiseLayout,
  OPTIMIZER_CHUNK,
  optimizerLayout,
  gemmLayout,
  WASM_PAGE_BYTES,
  type WasmSizing,
} from '../kernels/wasmLayout';
import { SIMD_WASM_SIZING } from '../kernels/wasmSizing';
import { MAX_FORWARD_CHUNK } from '../model/model';
import type { ActivationKind, CnnSpec, MlpSpec, ModelSpec, NormSpec } from '../model/spec';
import type { RunConfig } from './runConfig';
import { formatCount } from '../text/numberText';

/**
 * The memory one run may use: typed arrays and WebAssembly memory of its worker, everything included
 * (the data, the model, its optimizer, activations, scratch). 256 MB in decimal megabytes, so it holds
 * whichever way a reader counts.
 */
export const RUN_MEMORY_BUDGET = 256_000_000;

/** The sizes of the data a run holds. */
export interface DataSize {
  readonly trainCount: number;
  readonly testCount: number;
}

/** The worker a run is planned for: its kernels, and what it holds already and cannot give back. */
export interface RunHost {
  /** The SIMD module's sizes, or undefined where the engine multiplies in plain JavaScript. */
  readonly wasm: WasmSizing | undefined;
  /** Whether Conv2d runs on the module's implicit GEMM (else im2col and a product). */
  readonly implicitConv: boolean;
  /** WebAssembly memory never shrinks on its own (TrainingRun releases it before planning). */
  readonly heldWasm: number;
}

/**
 * A new training worker with WebAssembly SIMD, as every browser normlab supports gives it: what the
 * Lab plans for before a worker exists (the worker checks again with what it really has,
 * workerHost.ts).
 */
export const FRESH_WORKER: RunHost = { wasm: SIMD_WASM_SIZING, implicitConv: true, heldWasm: 0 };

/** Bytes, by what they hold. */
export interface MemoryParts {
  /** Train and test samples and labels, and the loader's batch. */
  readonly data: number;
  /** Weights, biases, norm affines and norm statistics. */
  readonly parameters: number;
  readonly gradients: number;
  /** SGD's momentum, Adam's two moments. */
  readonly optimizer: number;
  /** Every layer's output, for the larger of a training batch and a forward-only chunk. */
  readonly activations: number;
  /** The input gradients backward hands down, in a few buffers all layers share. */
  readonly gradientScratch: number;
  /** The JavaScript convolution's working arrays and the flipped kernel, shared by all layers. */
  readonly convScratch: number;
  /** The copies a probe step makes (the weights before the update, one delta at a time). */
  readonly probes: number;
  /**
   * The WebAssembly module's memory: the operands of its largest call (a product, a convolution, or
   * a ReLU, BatchNorm, residual-sum or bias-gradient loop with its two operands).
   */
  readonly wasm: number;
}

export interface MemoryPlan {
  readonly budget: number;
  readonly batchSize: number;
  /** Samples per forward-only chunk. */
  readonly evalBatch: number;
  readonly parts: MemoryParts;
  readonly total: number;
  readonly fits: boolean;
  /**
   * What the run holds before its first step (built, validated once, its views drawn): no gradients,
   * no optimizer state, no training batch. Opening a link costs this much per run, not `total`.
   */
  readonly beforeTraining: number;
}

/** One layer's cost. Floats unless the name says bytes; "per sample" scales with the batch. */
interface LayerCost {
  /** Learned values (their gradients are as many). */
  readonly params: number;
  /** Everything else the layer keeps whatever the batch (norm statistics, float64 gradient sums). */
  readonly stateBytes: number;
  /** The output buffer. */
  readonly outputPerSample: number;
  /** Per-sample statistics of a LayerNorm/RMSNorm/GroupNorm/InstanceNorm, in bytes. */
  readonly statsBytesPerSample: number;
  /** The input gradient. */
  readonly inputGradientPerSample: number;
  /** Whether backward computes the input gradient: not for the first layer, whose input is the data (Model.backward). */
  readonly inputGradient: boolean;
  readonly conv?: {
    readonly geometry: ConvGeometry;
    readonly outChannels: number;
    readonly bias: boolean;
  };
  readonly linear?: { readonly inFeatures: number; readonly outFeatures: number };
  /**
   * The layer's loops run in the WebAssembly module (layerWasm.ts: ReLU, BatchNorm, the residual
   * sum) on operands of its output's size, with `channels` per-channel numbers.
   */
  readonly moduleLoops?: { readonly channels: number };
  /**
   * Global average pooling sums its input's planes in the WebAssembly module (planeSums.ts): the
   * input's floats and planes a sample.
   */
  readonly pooling?: { readonly floats: number; readonly planes: number };
  /** Weight standardization: the weights standardized (the gradient's working copy is shared). */
  readonly standardizedWeights?: number;
}

const F32 = 4;
const F64 = 8;

function layer(cost: Partial<LayerCost>): LayerCost {
  return {
    params: 0,
    stateBytes: 0,
    outputPerSample: 0,
    statsBytesPerSample: 0,
    inputGradientPerSample: 0,
    inputGradient: true,
    ...cost,
  };
}

/** Ŵ (float32) and each unit's 1/σ (float64) that a layer with standardized weights keeps. */
function standardization(rows: number, cols: number, standardized: boolean): Partial<LayerCost> {
  if (!standardized) return {};
  return { stateBytes: rows * cols * F32 + rows * F64, standardizedWeights: rows * cols };
}

function linear(
  inFeatures: number,
  outFeatures: number,
  bias: boolean,
  standardized = false,
): LayerCost {
  return layer({
    params: inFeatures * outFeatures + (bias ? outFeatures : 0),
    outputPerSample: outFeatures,
    inputGradientPerSample: inFeatures,
    linear: { inFeatures, outFeatures },
    ...standardization(outFeatures, inFeatures, standardized),
  });
}

/** A 3×3, padding-1 convolution on an H×W map (the only kind the CNN has), per sample. */
function conv3x3(
  inChannels: number,
  outChannels: number,
  h: number,
  w: number,
  bias: boolean,
  standardized = false,
) {
  const geometry: ConvGeometry = {
    batch: 1,
    channels: inChannels,
    height: h,
    width: w,
    kernel: 3,
    stride: 1,
    padding: 1,
    outHeight: h,
    outWidth: w,
  };
  return layer({
    params: outChannels * inChannels * 9 + (bias ? outChannels : 0),
    outputPerSample: outChannels * h * w,
    inputGradientPerSample: inChannels * h * w,
    conv: { geometry, outChannels, bias },
    ...standardization(outChannels, inChannels * 9, standardized),
  });
}

/** An activation (only ReLU's loops run in the module), or with `kind` undefined a residual sum. */
function activation(size: number, kind: ActivationKind | undefined): LayerCost {
  const inModule = kind === undefined || kind === 'relu';
  return layer({
    outputPerSample: size,
    inputGradientPerSample: size,
    ...(inModule ? { moduleLoops: { channels: 0 } } : {}),
  });
}

/** A norm over `channels` channels of `spatial` positions each (spatial 1 in the MLP). */
function norm(spec: NormSpec, channels: number, spatial: number, cnn: boolean): LayerCost | null {
  const size = channels * spatial;
  const perSample = { outputPerSample: size, inputGradientPerSample: size };
  /** γ and β over `affine` entries, with the float64 sums of their gradients. */
  const grouped = (affine: number, groups: number) =>
    layer({
      ...perSample,
      params: 2 * affine,
      stateBytes: 2 * affine * F64,
      statsBytesPerSample: 2 * groups * F64,
    });
  switch (spec.kind) {
    case 'none':
      return null;
    case 'batchNorm':
      // running mean and var, the batch's mean, var and unbiased var (float32), μ and 1/σ and the
      // sums of the three batch statistics (float64), and num_batches_tracked; with ghost batches μ
      // and 1/σ of each ghost batch
      return layer({
        ...perSample,
        params: 2 * channels,
        stateBytes: channels * (5 * F32 + 5 * F64) + F32,
        moduleLoops: { channels },
        statsBytesPerSample:
          spec.ghostBatch === undefined ? 0 : (2 * channels * F64) / spec.ghostBatch,
      });
    case 'layerNorm':
      // nn.LayerNorm([C, H, W]) in the CNN: its affine covers every position.
      return grouped(cnn ? size : channels, 1);
    case 'rmsNorm': {
      // γ only (no β) with its float64 gradient sum, and one 1/RMS per sample.
      const affine = cnn ? size : channels;
      return layer({
        ...perSample,
        params: affine,
        stateBytes: affine * F64,
        statsBytesPerSample: F64,
      });
    }
    case 'groupNorm':
      return grouped(channels, spec.groups ?? 1);
    case 'instanceNorm':
      return grouped(channels, channels);
  }
}

/**
 * The layers buildModel makes from `spec`, in forward order, with what each one costs; the first (a
 * Linear or the stem convolution) hands no gradient down (Model.backward).
 */
function layerCosts(spec: ModelSpec): LayerCost[] {
  const [first, ...rest] = spec.family === 'mlp' ? mlpCosts(spec) : cnnCosts(spec);
  if (first === undefined) return rest;
  return [{ ...first, inputGradientPerSample: 0, inputGradient: false }, ...rest];
}

function mlpCosts(spec: MlpSpec): LayerCost[] {
  if (spec.residual === true) return residualMlpCosts(spec);
  const costs: LayerCost[] = [];
  let features = spec.inputSize;
  const ws = spec.weightStandardization === true;
  for (let i = 0; i < spec.depth; i++) {
    costs.push(
      linear(features, spec.width, spec.bias, ws),
      activation(spec.width, spec.activation),
    );
    const n = norm(spec.norm, spec.width, 1, false);
    if (n) costs.push(n);
    features = spec.width;
  }
  costs.push(linear(features, spec.numClasses, true));
  return costs;
}

function residualMlpCosts(spec: MlpSpec): LayerCost[] {
  const w = spec.width;
  const ws = spec.weightStandardization === true;
  const costs: LayerCost[] = [
    linear(spec.inputSize, w, spec.bias, ws),
    activation(w, spec.activation),
  ];
  const stemNorm = norm(spec.norm, w, 1, false);
  if (stemNorm) costs.push(stemNorm);
  const layerBias = spec.bias && spec.branchInit !== 'fixup';
  for (let b = 0; b < spec.depth; b++) {
    costs.push(
      ...blockCosts(
        spec,
        () => linear(w, w, layerBias, ws),
        () => norm(spec.norm, w, 1, false),
        w,
      ),
    );
  }
  costs.push(...headCosts(spec, w));
  return costs;
}

/**
 * One residual block: two weight layers with their activations and norms, the branch init's scalar
 * layers (each keeps an output; a scale also its input gradient) and the sum's own buffer.
 */
function blockCosts(
  spec: ModelSpec,
  weightLayer: () => LayerCost,
  normLayer: () => LayerCost | null,
  size: number,
): LayerCost[] {
  const costs: LayerCost[] = [];
  for (let k = 0; k < 2; k++) {
    costs.push(weightLayer(), activation(size, spec.activation));
    const n = normLayer();
    if (n) costs.push(n);
  }
  const bias = layer({ params: 1, outputPerSample: size });
  const scale = layer({ params: 1, outputPerSample: size, inputGradientPerSample: size });
  if (spec.branchInit === 'fixup') costs.push(bias, bias, bias, bias, scale);
  if (spec.branchInit === 'skipInit' || spec.branchInit === 'reZero') costs.push(scale);
  // act1 and act2 are above; the sum of a residual block keeps a buffer of its own.
  const residual = spec.family === 'mlp' ? spec.residual === true : spec.residual;
  if (residual) costs.push(activation(size, undefined));
  return costs;
}

/** The classifier, after Fixup's scalar bias. */
function headCosts(spec: ModelSpec, features: number): LayerCost[] {
  const fc = linear(features, spec.numClasses, true);
  return spec.branchInit === 'fixup' ? [layer({ params: 1, outputPerSample: features }), fc] : [fc];
}

function cnnCosts(spec: CnnSpec): LayerCost[] {
  const [inChannels, h, w] = spec.inputShape;
  const c = spec.stemChannels;
  const plane = h * w;
  const normed = spec.norm.kind !== 'none';
  const convBias = !(normed && spec.normPlacement === 'before');
  const normLayer = () => norm(spec.norm, c, plane, true);
  const ws = spec.weightStandardization === true;
  const costs: LayerCost[] = [conv3x3(inChannels, c, h, w, !normed, ws)];
  const stemNorm = normLayer();
  if (stemNorm) costs.push(stemNorm);
  costs.push(activation(c * plane, spec.activation));
  const weightBias = convBias && spec.branchInit !== 'fixup';
  for (let b = 0; b < spec.blocks; b++) {
    costs.push(
      ...blockCosts(spec, () => conv3x3(c, c, h, w, weightBias, ws), normLayer, c * plane),
    );
  }
  // Global average pooling, then the classifier.
  costs.push(
    layer({
      outputPerSample: c,
      inputGradientPerSample: c * plane,
      pooling: { floats: c * plane, planes: c },
    }),
  );
  costs.push(...headCosts(spec, c));
  return costs;
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/**
 * What the kernels' working memory depends on: where they run, the layers, the training batch, the
 * largest forward-only batch, and whether backward runs too (validation alone does not).
 */
interface KernelWork {
  readonly host: RunHost;
  readonly costs: readonly LayerCost[];
  readonly batch: number;
  readonly forwardBatch: number;
  readonly training: boolean;
}

/**
 * The WebAssembly memory the run's products, convolutions, layer loops and optimizer updates need: the module grows its memory to the
 * operands of the largest call and keeps it (pages of 64 KiB).
 */
function wasmBytes({ host, costs, batch, forwardBatch, training }: KernelWork): number {
  const kernels = host.wasm;
  if (kernels === undefined) return 0;
  const implicit = host.implicitConv;
  let largest = 0;
  for (const cost of costs) {
    if (cost.moduleLoops) {
      // Forward on the larger of a training batch and a chunk, backward on the training batch.
      const floats = forwardBatch * cost.outputPerSample;
      largest = Math.max(largest, eltwiseLayout(kernels, floats, cost.moduleLoops.channels).end);
    }
    if (cost.pooling) {
      const { floats, planes } = cost.pooling;
      largest = Math.max(
        largest,
        eltwiseLayout(kernels, forwardBatch * floats, forwardBatch * planes).end,
      );
    }
    if (cost.linear) {
      const { inFeatures: i, outFeatures: o } = cost.linear;
      largest = Math.max(largest, gemmLayout(kernels, forwardBatch, o, i).end);
      if (training) {
        largest = Math.max(
          largest,
          gemmLayout(kernels, o, i, batch).end, // dW = dyᵀ x
          cost.inputGradient ? gemmLayout(kernels, batch, i, o).end : 0, // dx = dy W
        );
      }
    }
    if (cost.conv) {
      const { geometry, outChannels, bias } = cost.conv;
      const at = (n: number): ConvGeometry => ({ ...geometry, batch: n });
      if (bias && training) {
        // The bias gradient sums dy's planes in the module (one number a plane).
        const planes = batch * outChannels;
        largest = Math.max(
          largest,
          eltwiseLayout(kernels, batch * cost.outputPerSample, planes).end,
        );
      }
      if (implicit) {
        largest = Math.max(largest, convForwardBytes(kernels, at(forwardBatch), outChannels, bias));
        if (training) {
          const g = at(batch);
          // The input gradient is a convolution of dy with the flipped kernel (Conv2d.fullGeometry).
          const full: ConvGeometry = {
            ...g,
            channels: outChannels,
            padding: g.kernel - 1 - g.padding,
          };
          largest = Math.max(
            largest,
            convWeightGradientBytes(kernels, g, outChannels),
            cost.inputGradient ? convForwardBytes(kernels, full, g.channels, false) : 0,
          );
        }
      } else {
        const { channels, kernel, outHeight, outWidth, height, width } = geometry;
        const patch = channels * kernel * kernel;
        const columns = (n: number) => n * outHeight * outWidth;
        largest = Math.max(
          largest,
          gemmLayout(kernels, outChannels, columns(forwardBatch), patch).end,
        );
        if (training) {
          largest = Math.max(
            largest,
            gemmLayout(kernels, outChannels, patch, columns(batch)).end,
            cost.inputGradient
              ? gemmLayout(kernels, channels, batch * height * width, outChannels * kernel * kernel)
                  .end
              : 0,
          );
        }
      }
    }
  }
  if (training) {
    // The optimizer's update, a parameter at a time in chunks (optimWasm.ts); a layer's params
    // bound its largest parameter's.
    const params = Math.max(0, ...costs.map((cost) => cost.params));
    if (params > 0) {
      largest = Math.max(largest, optimizerLayout(kernels, Math.min(params, OPTIMIZER_CHUNK)).end);
    }
  }
  return largest === 0 ? 0 : Math.ceil(largest / WASM_PAGE_BYTES) * WASM_PAGE_BYTES;
}

/** The JavaScript convolution's shared working arrays (columns, product) and the flipped kernel. */
function convScratchBytes({ host, costs, batch, forwardBatch, training }: KernelWork): number {
  const implicit = host.wasm !== undefined && host.implicitConv;
  let columns = 0;
  let product = 0;
  let flipped = 0;
  for (const cost of costs) {
    if (!cost.conv) continue;
    const { geometry: g, outChannels } = cost.conv;
    const taps = g.kernel * g.kernel;
    const plane = g.outHeight * g.outWidth;
    const inputGradient = training && cost.inputGradient;
    if (inputGradient) flipped = Math.max(flipped, g.channels * outChannels * taps);
    if (implicit) continue;
    columns = Math.max(columns, g.channels * taps * forwardBatch * plane);
    product = Math.max(product, outChannels * forwardBatch * plane);
    if (inputGradient) {
      columns = Math.max(columns, outChannels * taps * batch * g.height * g.width);
      product = Math.max(product, g.channels * batch * g.height * g.width);
    }
  }
  return (columns + product + flipped) * F32;
}

/** How many input-gradient buffers backward keeps at once: two in a chain, three in a residual net. */
function gradientBuffers(spec: ModelSpec): number {
  const residual =
    spec.family === 'cnn' ? spec.residual && spec.blocks > 0 : spec.residual === true;
  return residual ? 3 : 2;
}

function sampleFloats(spec: ModelSpec): number {
  return spec.family === 'mlp'
    ? spec.inputSize
    : spec.inputShape[0] * spec.inputShape[1] * spec.inputShape[2];
}

/**
 * What a run of `config` on data of `data`'s size allocates, part by part, with training batches of
 * `config.batchSize` and forward-only chunks of `evalBatch` samples. The sizes follow the engine's
 * own allocations (test/engine/train/memoryPlan.test.ts holds them against a real run).
 */
export function memoryFor(
  config: RunConfig,
  data: DataSize,
  evalBatch: number,
  host: RunHost = FRESH_WORKER,
): MemoryPlan {
  const { model: spec, batchSize: batch } = config;
  const costs = layerCosts(spec);
  const sample = sampleFloats(spec);
  const paramFloats = sum(costs.map((c) => c.params));
  const largestParam = Math.max(0, ...costs.map((c) => c.params));
  const forwardBatch = Math.max(batch, evalBatch);
  const outputs = (n: number) =>
    n * sum(costs.map((c) => c.outputPerSample * F32 + c.statsBytesPerSample));
  // Each shared buffer is as big as the largest gradient it ever held, so together they are at most
  // the largest few gradients.
  const widest = costs.map((c) => c.inputGradientPerSample).sort((a, b) => b - a);
  // Standardized layers share one working array for ∂L/∂Ŵ, as large as the largest of them.
  const standardizedGradient = Math.max(0, ...costs.map((c) => c.standardizedWeights ?? 0)) * F32;
  const gradientScratch = (n: number) =>
    n * sum(widest.slice(0, gradientBuffers(spec))) * F32 + standardizedGradient;
  const optimizerCopies =
    config.optimizer.kind === 'sgd' ? (config.optimizer.momentum > 0 ? 1 : 0) : 2;
  const dataBytes = (data.trainCount + data.testCount) * (sample * F32 + 4);
  const training: KernelWork = { host, costs, batch, forwardBatch, training: true };
  const validating: KernelWork = { ...training, training: false };
  const parts: MemoryParts = {
    // Two batch buffers: the loader's, and one a probe or a partial batch may gather.
    data: dataBytes + 2 * batch * (sample * F32 + 4),
    parameters: paramFloats * F32 + sum(costs.map((c) => c.stateBytes)),
    gradients: paramFloats * F32,
    optimizer: optimizerCopies * paramFloats * F32,
    // The logits' gradient is the batch × classes array that starts backward.
    activations: outputs(forwardBatch) + batch * spec.numClasses * F32,
    gradientScratch: gradientScratch(batch),
    convScratch: convScratchBytes(training),
    probes: (paramFloats + largestParam) * F32,
    wasm: Math.max(host.heldWasm, wasmBytes(training)),
  };
  const total = sum(Object.values(parts));
  const beforeTraining =
    dataBytes +
    parts.parameters +
    parts.gradients +
    // Validation in train mode (the forgotten model.eval()) runs whole training batches.
    outputs(forwardBatch) +
    convScratchBytes(validating) +
    Math.max(host.heldWasm, wasmBytes(validating));
  return {
    budget: RUN_MEMORY_BUDGET,
    batchSize: batch,
    evalBatch,
    parts,
    total,
    fits: total <= RUN_MEMORY_BUDGET,
    beforeTraining,
  };
}

/**
 * The plan for `config`: forward-only chunks as large as fit (up to MAX_FORWARD_CHUNK). When even chunks of
 * one sample do not fit, the plan of that smallest chunk, with `fits` false.
 */
export function planRunMemory(
  config: RunConfig,
  data: DataSize,
  host: RunHost = FRESH_WORKER,
): MemoryPlan {
  let best = memoryFor(config, data, 1, host);
  if (!best.fits) return best;
  // Memory grows with the chunk, so the largest chunk that fits is found by bisection.
  let low = 1;
  let high = MAX_FORWARD_CHUNK;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const plan = memoryFor(config, data, mid, host);
    if (plan.fits) {
      low = mid;
      best = plan;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 100 ? formatCount(Math.round(mb)) : mb.toPrecision(2)} MB`;
}

/**
 * Why `config` cannot run within the budget, naming the setting to lower; undefined when it fits.
 * Lowering the batch size is proposed when some batch size would fit; otherwise the weights alone
 * (with their gradients and the optimizer's state) are too many, and only width or depth can help.
 */
export function memoryRefusal(
  config: RunConfig,
  data: DataSize,
  host: RunHost = FRESH_WORKER,
): string | undefined {
  const plan = planRunMemory(config, data, host);
  if (plan.fits) return undefined;
  const needs = `This network needs about ${formatMegabytes(plan.total)} of memory to train, more than the ${formatMegabytes(RUN_MEMORY_BUDGET)} a run may use.`;
  const largest = largestBatchThatFits(config, data, host);
  if (largest !== undefined) {
    return `${needs} Lower the batch size to ${formatCount(largest)} or less (or lower the width or the depth).`;
  }
  return `${needs} Lower the width or the depth: even with a batch of one sample it does not fit.`;
}

/** The largest batch size below `config.batchSize` whose plan fits, or undefined when not even 1 does. */
export function largestBatchThatFits(
  config: RunConfig,
  data: DataSize,
  host: RunHost = FRESH_WORKER,
): number | undefined {
  const fits = (batchSize: number) => planRunMemory({ ...config, batchSize }, data, host).fits;
  if (!fits(1)) return undefined;
  let low = 1;
  let high = config.batchSize;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
