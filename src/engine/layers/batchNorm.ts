import { expectRank, formatShape, reuse, tensor, type Tensor } from '../tensor';
import { layerWasm, type Rows } from './layerWasm';
import { scratch } from './scratch';
import { cached, makeParam, type Buffer, type Layer, type Mode, type Param } from './layer';
import {
  checkEps,
  checkGradientShape,
  checkPositiveInteger,
  DEFAULT_EPS,
  type NormOptions,
} from './normCore';

export interface BatchNormOptions extends NormOptions {
  /** Weight of the newest batch in the running statistics; PyTorch's default is 0.1. */
  readonly momentum?: number;
  /**
   * Ghost batches (Hoffer, Hubara and Soudry 2017, arXiv:1705.08741): in train mode, normalise each
   * run of this many consecutive samples with its own statistics. Absent: the whole batch.
   */
  readonly ghostBatchSize?: number;
}

/**
 * Per-channel statistics of the latest training batch (the Lab charts them against the running ones).
 * With ghost batches, each is the average over the batch's ghost batches of that ghost batch's own
 * statistic: what the running statistics average too, so recalibration and the chart use every
 * ghost batch rather than the last.
 */
export interface BatchStats {
  readonly mean: Float32Array;
  /** Biased variance (÷ n): the one the batch was normalised with. */
  readonly var: Float32Array;
  /** Unbiased variance (÷ (n − 1)): the one that enters running_var. */
  readonly varUnbiased: Float32Array;
  /** How many ghost batches the statistics average (1 without ghost batches). */
  readonly ghostBatches: number;
  /** Samples in the whole training batch. */
  readonly batchSize: number;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * nn.BatchNorm1d / nn.BatchNorm2d. Both view their input as [N, C, S] (S = 1 for [N, C], L for
 * [N, C, L], H·W for [N, C, H, W]) and normalise each channel over its N·S values.
 *   train: x̂ = (x − μ_B) / √(σ²_B + eps) with the biased batch variance; the running statistics move
 *          towards the batch ones (running_var with the unbiased variance) and backward flows
 *          through μ_B and σ²_B.
 *   eval:  x̂ = (x − running_mean) / √(running_var + eps), statistics held constant.
 * Then y = γ x̂ + β per channel. Statistics are summed in float64 and stored in float32.
 *
 * Ghost batches change only the statistics: in train mode the batch is split into consecutive
 * sub-batches of `ghostBatchSize` samples (the last may be smaller), each normalised with its own
 * μ and σ² and moving the running statistics once, in order, exactly as PyTorch's
 * torch.cat([bn(part) for part in x.split(g)]). The gradient still covers the whole batch.
 */
export abstract class BatchNorm implements Layer {
  readonly kind = 'batchNorm';
  readonly label: string;
  readonly eps: number;
  readonly momentum: number;
  /** Samples per ghost batch in train mode; undefined: the whole batch. */
  readonly ghostBatchSize: number | undefined;
  /** γ, PyTorch's `weight`. */
  readonly weight: Param;
  /** β, PyTorch's `bias`. */
  readonly bias: Param;
  readonly runningMean: Buffer;
  readonly runningVar: Buffer;
  /** Training forwards so far (PyTorch keeps it; with a momentum set it does not affect the update). */
  readonly numBatchesTracked: Buffer;
  /**
   * PyTorch's `bn.eval()` on this one module while the model trains (fine-tuning with small batches):
   * a frozen BatchNorm normalises with its running statistics and leaves them as they are in train mode
   * too, so it is the fixed per-channel affine map of eval mode, and backward skips the statistics.
   * γ and β still train.
   */
  frozen = false;
  private readonly batchStats: Writable<BatchStats>;
  /** Per channel, Σ over the latest batch's ghost batches of μ, σ² and the unbiased σ². */
  private readonly statSums: Float64Array;
  private hasBatchStats = false;
  /**
   * Per (ghost batch, channel): the μ and 1/√(σ² + eps) that the latest forward normalised with
   * (one ghost batch: the whole batch, or eval mode's running statistics).
   */
  private mean: Float64Array;
  private invStd: Float64Array;
  /** Samples per ghost batch in the latest forward (the whole batch without ghost batches). */
  private segment = 1;
  private x: Tensor | undefined;
  private mode: Mode = 'train';
  private y: Tensor | undefined;

