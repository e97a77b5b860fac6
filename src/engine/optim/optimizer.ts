import type { Param } from '../layers/layer';

/**
 * torch.optim's contract: `step()` updates every param in place from its accumulated `grad`;
 * `zeroGrad()` clears the grads before the next backward. `lr` may be changed between steps
 * (a schedule), as with PyTorch's param_groups[0]['lr'].
 */
export interface Optimizer {
  readonly params: readonly Param[];
  lr: number;
  step(): void;
  zeroGrad(): void;
}

export function zeroGrads(params: readonly Param[]): void {
  for (const p of params) p.grad.data.fill(0);
}

/**
 * What SGD and Adam hold alike: their params, checked once, and a learning rate checked again on
 * every change a schedule makes, with errors that name the optimizer (`where`: 'SGD', 'AdamW').
 */
export abstract class CheckedOptimizer implements Optimizer {
  readonly params: readonly Param[];
  private readonly where: string;
  private learningRate: number;

  protected constructor(params: readonly Param[], lr: number, where: string) {
    this.where = where;
    this.params = checkParams(params, where);
    this.learningRate = checkLearningRate(lr, where);
  }

  get lr(): number {
    return this.learningRate;
  }

  set lr(value: number) {
    this.learningRate = checkLearningRate(value, this.where);
  }

  abstract step(): void;

  zeroGrad(): void {
    zeroGrads(this.params);
  }
}

/** Throws unless lr is a positive finite number; returns it for use in an assignment. */
export function checkLearningRate(lr: number, where: string): number {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new Error(`${where}: lr must be a positive finite number, got ${String(lr)}`);
  }
  return lr;
}

/** Throws unless `value` is a finite number in [min, max] (or [min, max) when maxExclusive). */
export function checkRange(
  value: number,
  what: string,
  where: string,
  min: number,
  max = Infinity,
  maxExclusive = false,
): void {
  const inRange =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    (maxExclusive ? value < max : value <= max);
  if (!inRange) {
    const interval =
      max === Infinity ? `≥ ${min}` : `in [${min}, ${max}${maxExclusive ? ')' : ']'}`;
    throw new Error(`${where}: ${what} must be a finite number ${interval}, got ${String(value)}`);
  }
}

/**
 * Throws for an empty list (PyTorch: "optimizer got an empty parameter list") or a param listed
 * twice (it would be stepped twice per step). Returns a frozen copy, so later pushes to the
 * caller's array cannot desynchronise the optimizer's per-param state.
 */
export function checkParams(params: readonly Param[], where: string): readonly Param[] {
  if (params.length === 0) throw new Error(`${where}: got an empty parameter list`);
  const seen = new Set<Param>();
  for (const p of params) {
    if (seen.has(p)) throw new Error(`${where}: parameter '${p.name}' appears more than once`);
    seen.add(p);
    if (p.grad.data.length !== p.value.data.length) {
      throw new Error(
        `${where}: parameter '${p.name}' has ${p.value.data.length} values but a grad of ${p.grad.data.length}`,
      );
    }
  }
  return Object.freeze([...params]);
}
