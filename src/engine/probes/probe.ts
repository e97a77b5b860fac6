import { BatchNorm1d, BatchNorm2d } from '../layers/batchNorm';
import { Conv2d } from '../layers/conv2d';
import { GlobalAvgPool2d } from '../layers/globalAvgPool2d';
import type { Layer, Param } from '../layers/layer';
import { Linear } from '../layers/linear';
import { ResidualBlock } from '../layers/residualBlock';
import type { ForwardObserver, Model } from '../model/model';
import { activationStats, type ActivationStats, type TapKind } from './activationStats';
import { histogram, symmetricRangeFor, type Histogram, type HistogramRange } from './histogram';
import { l2Norm, meanStd } from './moments';
import { scaleInvariantWeights } from './scaleInvariance';

export interface ParamStats {
  readonly name: string;
  readonly role: Param['role'];
  readonly shape: readonly number[];
  readonly gradNorm: number;
  readonly gradHistogram: Histogram;
  readonly weightStd: number;
  readonly weightHistogram: Histogram;
  /** log10(std(Δw) / std(w)) of this step's update; ≈ −3 is the usual healthy value. Null when w or Δw is all zero. */
  readonly updateRatio: number | null;
  /** ‖W‖ (L2 over every entry) after this step, and at initialization. */
  readonly weightNorm: number;
  readonly initialWeightNorm: number;
  /** ‖ΔW‖ / ‖W‖ of this step, against the weights before it: how far the step turned and stretched W. Null without a step to compare or when W was all zero. */
  readonly relativeUpdate: number | null;
  /** Whether the next layer divides the weight's scale out (scaleInvariance.ts): the loss is the same for cW. */
  readonly scaleInvariant: boolean;
  /**
   * η / ‖W‖² for a scale-invariant weight trained by SGD: the learning rate the weight's direction
   * actually sees, since its gradient shrinks as 1/‖W‖ and the step, measured against ‖W‖, by 1/‖W‖²
   * again. Null for other weights and optimizers (Adam's step does not scale with the gradient).
   */
  readonly effectiveLearningRate: number | null;
}

/** What the recorder needs to know about the run beyond its model. */
export interface ProbeRecorderOptions {
  /** SGD's learning rate, for the effective learning rate; undefined for other optimizers. */
  readonly sgdLearningRate?: number | undefined;
}

export interface NormStats {
  readonly name: string;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  /** Statistics of the latest training batch (absent before the first training step). */
  readonly batchMean?: Float32Array;
  readonly batchVar?: Float32Array;
  /**
   * With ghost batches: the batch statistics are averages over this many ghost batches of the
   * latest batch of `batchSize` samples, each ghost batch's own. Absent without ghost batches.
   */
  readonly ghost?: { readonly ghostBatches: number; readonly batchSize: number };
}

export interface ProbeSnapshot {
  readonly step: number;
  readonly activations: readonly ActivationStats[];
  readonly params: readonly ParamStats[];
  readonly norms: readonly NormStats[];
}

const BINS = 40;

function tapKind(layer: Layer): { kind: TapKind; activation?: string } {
  if (layer instanceof Linear) return { kind: 'linear' };
  if (layer instanceof Conv2d) return { kind: 'conv' };
  if (layer instanceof ResidualBlock) return { kind: 'block' };
  if (layer instanceof GlobalAvgPool2d) return { kind: 'pool' };
  const kind = (layer as { kind?: unknown }).kind;
  if (
    kind === 'relu' ||
    kind === 'leakyRelu' ||
    kind === 'tanh' ||
    kind === 'sigmoid' ||
    kind === 'gelu'
  ) {
    return { kind: 'activation', activation: kind };
  }
  if (
    kind === 'batchNorm' ||
    kind === 'layerNorm' ||
    kind === 'rmsNorm' ||
    kind === 'groupNorm' ||
    kind === 'instanceNorm'
  ) {
    return { kind: 'norm' };
  }
  return { kind: 'other' };
}

/**
 * Computes probe snapshots for one model. It remembers the histogram range chosen the first time it
 * sees each tensor, so the bins stay fixed over the whole run. Probes cost nothing unless asked for.
 */
export class ProbeRecorder {
  private readonly ranges = new Map<string, HistogramRange>();
  private readonly weightCopies: Float32Array[] = [];
  private delta = new Float32Array(0);
  /** Per model: its scale-invariant weights and every parameter's norm when first seen. */
  private readonly models = new WeakMap<
    Model,
    { invariant: Set<string>; initialNorms: Map<string, number> }
  >();

  constructor(
    private readonly bins = BINS,
    private readonly options: ProbeRecorderOptions = {},
  ) {}

