import type { ValidationPoint } from '../../worker/protocol';
import { formatNumber, formatPercent, formatStep } from './format';
import { decadeTicks, logDomain } from './logScale';
import type { PlotScale } from './plotScale';
import { niceTicks } from './ticks';

export interface LossSeries {
  readonly steps: ArrayLike<number>;
  readonly losses: ArrayLike<number>;
}

/** One training run as the loss chart draws it. */
export interface LossRun {
  /** 'A' to 'D'. */
  readonly id: string;
  /** What the learner chose, e.g. 'Kaiming · BatchNorm'. */
  readonly label: string;
  readonly color: string;
  readonly train: LossSeries;
  readonly validation: readonly ValidationPoint[];
  /** The step the engine stopped the run at because its loss or weights stopped being finite. */
  readonly divergedAt?: number | undefined;
}

/** A run's validation points as parallel arrays, the form the canvas lines draw from. */
export interface ValidationColumns {
  readonly steps: Float64Array;
  readonly losses: Float64Array;
  readonly accuracies: Float64Array;
}

export function validationColumns(points: readonly ValidationPoint[]): ValidationColumns {
  const n = points.length;
  const steps = new Float64Array(n);
  const losses = new Float64Array(n);
  const accuracies = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    steps[i] = p.step;
    losses[i] = p.loss;
    accuracies[i] = p.accuracy;
  }
  return { steps, losses, accuracies };
}

/**
 * The steps the chart spans: from the first to the last training or validation step of any run. A
 * single step gets a step of room on each side (never below 0).
 */
export function stepRange(runs: readonly LossRun[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  const see = (s: number | undefined): void => {
    if (s === undefined || !Number.isFinite(s)) return;
    if (s < first) first = s;
    if (s > last) last = s;
  };
  for (const run of runs) {
    // Steps arrive in order, so the ends of each series are its extremes.
    const { steps } = run.train;
    see(steps[0]);
    see(steps[steps.length - 1]);
    see(run.validation[0]?.step);
    see(run.validation[run.validation.length - 1]?.step);
  }
  if (first === Infinity) return [0, 1];
  return first === last ? [Math.max(0, first - 1), last + 1] : [first, last];
}

export interface LossAxis {
  readonly scale: PlotScale;
  readonly ticks: number[];
}

/**
 * The loss axis over every training and validation loss up to `limit` (divergence.ts: a diverged
 * run's losses do not stretch it): from 0 to a round number above the largest (linear), or the whole
 * decades around them (log, which shows only positive losses). Null when no loss can be drawn.
 */
export function lossAxis(
  runs: readonly LossRun[],
  logScale: boolean,
  limit = Infinity,
): LossAxis | null {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number): void => {
    if (!Number.isFinite(v) || v > limit || (logScale && v <= 0)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const run of runs) {
    const { losses } = run.train;
    for (let i = 0; i < losses.length; i++) see(losses[i]!);
    for (const p of run.validation) see(p.loss);
  }
  if (lo === Infinity) return null;
  if (logScale) {
    const domain = logDomain([lo, hi])!;
    return { scale: { kind: 'log', domain }, ticks: decadeTicks(domain) };
  }
  const axis = niceTicks(0, Math.max(0, hi), 5, { extend: true });
  return { scale: { kind: 'linear', domain: axis.domain }, ticks: axis.ticks };
}

export function hasLossData(runs: readonly LossRun[]): boolean {
  return runs.some((run) => lastTrainingPoint(run.train) !== null || run.validation.length > 0);
}

export function hasValidation(runs: readonly LossRun[]): boolean {
  return runs.some((run) => run.validation.some((p) => Number.isFinite(p.accuracy)));
}

/** The latest step with a finite training loss. */
export function lastTrainingPoint(series: LossSeries): { step: number; loss: number } | null {
  const n = Math.min(series.steps.length, series.losses.length);
  for (let i = n - 1; i >= 0; i--) {
    const loss = series.losses[i]!;
    if (Number.isFinite(loss)) return { step: series.steps[i]!, loss };
  }
  return null;
}

/** "Run A (Kaiming · BatchNorm)", or just the label when it already names the run. */
export function runName(run: { readonly id: string; readonly label: string }): string {
  const plain = `Run ${run.id}`;
  if (run.label === '' || run.label === plain) return plain;
  if (run.label.startsWith(plain)) return run.label;
  return `${plain} (${run.label})`;
}

function describeRun(run: LossRun): string {
  const train = lastTrainingPoint(run.train);
  const parts: string[] = [];
  parts.push(
    train
      ? `training loss ${formatNumber(train.loss)} (one batch) at step ${formatStep(train.step)}`
      : 'no training steps yet',
  );
  const validation = run.validation[run.validation.length - 1];
  if (validation) {
    const mode = validation.mode === 'train' ? ' (measured in train mode)' : '';
    parts.push(
      `validation loss ${formatNumber(validation.loss)} and accuracy ${formatPercent(validation.accuracy)} at step ${formatStep(validation.step)}${mode}`,
    );
  }
  if (run.divergedAt !== undefined) parts.push(`diverged at step ${formatStep(run.divergedAt)}`);
  return `${runName(run)}: ${parts.join('; ')}.`;
}

/** The screen-reader text: each run's latest training loss and validation result. */
export function summarizeLoss(runs: readonly LossRun[]): string {
  return runs.map(describeRun).join(' ');
}