  protected constructor(
    name: string,
    private readonly ranks: readonly number[],
    readonly numFeatures: number,
    options: BatchNormOptions,
  ) {
    this.label = `${name}(${numFeatures})`;
    checkPositiveInteger(numFeatures, 'numFeatures', name);
    this.eps = checkEps(options.eps ?? DEFAULT_EPS, this.label);
    const momentum = options.momentum ?? 0.1;
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new Error(`${this.label}: momentum must be in [0, 1], got ${momentum}`);
    }
    this.momentum = momentum;
    const ghost = options.ghostBatchSize;
    if (ghost !== undefined && !(Number.isInteger(ghost) && ghost >= 2)) {
      throw new Error(
        `${this.label}: ghostBatchSize must be a whole number of at least 2 samples, got ${ghost}`,
      );
    }
    this.ghostBatchSize = ghost;
    const gamma = tensor([numFeatures]);
    gamma.data.fill(1);
    this.weight = makeParam('weight', 'normScale', gamma);
    this.bias = makeParam('bias', 'normShift', tensor([numFeatures]));
    const runningVar = tensor([numFeatures]);
    runningVar.data.fill(1);
    this.runningMean = { name: 'running_mean', value: tensor([numFeatures]) };
    this.runningVar = { name: 'running_var', value: runningVar };
    // A scalar, as in PyTorch's state_dict.
    this.numBatchesTracked = { name: 'num_batches_tracked', value: tensor([]) };
    this.batchStats = {
      mean: new Float32Array(numFeatures),
      var: new Float32Array(numFeatures),
      varUnbiased: new Float32Array(numFeatures),
      ghostBatches: 0,
      batchSize: 0,
    };
    this.statSums = new Float64Array(3 * numFeatures);
    this.mean = new Float64Array(numFeatures);
    this.invStd = new Float64Array(numFeatures);
  }

  /**
   * Statistics of the latest training batch (with ghost batches, averaged over its ghost batches);
   * undefined before the first one. Overwritten by the next.
   */
  get lastBatchStats(): BatchStats | undefined {
    return this.hasBatchStats ? this.batchStats : undefined;
  }

  forward(x: Tensor, mode: Mode): Tensor {
    expectRank(x, this.ranks, this.label);
    const n = x.shape[0]!;
    const channels = x.shape[1]!;
    if (channels !== this.numFeatures) {
      throw new Error(
        `${this.label}: expected ${this.numFeatures} channels (dim 1), got shape ${formatShape(x.shape)}`,
      );
    }
    const spatial = n * channels === 0 ? 0 : x.data.length / (n * channels);
    // A frozen norm behaves as in eval mode whatever the model's mode.
    const used: Mode = this.frozen ? 'eval' : mode;
    if (used === 'train') {
      const segment = Math.min(n, this.ghostBatchSize ?? n);
      // The smallest ghost batch is the last one.
      const last = n - segment * (Math.ceil(n / Math.max(1, segment)) - 1);
      if (n * spatial === 1) throw new BatchOfOneError(this.label, x.shape);
      if (last * spatial === 1) throw new GhostBatchOfOneError(this.label, n, segment);
      this.useBatchStatistics(x, n, spatial, segment);
    } else {
      this.useRunningStatistics(n);
    }
    this.x = x;
    this.mode = used;
    const y = (this.y = reuse(this.y, x.shape));
    const gamma = this.weight.value.data;
    const beta = this.bias.value.data;
    const coefficients = perChannel.coefficients(channels);
    // One batch statistic: channelSums just loaded x into the module, nothing has run there since.
    const loaded = used === 'train' && this.segment >= n;
    for (let k = 0; k * this.segment < Math.max(n, 1); k++) {
      const rows = {
        from: k * this.segment,
        to: Math.min(n, (k + 1) * this.segment),
        channels,
        spatial,
      };
      for (let c = 0; c < channels; c++) {
        // y = γ (x − μ) r + β = x·(γ r) + (β − μ γ r)
        const scale = gamma[c]! * this.invStd[k * channels + c]!;
        coefficients[2 * c] = scale;
        coefficients[2 * c + 1] = beta[c]! - this.mean[k * channels + c]! * scale;
      }
      channelAffine(x.data, y.data, rows, coefficients, loaded);
    }
    return y;
  }

