/**
 * A run's training curve with bounded memory: at most MAX_LOSS_POINTS kept points (or every point,
 * with a bound of Infinity). When full, the
 * resolution halves (only steps that are multiples of twice the stride stay), so a 20,000-step run
 * costs the same memory as a 2,000-step one. Kept points are real steps, never averages, and every run
 * keeps the same steps (multiples of its stride, plus step 1), so curves line up when overlaid.
 * The latest step is always present as a provisional last point, replaced by the next append.
 */
export interface LossHistory {
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  readonly accuracies: readonly number[];
  /** Kept steps are step 1 and the multiples of `stride`. */
  readonly stride: number;
  /** The last point is the latest step, kept only until the next append. */
  readonly provisionalTail: boolean;
}

export const MAX_LOSS_POINTS = 2000;

export const EMPTY_LOSS_HISTORY: LossHistory = {
  steps: [],
  losses: [],
  accuracies: [],
  stride: 1,
  provisionalTail: false,
};

const kept = (step: number, stride: number): boolean => step === 1 || step % stride === 0;

export function appendLosses(
  history: LossHistory,
  steps: ArrayLike<number>,
  losses: ArrayLike<number>,
  accuracies: ArrayLike<number>,
  maxPoints = MAX_LOSS_POINTS,
): LossHistory {
  // A step already recorded (a snapshot that repeats the latest steps) is not recorded twice.
  const latest = history.steps[history.steps.length - 1] ?? 0;
  let first = 0;
  while (first < steps.length && steps[first]! <= latest) first++;
  if (first === steps.length) return history;
  let stride = history.stride;
  let s = history.steps.slice();
  let l = history.losses.slice();
  let a = history.accuracies.slice();
  if (history.provisionalTail) {
    s.pop();
    l.pop();
    a.pop();
  }
  for (let i = first; i < steps.length; i++) {
    const step = steps[i]!;
    if (!kept(step, stride)) continue;
    s.push(step);
    l.push(losses[i]!);
    a.push(accuracies[i]!);
    if (s.length > maxPoints) {
      stride *= 2;
      const keep = s.map((value) => kept(value, stride));
      s = s.filter((_, k) => keep[k]);
      l = l.filter((_, k) => keep[k]);
      a = a.filter((_, k) => keep[k]);
    }
  }
  const last = steps.length - 1;
  const lastStep = steps[last]!;
  const provisionalTail = !kept(lastStep, stride);
  if (provisionalTail) {
    s.push(lastStep);
    l.push(losses[last]!);
    a.push(accuracies[last]!);
  }
  return { steps: s, losses: l, accuracies: a, stride, provisionalTail };
}
