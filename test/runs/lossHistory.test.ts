import { describe, expect, it } from 'vitest';
import { appendLosses, EMPTY_LOSS_HISTORY, MAX_LOSS_POINTS } from '../../src/runs/lossHistory';

function feed(total: number, chunk: number) {
  let h = EMPTY_LOSS_HISTORY;
  for (let first = 1; first <= total; first += chunk) {
    const last = Math.min(total, first + chunk - 1);
    const steps = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    h = appendLosses(
      h,
      steps,
      steps.map((s) => 1000 / s),
      steps.map((s) => s / total),
    );
  }
  return h;
}

describe('appendLosses', () => {
  it('keeps every step while there is room', () => {
    const h = feed(50, 7);
    expect(h.steps).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(h.losses[9]).toBe(100); // step 10: 1000 / 10
    expect(h.stride).toBe(1);
  });

  it('stays bounded over a 20,000-step run by halving the resolution', () => {
    const h = feed(20_000, 37);
    expect(h.steps.length).toBeLessThanOrEqual(MAX_LOSS_POINTS + 1);
    expect(h.steps.length).toBeGreaterThan(MAX_LOSS_POINTS / 2);
    // 20,000 steps / 2,000 points → stride 16 (2000·8 < 20000 ≤ 2000·16)
    expect(h.stride).toBe(16);
    expect(h.steps[0]).toBe(1);
    expect(h.steps.slice(1).every((s) => s % 16 === 0)).toBe(true);
    // the latest step is always there
    expect(h.steps.at(-1)).toBe(20_000);
  });

  it('keeps exact values (no averaging) at the kept steps', () => {
    const h = feed(5000, 100);
    h.steps.forEach((step, i) => expect(h.losses[i]).toBeCloseTo(1000 / step, 9));
  });

  it('keeps the latest step only provisionally', () => {
    let h = appendLosses({ ...EMPTY_LOSS_HISTORY, stride: 4 }, [1, 2, 3], [9, 8, 7], [0, 0, 0]);
    expect(h.steps).toEqual([1, 3]);
    expect(h.provisionalTail).toBe(true);
    h = appendLosses(h, [4, 5], [6, 5], [0, 0]);
    expect(h.steps).toEqual([1, 4, 5]);
    h = appendLosses(h, [6, 7, 8], [4, 3, 2], [0, 0, 0]);
    expect(h.steps).toEqual([1, 4, 8]);
    expect(h.provisionalTail).toBe(false);
  });

  it('ignores an empty append', () => {
    const h = feed(10, 10);
    expect(appendLosses(h, [], [], [])).toBe(h);
  });

  it('lines up two runs at the same steps', () => {
    const a = feed(9000, 50);
    const b = feed(9000, 13);
    expect(b.steps).toEqual(a.steps);
  });
});