  /**
   * Remembers the model's initial weight norms; call it before the first update (a run does, when
   * it builds its model). A model first seen later counts its norms from then.
   */
  watch(model: Model): void {
    if (this.models.has(model)) return;
    this.models.set(model, {
      invariant: scaleInvariantWeights(model),
      initialNorms: new Map(model.params().map((p) => [p.name, l2Norm(p.value.data)])),
    });
  }

  private range(
    key: string,
    values: ArrayLike<number>,
    bounded?: 'tanh' | 'sigmoid',
  ): HistogramRange {
    let range = this.ranges.get(key);
    if (!range) {
      if (bounded === 'tanh') range = { min: -1, max: 1, bins: this.bins };
      else if (bounded === 'sigmoid') range = { min: 0, max: 1, bins: this.bins };
      else range = symmetricRangeFor(values, this.bins);
      this.ranges.set(key, range);
    }
    return range;
  }

  /** An observer for Model.forward that records every top-level layer's output statistics. */
  activationObserver(into: ActivationStats[]): ForwardObserver {
    return (name, layer, output) => {
      const { kind, activation } = tapKind(layer);
      if (kind === 'other') return; // flatten: the same numbers as its input
      const bounded = activation === 'tanh' || activation === 'sigmoid' ? activation : undefined;
      const range = this.range(`act:${name}`, output.data, bounded);
      into.push(activationStats(name, layer.label, kind, output, range, activation));
    };
  }

  /**
   * Copies of the current parameter values, to measure this step's update against: the same arrays
   * every time (one per parameter, grown as needed), so they are valid until the next call. A fresh
   * copy of every parameter at each probe was garbage the Lab's worker collected (170 kB for the
   * Lab's mlp-bn, 12 probes a second).
   */
  copyWeights(model: Model): readonly Float32Array[] {
    const params = model.params();
    const copies = this.weightCopies;
    for (let i = 0; i < params.length; i++) {
      const w = params[i]!.value.data;
      let copy = copies[i];
      if (copy === undefined || copy.length !== w.length)
        copies[i] = copy = new Float32Array(w.length);
      copy.set(w);
    }
    copies.length = params.length;
    return copies;
  }

  /** A working array for one parameter's update Δw: the same storage for every parameter and probe. */
  private deltaFor(length: number): Float32Array {
    if (this.delta.length < length) this.delta = new Float32Array(length);
    return this.delta.subarray(0, length);
  }

  paramStats(model: Model, before: readonly Float32Array[] | undefined): ParamStats[] {
    this.watch(model);
    const { invariant, initialNorms } = this.models.get(model)!;
    const lr = this.options.sgdLearningRate;
    return model.params().map((p, i) => {
      const w = p.value.data;
      const weightStd = meanStd(w).std;
      const weightNorm = l2Norm(w);
      let updateRatio: number | null = null;
      let relativeUpdate: number | null = null;
      const old = before?.[i];
      if (old) {
        const delta = this.deltaFor(w.length);
        for (let k = 0; k < w.length; k++) delta[k] = w[k]! - old[k]!;
        const deltaStd = meanStd(delta).std;
        updateRatio = deltaStd > 0 && weightStd > 0 ? Math.log10(deltaStd / weightStd) : null;
        const oldNorm = l2Norm(old);
        relativeUpdate = oldNorm > 0 ? l2Norm(delta) / oldNorm : null;
      }
      const scaleInvariant = invariant.has(p.name);
      return {
        name: p.name,
        role: p.role,
        shape: [...p.value.shape],
        gradNorm: l2Norm(p.grad.data),
        gradHistogram: histogram(p.grad.data, this.range(`grad:${p.name}`, p.grad.data)),
        weightStd,
        weightHistogram: histogram(w, this.range(`weight:${p.name}`, w)),
        updateRatio,
        weightNorm,
        initialWeightNorm: initialNorms.get(p.name) ?? weightNorm,
        relativeUpdate,
        scaleInvariant,
        effectiveLearningRate:
          scaleInvariant && lr !== undefined && weightNorm > 0
            ? lr / (weightNorm * weightNorm)
            : null,
      };
    });
  }

  normStats(model: Model): NormStats[] {
    const out: NormStats[] = [];
    for (const { name, layer } of model.layers()) {
      if (layer instanceof BatchNorm1d || layer instanceof BatchNorm2d) {
        const buffer = (key: string): Float32Array =>
          Float32Array.from(layer.buffers().find((b) => b.name === key)?.value.data ?? []);
        const batch = layer.lastBatchStats;
        out.push({
          name,
          runningMean: buffer('running_mean'),
          runningVar: buffer('running_var'),
          ...(batch
            ? { batchMean: Float32Array.from(batch.mean), batchVar: Float32Array.from(batch.var) }
            : {}),
          ...(batch && batch.ghostBatches > 1
            ? { ghost: { ghostBatches: batch.ghostBatches, batchSize: batch.batchSize } }
            : {}),
        });
      }
    }
    return out;
  }
}
