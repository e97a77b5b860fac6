import { describe, expect, it } from 'vitest';
import {
  BATCH_BUDGET,
  nextBatchEnd,
  type Costed,
} from '../../../src/ui/lessons/useRevealedSegments';

const prose = (chars: number): Costed => ({ kind: 'markdown', text: 'x'.repeat(chars) });
const quiz = (): Costed => ({ kind: 'quiz' });

/** Every batch of `segments`, as the [start, end) of what it adds. */
function batches(segments: readonly Costed[]): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < segments.length;) {
    const end = nextBatchEnd(segments, start);
    out.push([start, end]);
    start = end;
  }
  return out;
}

describe('nextBatchEnd', () => {
  it('adds segments until the next would pass the budget', () => {
    const third = Math.floor(BATCH_BUDGET / 3);
    const segments = Array.from({ length: 7 }, () => prose(third));
    expect(batches(segments)).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
  });

  it('adds at least one segment, however long, so the page always moves on', () => {
    const segments = [prose(BATCH_BUDGET * 3), prose(10), prose(BATCH_BUDGET * 2)];
    expect(batches(segments)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('counts a block as a share of the budget, so a run of questions comes a few at a time', () => {
    const segments = Array.from({ length: 6 }, quiz);
    const sizes = batches(segments).map(([start, end]) => end - start);
    expect(sizes.every((n) => n >= 1 && n < segments.length)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(segments.length);
  });

  it('is done at the end', () => {
    expect(nextBatchEnd([prose(10)], 1)).toBe(1);
  });
});
