import { describe, expect, it } from 'vitest';
import { evaluateClaim, type RunHistory } from '../../src/lessons/claims';

/** A run whose loss is `f(step)` for steps 1…n. */
function run(label: string, n: number, f: (step: number) => number): RunHistory {
  return { label, losses: Array.from({ length: n }, (_, i) => f(i + 1)), validation: [] };
}

// Every number in a claim's detail says what it is: smoothed or not, over what, and at which step.
describe('claim details', () => {
  it('lossFalls names the moving average and the steps it was taken at', () => {
    const verdict = evaluateClaim({ kind: 'lossFalls', run: 'A', fraction: 0.5 }, [
      run('A', 100, () => 2),
    ]);
    expect(verdict.detail).toBe(
      'A: training loss (mean of 20 steps) 2.000 at step 20 → 2.000 at step 100',
    );
  });

  it('lossFalls reads steps from a decimated history', () => {
    const history: RunHistory = {
      ...run('A', 40, () => 1),
      steps: Array.from({ length: 40 }, (_, i) => 10 * (i + 1)),
    };
    expect(evaluateClaim({ kind: 'lossFalls', run: 'A', fraction: 0.5 }, [history]).detail).toBe(
      'A: training loss (mean of 20 steps) 1.000 at step 200 → 1.000 at step 400',
    );
  });

  it('diverges with byStep holds only for a divergence at that step or before, and says when', () => {
    const diverged: RunHistory = { ...run('A', 18, () => 3), divergedAt: 19 };
    expect(evaluateClaim({ kind: 'diverges', run: 'A', byStep: 20 }, [diverged])).toEqual({
      shown: true,
      detail: 'A diverged at step 19',
    });
    expect(evaluateClaim({ kind: 'diverges', run: 'A', byStep: 10 }, [diverged])).toEqual({
      shown: false,
      detail: 'A diverged at step 19, later than step 10',
    });
  });

  it('fasterToLoss says the threshold is on the moving average', () => {
    const verdict = evaluateClaim(
      { kind: 'fasterToLoss', fast: 'A', slow: 'B', loss: 0.5, ratio: 0.6 },
      [run('A', 60, () => 0.1), run('B', 60, () => 2)],
    );
    expect(verdict.detail).toBe(
      'A reached a training loss (mean of 20 steps) of 0.5 at step 20; B had not after 60 steps',
    );
  });

  it('lowerLoss gives both final moving averages with their steps', () => {
    const verdict = evaluateClaim({ kind: 'lowerLoss', run: 'A', than: 'B', margin: 0.1 }, [
      run('A', 50, () => 0.25),
      run('B', 40, () => 1),
    ]);
    expect(verdict.detail).toBe(
      'final training loss (mean of 20 steps): A 0.250 at step 50 vs B 1.000 at step 40',
    );
  });

  it('lowerLoss says when the other run diverged', () => {
    const verdict = evaluateClaim({ kind: 'lowerLoss', run: 'A', than: 'B', margin: 0.1 }, [
      run('A', 50, () => 0.25),
      { ...run('B', 3, () => 1e20), divergedAt: 3 },
    ]);
    expect(verdict.detail).toBe(
      'final training loss (mean of 20 steps): A 0.250 at step 50 vs B diverged at step 3',
    );
  });

  it('validationDiffers gives the step of each validation', () => {
    const at = (step: number, loss: number) => [{ step, loss, accuracy: 0.5 }];
    const verdict = evaluateClaim(
      { kind: 'validationDiffers', a: 'A', b: 'B', minDifference: 0.1 },
      [
        { ...run('A', 10, () => 1), validation: at(400, 0.3) },
        { ...run('B', 10, () => 1), validation: at(400, 0.9) },
      ],
    );
    expect(verdict.detail).toBe('validation loss A 0.300 at step 400 vs B 0.900 at step 400');
  });
});
