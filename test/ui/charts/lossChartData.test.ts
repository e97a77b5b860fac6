import { describe, expect, it } from 'vitest';
import {
  hasLossData,
  lossAxis,
  runName,
  stepRange,
  summarizeLoss,
  validationColumns,
  type LossRun,
} from '../../../src/ui/charts/lossChartData';

function run(id: string, steps: number[], losses: number[], extra: Partial<LossRun> = {}): LossRun {
  return {
    id,
    label: `Run ${id}`,
    color: '#000000',
    train: { steps: Int32Array.from(steps), losses: Float32Array.from(losses) },
    validation: [],
    ...extra,
  };
}

describe('validationColumns', () => {
  it('splits validation points into parallel step, loss and accuracy arrays', () => {
    const columns = validationColumns([
      { step: 50, loss: 1.25, accuracy: 0.5, mode: 'eval' },
      { step: 100, loss: 0.75, accuracy: 0.625, mode: 'train' },
    ]);
    expect([...columns.steps]).toEqual([50, 100]);
    expect([...columns.losses]).toEqual([1.25, 0.75]);
    expect([...columns.accuracies]).toEqual([0.5, 0.625]);
  });
});

describe('stepRange', () => {
  it('spans every run from its first to its last training or validation step', () => {
    const runs = [
      run('A', [3, 4, 9], [2.5, 1.5, 1.25]),
      run('B', [5, 6], [2, 1], {
        validation: [
          { step: 0, loss: 2.25, accuracy: 0.1, mode: 'eval' },
          { step: 12, loss: 0.5, accuracy: 0.8, mode: 'eval' },
        ],
      }),
    ];
    expect(stepRange(runs)).toEqual([0, 12]);
  });

  it('gives a single step some room on each side, never below 0', () => {
    expect(stepRange([run('A', [5], [1])])).toEqual([4, 6]);
    expect(stepRange([run('A', [0], [1])])).toEqual([0, 1]);
    expect(stepRange([])).toEqual([0, 1]);
  });
});

describe('lossAxis', () => {
  const runs = [
    run('A', [1, 2, 3], [2.3, 0, Number.NaN], {
      validation: [{ step: 3, loss: 0.04, accuracy: 0.9, mode: 'eval' }],
    }),
  ];

  it('runs from 0 to a round number above the largest loss on a linear axis', () => {
    // largest 2.3; 5 ticks of 0.5 → [0, 2.5]
    expect(lossAxis(runs, false)).toEqual({
      scale: { kind: 'linear', domain: [0, 2.5] },
      ticks: [0, 0.5, 1, 1.5, 2, 2.5],
    });
  });

  it('spans whole decades of the positive losses on a log axis (0 cannot be shown)', () => {
    // 0.04 → 10^−2; 2.3 → 10^1
    expect(lossAxis(runs, true)).toEqual({
      scale: { kind: 'log', domain: [0.01, 10] },
      ticks: [0.01, 0.1, 1, 10],
    });
  });

  it('is null when no loss can be drawn', () => {
    expect(lossAxis([run('A', [1, 2], [0, Number.NaN])], true)).toBeNull();
    expect(lossAxis([run('A', [1], [Number.NaN])], false)).toBeNull();
    expect(lossAxis([], false)).toBeNull();
  });
});

describe('summarizeLoss', () => {
  it("reports each run's latest training loss and validation result", () => {
    const a = run('A', [1199, 1200], [0.5, 0.42], {
      label: 'Kaiming · BatchNorm',
      validation: [
        { step: 500, loss: 0.9, accuracy: 0.7, mode: 'eval' },
        { step: 1000, loss: 0.48, accuracy: 0.912, mode: 'eval' },
      ],
    });
    const b = run('B', [], []);
    expect(summarizeLoss([a, b])).toBe(
      'Run A (Kaiming · BatchNorm): training loss 0.42 (one batch) at step 1,200; validation loss 0.48 and accuracy 91% at step 1,000. Run B: no training steps yet.',
    );
  });

  it('says when validation ran in train mode', () => {
    const a = run('A', [10], [1.5], {
      validation: [{ step: 10, loss: 2.25, accuracy: 0.5, mode: 'train' }],
    });
    expect(summarizeLoss([a])).toContain('at step 10 (measured in train mode)');
  });

  it('skips a trailing non-finite loss instead of reporting NaN', () => {
    expect(summarizeLoss([run('A', [1, 2], [0.75, Number.NaN])])).toBe(
      'Run A: training loss 0.75 (one batch) at step 1.',
    );
  });
});

describe('runName and hasLossData', () => {
  it('names runs without repeating "Run A"', () => {
    expect(runName({ id: 'A', label: 'Run A' })).toBe('Run A');
    expect(runName({ id: 'B', label: 'Xavier' })).toBe('Run B (Xavier)');
    expect(runName({ id: 'C', label: 'Run C · Kaiming' })).toBe('Run C · Kaiming');
  });

  it('is false until a run has a step or a validation point', () => {
    expect(hasLossData([])).toBe(false);
    expect(hasLossData([run('A', [], [])])).toBe(false);
    expect(hasLossData([run('A', [0], [2.3])])).toBe(true);
  });
});
