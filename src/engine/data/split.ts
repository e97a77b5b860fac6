import type { Rng } from '../rng';

export interface SplitIndices {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * A stratified train/test split: each class gives the same fraction of its samples to the test
 * set (per-class counts by largest remainder, so the test set has exactly round(N · fraction)
 * samples), chosen with `rng`. Both index lists come back shuffled, so classes are interleaved.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  testFraction: number,
  rng: Rng,
): SplitIndices {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`stratifiedSplit: testFraction must lie in (0, 1), got ${testFraction}`);
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const members = byClass.get(label);
    if (members === undefined) byClass.set(label, [i]);
    else members.push(i);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const exact = classes.map((c) => byClass.get(c)!.length * testFraction);
  const testCounts = exact.map(Math.floor);
  let missing = Math.round(labels.length * testFraction) - testCounts.reduce((a, b) => a + b, 0);
  // Largest remainder, ties to the smaller class label, so the counts never depend on the rng.
  const byRemainder = classes
    .map((_, k) => k)
    .sort((a, b) => exact[b]! - testCounts[b]! - (exact[a]! - testCounts[a]!) || a - b);
  for (const k of byRemainder) {
    if (missing-- <= 0) break;
    testCounts[k]!++;
  }
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const members = rng.shuffle([...byClass.get(c)!]);
    const cut = testCounts[k]!;
    test.push(...members.slice(0, cut));
    train.push(...members.slice(cut));
  });
  return { train: Int32Array.from(rng.shuffle(train)), test: Int32Array.from(rng.shuffle(test)) };
}
