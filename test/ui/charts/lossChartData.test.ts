import { describe, expect, it } from 'vitest';
import {
  accuracyRows,
  hasLossData,
  lossKey,
  runName,
  stepDomain,
  summarizeLoss,
  toLossRows,
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

describe('toLossRows', () => {
  it('merges runs into one row per step', () => {
    const rows = toLossRows([run('A', [1, 2], [2.5, 1.5]), run('B', [2, 3], [0.75, 0.5])]);
    expect(rows).toEqual([
      { step: 1, train_A: 2.5 },
      { step: 2, train_A: 1.5, train_B: 0.75 },
      { step: 3, train_B: 0.5 },
    ]);
  });

  it('adds validation loss and accuracy at their own steps', () => {
    const rows = toLossRows([
      run('A', [1, 2], [2.5, 1.5], {
        validation: [{ step: 2, loss: 1.25, accuracy: 0.625, mode: 'eval' }],
      }),
    ]);
    expect(rows[1]).toEqual({ step: 2, train_A: 1.5, valLoss_A: 1.25, valAcc_A: 0.625 });
  });

  it('thins long runs to every k-th step, keeping the latest step exact', () => {
    const steps = Array.from({ length: 2000 }, (_, i) => i + 1);
    const losses = steps.map((s) => 1 / s);
    const rows = toLossRows([run('A', steps, losses)], { maxRows: 500 });
    // 2000 steps / 500 rows → stride 4, anchored at the last step: 2000, 1996, …, 4
    expect(rows).toHaveLength(500);
    expect(rows[rows.length - 1]).toEqual({ step: 2000, train_A: Math.fround(1 / 2000) });
    expect(rows[0]!.step).toBe(4);
    expect(rows[0]!['train_A']).toBeCloseTo(0.25, 6);
  });

  it('keeps four runs of 2,000 steps within the row budget', () => {
    const steps = Array.from({ length: 2000 }, (_, i) => i);
    const runs = ['A', 'B', 'C', 'D'].map((id, k) =>
      run(
        id,
        steps,
        steps.map((s) => (k + 1) / (s + 1)),
      ),
    );
    const rows = toLossRows(runs, { maxRows: 1000 });
    expect(rows).toHaveLength(1000);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'step',
      'train_A',
      'train_B',
      'train_C',
      'train_D',
    ]);
  });

  it('drops losses a log axis cannot show only in log mode', () => {
    const r = [run('A', [1, 2, 3], [0.5, 0, Number.NaN])];
    expect(toLossRows(r).map((row) => row[lossKey.train('A')])).toEqual([0.5, 0]);
    expect(toLossRows(r, { logScale: true }).map((row) => row[lossKey.train('A')])).toEqual([0.5]);
  });
});

describe('accuracyRows', () => {
  it('keeps only the rows with a validation accuracy', () => {
    const runs = [
      run('A', [1, 2, 3], [2.5, 1.5, 1.25], {
        validation: [{ step: 3, loss: 1.5, accuracy: 0.75, mode: 'eval' }],
      }),
    ];
    expect(accuracyRows(toLossRows(runs), runs)).toEqual([
      { step: 3, train_A: 1.25, valLoss_A: 1.5, valAcc_A: 0.75 },
    ]);
  });
});

describe('stepDomain', () => {
  it('gives a single step some room on each side', () => {
    expect(stepDomain([{ step: 5 }])).toEqual([4, 6]);
    expect(stepDomain([{ step: 0 }])).toEqual([0, 1]);
    expect(stepDomain([{ step: 3 }, { step: 9 }])).toEqual([3, 9]);
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
      'Run A (Kaiming · BatchNorm): training loss 0.42 at step 1,200; validation loss 0.48 and accuracy 91% at step 1,000. Run B: no training steps yet.',
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
      'Run A: training loss 0.75 at step 1.',
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
