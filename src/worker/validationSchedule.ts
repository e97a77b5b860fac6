/** Validate at most every this many steps… */
export const VALIDATE_EVERY = 50;
/** …and spend at most 1/(1 + this) of the time validating. */
const VALIDATION_SPACING = 4;

/**
 * When a run is validated. On a lesson's fixed schedule (`every`), at exactly every `every` steps,
 * as the headless lesson tests validate. Otherwise (the Lab) at most every VALIDATE_EVERY steps and
 * never more than a fifth of the time, measured on the last validation.
 */
export class ValidationSchedule {
  /** The step, end time and duration of the latest finished validation. */
  private last = { step: -1, end: -Infinity, cost: 0 };
  private startedAt = 0;

  constructor(private readonly now: () => number) {}

  /** The step of the latest finished validation (−1: none yet). */
  get lastStep(): number {
    return this.last.step;
  }

  /** A new run: nothing validated yet. */
  reset(): void {
    this.last = { step: -1, end: -Infinity, cost: 0 };
  }

  /** Whether a run at `step` is due for validation (`every`: the lesson's fixed schedule, if any). */
  due(step: number, every: number | undefined): boolean {
    const { step: lastStep, end, cost } = this.last;
    if (every !== undefined) return step % every === 0 && step !== lastStep;
    return step - lastStep >= VALIDATE_EVERY && this.now() - end >= VALIDATION_SPACING * cost;
  }

  started(): void {
    this.startedAt = this.now();
  }

  /** The validation of `step` is done. */
  finished(step: number): void {
    const end = this.now();
    this.last = { step, end, cost: end - this.startedAt };
  }
}
