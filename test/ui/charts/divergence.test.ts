import { describe, expect, it } from 'vitest';
import {
  DIVERGENCE_FACTOR,
  divergenceCut,
  divergenceLimit,
  withoutDivergedTails,
} from '../../../src/ui/charts/divergence';
import { lossAxis, type LossRun } from '../../../src/ui/charts/lossChartData';

function run(id: string, losses: number[], extra: Partial<LossRun> = {}): LossRun {
  return {
    id,
    label: `Run ${id}`,
    color: '#000000',
    train: { steps: losses.map((_, i) => i + 1), losses },
    validation: [],
    ...extra,
  };
}

/** The 2×2 demo of the review: a healthy run and one that spikes to 8e25 before its loss is NaN. */
const healthy = run('A', [2.3, 1.8, 1.2, 0.9, 0.7, 0.6]);
const diverging = run('B', [2.3, 1.9, 1.5, 40, 8e25], {
  validation: [
    { step: 2, loss: 1.9, accuracy: 0.4, mode: 'eval' },
    { step: 5, loss: 9e25, accuracy: 0.1, mode: 'eval' },
  ],
  divergedAt: 6,
});

describe('divergence', () => {
  it('sets the limit at DIVERGENCE_FACTOR times the smallest first loss', () => {
    expect(divergenceLimit([healthy, run('C', [5, 1])])).toBeCloseTo(2.3 * DIVERGENCE_FACTOR);
    expect(divergenceLimit([])).toBe(Infinity);
  });

  it('cuts a run at the start of the tail it never came back from', () => {
    expect(divergenceCut(diverging, 230)).toEqual({ keep: 4, divergedAt: 5 });
    expect(divergenceCut(healthy, 230)).toEqual({ keep: 6, divergedAt: undefined });
  });

  it('keeps a spike the run came back from', () => {
    const spiky = run('C', [2.3, 900, 1.2, 1.0]);
    expect(divergenceCut(spiky, 230)).toEqual({ keep: 4, divergedAt: undefined });
  });

  it('marks a run the engine stopped at its step when its recorded losses stayed in range', () => {
    const stopped = run('D', [2.3, 2.0], { divergedAt: 3 });
    expect(divergenceCut(stopped, 230)).toEqual({ keep: 2, divergedAt: 3 });
  });

  it('keeps the healthy runs on the axis, linear and log, when another run explodes', () => {
    const { runs, limit } = withoutDivergedTails([healthy, diverging]);
    const linear = lossAxis(runs, false, limit)!;
    expect(linear.scale.domain[1]).toBeLessThanOrEqual(50);
    expect(linear.scale.domain[1]).toBeGreaterThanOrEqual(40);
    const log = lossAxis(runs, true, limit)!;
    expect(log.scale.domain).toEqual([0.1, 100]);
    // Before: the spike took the axis to 1e26.
    expect(lossAxis([healthy, diverging], false)!.scale.domain[1]).toBeGreaterThan(1e25);
  });

  it('drops the diverged run’s validation points from where it diverged', () => {
    const { runs } = withoutDivergedTails([healthy, diverging]);
    expect(runs[1]!.validation.map((p) => p.step)).toEqual([2]);
    expect(runs[1]!.divergedAt).toBe(5);
    expect(Array.from(runs[1]!.train.losses)).toEqual([2.3, 1.9, 1.5, 40]);
  });
});