  backward(dy: Tensor): Tensor {
    const x = cached(this.x, this.label);
    checkGradientShape(dy, x, this.label);
    const n = x.shape[0]!;
    const channels = this.numFeatures;
    const spatial = n === 0 ? 0 : x.data.length / (n * channels);
    // In eval mode μ and σ² are constants, so only the direct path dy·γ r remains.
    const throughStatistics = this.mode === 'train';
    const dx = scratch.gradientBuffer(x.shape, dy);
    const gamma = this.weight.value.data;
    const gammaGrad = this.weight.grad.data;
    const betaGrad = this.bias.grad.data;
    const sums = perChannel.sums(channels);
    const coefficients = perChannel.coefficients(channels);
    // Each ghost batch is a BatchNorm of its own: its μ, σ² depend on its samples only.
    for (let k = 0; k * this.segment < n; k++) {
      const rows = {
        from: k * this.segment,
        to: Math.min(n, (k + 1) * this.segment),
        channels,
        spatial,
      };
      const count = (rows.to - rows.from) * spatial;
      const mean = this.mean.subarray(k * channels, (k + 1) * channels);
      // Pass 1: Σ dy and Σ dy (x − μ) over each channel.
      channelGradientSums(x.data, dy.data, rows, mean, sums);
      for (let c = 0; c < channels; c++) {
        const mu = mean[c]!;
        const r = this.invStd[k * channels + c]!;
        const sumDy = sums[2 * c]!;
        const sumDyCentred = sums[2 * c + 1]!;
        betaGrad[c]! += sumDy; // dβ = Σ dy
        gammaGrad[c]! += sumDyCentred * r; // dγ = Σ dy x̂
        // Pass 2: dx = γ r (dy − mean(dy) − x̂ mean(dy x̂)) = p dy + q x + o   (train)
        //         dx = γ r dy                                                (eval)
        const p = gamma[c]! * r;
        const q = throughStatistics ? (-p * r * r * sumDyCentred) / count : 0;
        coefficients[3 * c] = p;
        coefficients[3 * c + 1] = q;
        coefficients[3 * c + 2] = throughStatistics ? (-p * sumDy) / count - q * mu : 0;
      }
      // x and dy of these rows are in the module since channelGradientSums.
      channelGradient(x.data, dy.data, dx.data, rows, coefficients, true);
    }
    return dx;
  }

  params(): readonly Param[] {
    return [this.weight, this.bias];
  }

  buffers(): readonly Buffer[] {
    return [this.runningMean, this.runningVar, this.numBatchesTracked];
  }

  /** Room for the statistics of `segments` ghost batches (kept at the largest count seen). */
  private reserve(segments: number): void {
    const size = segments * this.numFeatures;
    if (this.mean.length >= size) return;
    this.mean = new Float64Array(size);
    this.invStd = new Float64Array(size);
  }

  /**
   * Per ghost batch of `segment` samples (the whole batch without ghost batches) and channel μ_B, σ²_B
   * over its samples' values; each ghost batch moves the running statistics towards its own, in order.
   */
  private useBatchStatistics(x: Tensor, n: number, spatial: number, segment: number): void {
    this.segment = Math.max(1, segment);
    const segments = Math.max(1, Math.ceil(n / this.segment));
    this.reserve(segments);
    this.statSums.fill(0);
    for (let k = 0; k < segments; k++) {
      this.useSegmentStatistics(x, k, Math.min(n, (k + 1) * this.segment), spatial);
    }
    const channels = this.numFeatures;
    const stats = this.batchStats;
    for (let c = 0; c < channels; c++) {
      stats.mean[c] = this.statSums[c]! / segments;
      stats.var[c] = this.statSums[channels + c]! / segments;
      stats.varUnbiased[c] = this.statSums[2 * channels + c]! / segments;
    }
    stats.ghostBatches = segments;
    stats.batchSize = n;
    this.hasBatchStats = true;
  }

