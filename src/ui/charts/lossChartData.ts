import type { ValidationPoint } from '../../worker/protocol';
import { formatNumber, formatPercent, formatStep } from './format';

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
}

/** One x position of the chart: a step, with each run's values under lossKey names. */
export interface LossRow {
  step: number;
  [series: string]: number;
}

export const lossKey = {
  train: (runId: string): string => `train_${runId}`,
  validationLoss: (runId: string): string => `valLoss_${runId}`,
  validationAccuracy: (runId: string): string => `valAcc_${runId}`,
} as const;

export interface LossRowsOptions {
  /** Above this many distinct training steps, every k-th step is kept (validation steps always are). */
  readonly maxRows?: number | undefined;
  /** Drops losses a log axis cannot show (0 and below). */
  readonly logScale?: boolean | undefined;
}

/**
 * Merges every run's training and validation series into rows keyed by step, the shape recharts
 * wants for a shared x-axis and tooltip. Long runs are thinned to keep the chart fast; the steps kept
 * are exact (no averaging) and always include each run's latest step.
 */
export function toLossRows(runs: readonly LossRun[], options: LossRowsOptions = {}): LossRow[] {
  const maxRows = Math.max(2, options.maxRows ?? 1000);
  const logScale = options.logScale ?? false;
  const plottable = (v: number | undefined): v is number =>
    v !== undefined && Number.isFinite(v) && (!logScale || v > 0);

  const union = new Set<number>();
  for (const run of runs) {
    const { steps } = run.train;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (Number.isFinite(s)) union.add(s);
    }
  }
  const sorted = Float64Array.from(union).sort();
  const stride = Math.ceil(sorted.length / maxRows);
  const kept = new Set<number>();
  for (let i = sorted.length - 1; i >= 0; i -= stride) kept.add(sorted[i]!);
  for (const run of runs) {
    const last = run.train.steps[run.train.steps.length - 1];
    if (last !== undefined) kept.add(last);
  }

  const rows = new Map<number, LossRow>();
  const row = (step: number): LossRow => {
    let r = rows.get(step);
    if (!r) {
      r = { step };
      rows.set(step, r);
    }
    return r;
  };
  for (const run of runs) {
    const { steps, losses } = run.train;
    const key = lossKey.train(run.id);
    const n = Math.min(steps.length, losses.length);
    for (let i = 0; i < n; i++) {
      const s = steps[i]!;
      const v = losses[i];
      if (kept.has(s) && plottable(v)) row(s)[key] = v;
    }
    for (const point of run.validation) {
      if (!Number.isFinite(point.step)) continue;
      if (plottable(point.loss)) row(point.step)[lossKey.validationLoss(run.id)] = point.loss;
      if (Number.isFinite(point.accuracy)) {
        row(point.step)[lossKey.validationAccuracy(run.id)] = point.accuracy;
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.step - b.step);
}

/** Only the rows that carry a validation accuracy: the accuracy chart needs no training rows. */
export function accuracyRows(rows: readonly LossRow[], runs: readonly LossRun[]): LossRow[] {
  const keys = runs.map((run) => lossKey.validationAccuracy(run.id));
  return rows.filter((row) => keys.some((k) => row[k] !== undefined));
}

/** The x range of the rows; a single step gets a little room on each side. */
export function stepDomain(rows: readonly LossRow[]): [number, number] {
  const first = rows[0]?.step ?? 0;
  const last = rows[rows.length - 1]?.step ?? 0;
  return first === last ? [Math.max(0, first - 1), last + 1] : [first, last];
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
      ? `training loss ${formatNumber(train.loss)} at step ${formatStep(train.step)}`
      : 'no training steps yet',
  );
  const validation = run.validation[run.validation.length - 1];
  if (validation) {
    const mode = validation.mode === 'train' ? ' (measured in train mode)' : '';
    parts.push(
      `validation loss ${formatNumber(validation.loss)} and accuracy ${formatPercent(validation.accuracy)} at step ${formatStep(validation.step)}${mode}`,
    );
  }
  return `${runName(run)}: ${parts.join('; ')}.`;
}

/** The screen-reader text: each run's latest training loss and validation result. */
export function summarizeLoss(runs: readonly LossRun[]): string {
  return runs.map(describeRun).join(' ');
}
