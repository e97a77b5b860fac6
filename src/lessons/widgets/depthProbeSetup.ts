/**
 * What the depth-probe widget asks the engine for, and how it reads the answer: the widget's choices
 * (src/lab/probeSettings.ts; an init such as "too large") become an engine InitScheme and
 * DepthProbeOptions, and a probe result becomes a verdict a learner (or a screen reader) can read: steady, shrinking, exploding or zero.
 */
import type { DepthProbeOptions, DepthProbeResult } from '../../engine/probes/depthProbe';
import type { InitScheme } from '../../engine/model/spec';
import { DEFAULT_RUN_SETTINGS } from '../../lab/labSettings';
import {
  PROBE_BATCH_SIZE,
  type ProbeActivation,
  type ProbeInit,
  type ProbeNorm,
} from '../../lab/probeSettings';
import { toInitScheme } from '../../lab/settings';
import type { ProbeMeasure, SIGNAL_TRENDS, Widget } from '../schema';

export type DepthProbeWidget = Extract<Widget, { widget: 'depthProbe' }>;

/** What the learner can change; the widget block gives the starting values. */
export interface DepthProbeChoice {
  readonly depth: number;
  readonly width: number;
  readonly activation: ProbeActivation;
  readonly init: ProbeInit;
  readonly norm: ProbeNorm;
  /** Skip connections around every layer (absent: a plain stack). */
  readonly residual?: boolean | undefined;
}

/** A fixed seed, so moving a slider back shows exactly the picture it showed before. */
export const PROBE_SEED = 1;
/** The "too large" and "too small" inits: N(0, 1) and N(0, 0.01²), whatever the fan. */
export const TOO_LARGE_STD = 1;
export const TOO_SMALL_STD = 0.01;

/**
 * The engine scheme behind an init choice. The named schemes go through the Lab's own conversion, so
 * "Kaiming" here is exactly the Lab's Kaiming (gain matched to the activation).
 */
export function probeInitScheme(init: ProbeInit, activation: ProbeActivation): InitScheme {
  if (init === 'tooLarge') return { kind: 'normal', mean: 0, std: TOO_LARGE_STD };
  if (init === 'tooSmall') return { kind: 'normal', mean: 0, std: TOO_SMALL_STD };
  return toInitScheme({ ...DEFAULT_RUN_SETTINGS, init, activation });
}

export function probeOptions(choice: DepthProbeChoice): DepthProbeOptions {
  return {
    depth: choice.depth,
    width: choice.width,
    batchSize: PROBE_BATCH_SIZE,
    activation: choice.activation,
    init: probeInitScheme(choice.init, choice.activation),
    norm: choice.norm,
    residual: choice.residual === true,
    seed: PROBE_SEED,
  };
}

export function choiceFromWidget(widget: DepthProbeWidget): DepthProbeChoice {
  return {
    depth: widget.depth,
    width: widget.width,
    activation: widget.activation,
    init: widget.init,
    norm: widget.norm,
    residual: widget.residual,
  };
}

/** A factor between this and its inverse from the first layer to the last counts as "roughly constant". */
export const STEADY_FACTOR = 2;

export type SignalTrend = (typeof SIGNAL_TRENDS)[number];

export interface SignalReading {
  readonly trend: SignalTrend;
  /** The value at the start and at the end of the signal's path. */
  readonly first: number;
  readonly last: number;
  /** last / first, and its geometric mean per layer: (last / first)^(1 / (layers − 1)). */
  readonly ratio: number;
  readonly perLayer: number;
  /** The first layer (1-based) whose value is not a finite number, if any. */
  readonly overflowAt?: number;
}

function readSignal(values: readonly number[], layerOf: (i: number) => number): SignalReading {
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const bad = values.findIndex((v) => !Number.isFinite(v));
  const steps = Math.max(1, values.length - 1);
  const ratio = first === 0 ? (last === 0 ? 1 : Infinity) : last / first;
  const perLayer = ratio ** (1 / steps);
  const base = { first, last, ratio, perLayer };
  if (bad >= 0) return { ...base, trend: 'overflow', overflowAt: layerOf(bad) };
  if (values.every((v) => v === 0)) return { ...base, trend: 'zero' };
  if (ratio > STEADY_FACTOR) return { ...base, trend: 'grows' };
  if (ratio < 1 / STEADY_FACTOR) return { ...base, trend: 'shrinks' };
  return { ...base, trend: 'steady' };
}

export interface DepthProbeReading {
  /** Activation std from layer 1 to the last layer (forward direction). */
  readonly activations: SignalReading;
  /** ‖∂L/∂h‖ from the last layer back to layer 1 (the direction backpropagation runs). */
  readonly gradients: SignalReading;
  /**
   * ‖∂L/∂W‖ from the last layer back to layer 1. It is the product of the back-propagated gradient and
   * the layer's input (∂L/∂W = δ·hᵀ), so a shrinking forward signal and a shrinking backward one can
   * cancel: under Xavier + ReLU it is flat across depth while ‖∂L/∂h‖ vanishes.
   */
  readonly weightGradients: SignalReading;
}

/** The number a widget's `expect` entry names (see PROBE_MEASURES). */
export function probeMeasure(reading: DepthProbeReading, measure: ProbeMeasure): number {
  switch (measure) {
    case 'activationPerLayer':
      return reading.activations.perLayer;
    case 'activationRatio':
      return reading.activations.ratio;
    case 'gradientPerLayer':
      return reading.gradients.perLayer;
    case 'gradientRatio':
      return reading.gradients.ratio;
    case 'weightGradientRatio':
      return reading.weightGradients.ratio;
  }
}

export function readDepthProbe(result: DepthProbeResult): DepthProbeReading {
  const stds = result.layers.map((l) => l.activationStd);
  const depth = result.layers.length;
  const grads = result.layers.map((l) => l.gradNorm).reverse();
  const weightGrads = result.layers.map((l) => l.weightGradNorm).reverse();
  return {
    activations: readSignal(stds, (i) => i + 1),
    gradients: readSignal(grads, (i) => depth - i),
    weightGradients: readSignal(weightGrads, (i) => depth - i),
  };
}