  private useSegmentStatistics(x: Tensor, k: number, to: number, spatial: number): void {
    const channels = this.numFeatures;
    const from = k * this.segment;
    const count = (to - from) * spatial;
    const xd = x.data;
    const m = this.momentum;
    const runningMean = this.runningMean.value.data;
    const runningVar = this.runningVar.value.data;
    const sums = perChannel.sums(channels);
    // Sums are centred on each channel's first value so that E[d²] − E[d]² stays accurate when |μ| ≫ σ.
    channelSums(x.data, { from, to, channels, spatial }, sums);
    for (let c = 0; c < channels; c++) {
      const shift = xd[(from * channels + c) * spatial]!;
      const s1 = sums[2 * c]!;
      const s2 = sums[2 * c + 1]!;
      const centred = s1 / count;
      const mu = shift + centred;
      const variance = Math.max(0, s2 / count - centred * centred);
      const unbiased = (variance * count) / (count - 1);
      this.mean[k * channels + c] = mu;
      this.invStd[k * channels + c] = 1 / Math.sqrt(variance + this.eps);
      this.statSums[c]! += mu;
      this.statSums[channels + c]! += variance;
      this.statSums[2 * channels + c]! += unbiased;
      // running = (1 − m) running + m batch, with the unbiased variance
      runningMean[c] = (1 - m) * runningMean[c]! + m * mu;
      runningVar[c] = (1 - m) * runningVar[c]! + m * unbiased;
    }
    this.numBatchesTracked.value.data[0]! += 1;
  }

  private useRunningStatistics(n: number): void {
    this.segment = Math.max(1, n);
    const runningMean = this.runningMean.value.data;
    const runningVar = this.runningVar.value.data;
    for (let c = 0; c < this.numFeatures; c++) {
      this.mean[c] = runningMean[c]!;
      this.invStd[c] = 1 / Math.sqrt(runningVar[c]! + this.eps);
    }
  }
}

/**
 * One ghost batch's per-channel sums (2 a channel) and coefficients (up to 3 a channel), in float64:
 * working numbers of one call, shared by every BatchNorm of the thread since layers run one at a
 * time (as scratch.ts's buffers), kept at the most channels seen.
 */
const perChannel = {
  sumsOf: new Float64Array(0),
  coefficientsOf: new Float64Array(0),
  sums(channels: number): Float64Array {
    if (this.sumsOf.length < 2 * channels) this.sumsOf = new Float64Array(2 * channels);
    return this.sumsOf;
  },
  coefficients(channels: number): Float64Array {
    if (this.coefficientsOf.length < 3 * channels) {
      this.coefficientsOf = new Float64Array(3 * channels);
    }
    return this.coefficientsOf;
  },
};

// The loops over each channel of samples [from, to) of x viewed as [N, C, S]. Each runs in the
// WebAssembly module where the host has SIMD (layerWasm.ts, assembly/eltwise.ts), with the same bits.

/** sums[2c] = Σ d, sums[2c + 1] = Σ d² with d = x − x[from, c, 0], in float64 and memory order. */
function channelSums(x: Float32Array, rows: Rows, sums: Float64Array): void {
  const wasm = layerWasm();
  if (wasm) return wasm.channelSums(x, rows, sums);
  const { from, to, channels, spatial } = rows;
  for (let c = 0; c < channels; c++) {
    const shift = x[(from * channels + c) * spatial]!;
    let s1 = 0;
    let s2 = 0;
    for (let i = from; i < to; i++) {
      const start = (i * channels + c) * spatial;
      for (let j = start; j < start + spatial; j++) {
        const d = x[j]! - shift;
        s1 += d;
        s2 += d * d;
      }
    }
    sums[2 * c] = s1;
    sums[2 * c + 1] = s2;
  }
}

/** sums[2c] = Σ dy, sums[2c + 1] = Σ dy (x − μ_c), in float64 and memory order. */
function channelGradientSums(
  x: Float32Array,
  dy: Float32Array,
  rows: Rows,
  mean: Float64Array,
  sums: Float64Array,
): void {
  const wasm = layerWasm();
  if (wasm) return wasm.channelGradientSums(x, dy, rows, mean, sums);
  const { from, to, channels, spatial } = rows;
  for (let c = 0; c < channels; c++) {
    const mu = mean[c]!;
    let sumDy = 0;
    let sumDyCentred = 0;
    for (let i = from; i < to; i++) {
      const start = (i * channels + c) * spatial;
      for (let j = start; j < start + spatial; j++) {
        const g = dy[j]!;
        sumDy += g;
        sumDyCentred += g * (x[j]! - mu);
      }
    }
    sums[2 * c] = sumDy;
    sums[2 * c + 1] = sumDyCentred;
  }
}

/**
 * y = x·s_c + o_c with (s_c, o_c) = coefficients[2c], [2c + 1]; float64 arithmetic, float32 result.
 * `loaded`: channelSums on the same x and rows was the module's last call (its copy of x is reused).
 */
function channelAffine(
  x: Float32Array,
  y: Float32Array,
  rows: Rows,
  coefficients: Float64Array,
  loaded: boolean,
): void {
  const wasm = layerWasm();
  if (wasm) return wasm.channelAffine(x, y, rows, coefficients, loaded);
  const { from, to, channels, spatial } = rows;
  for (let c = 0; c < channels; c++) {
    const scale = coefficients[2 * c]!;
    const offset = coefficients[2 * c + 1]!;
    for (let i = from; i < to; i++) {
      const start = (i * channels + c) * spatial;
      for (let j = start; j < start + spatial; j++) y[j] = x[j]! * scale + offset;
    }
  }
}

/**
 * dx = dy·p_c + x·q_c + o_c with (p_c, q_c, o_c) = coefficients[3c … 3c + 2].
 * `loaded`: channelGradientSums on the same x, dy and rows was the module's last call.
 */
function channelGradient(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  rows: Rows,
  coefficients: Float64Array,
  loaded: boolean,
): void {
  const wasm = layerWasm();
  if (wasm) return wasm.channelGradient(x, dy, dx, rows, coefficients, loaded);
  const { from, to, channels, spatial } = rows;
  for (let c = 0; c < channels; c++) {
    const p = coefficients[3 * c]!;
    const q = coefficients[3 * c + 1]!;
    const o = coefficients[3 * c + 2]!;
    for (let i = from; i < to; i++) {
      const start = (i * channels + c) * spatial;
      for (let j = start; j < start + spatial; j++) dx[j] = dy[j]! * p + x[j]! * q + o;
    }
  }
}

/**
 * BatchNorm in train mode was given one value per channel (a batch of one sample without spatial
 * extent). Typed, so the worker can explain it to the learner without reading the message.
 */
export class BatchOfOneError extends Error {
  constructor(label: string, shape: readonly number[]) {
    super(batchOfOneMessage(label, shape));
    this.name = 'BatchOfOneError';
  }
}

function batchOfOneMessage(label: string, shape: readonly number[]): string {
  return (
    `${label}: Expected more than 1 value per channel when training, got input size ${formatShape(shape)}. ` +
    'In training mode BatchNorm normalises each channel with the mean and variance of the batch, and ' +
    'the variance of a single value is 0, so the normalisation is undefined (every output would be β ' +
    'and no gradient would reach the input). Use eval mode (which normalises with the running ' +
    'statistics), a batch of more than one sample, or GroupNorm/LayerNorm, which normalise within ' +
    'each sample.'
  );
}

/** A ghost batch of one sample without spatial extent: its variance would be 0, as for a batch of one. */
export class GhostBatchOfOneError extends Error {
  constructor(label: string, n: number, segment: number) {
    super(
      `${label}: a batch of ${n} samples in ghost batches of ${segment} leaves a last ghost batch of 1 sample, ` +
        'whose variance is 0 so its normalisation is undefined. Choose a ghost batch size that divides the batch size, ' +
        'or one that leaves at least 2 samples for the last ghost batch.',
    );
    this.name = 'GhostBatchOfOneError';
  }
}

/** nn.BatchNorm1d on [N, C] (or [N, C, L]): statistics per feature over the batch. */
export class BatchNorm1d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm1d', [2, 3], numFeatures, options);
  }
}

/** nn.BatchNorm2d on [N, C, H, W]: statistics per channel over the batch and all positions. */
export class BatchNorm2d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm2d', [4], numFeatures, options);
  }
}
