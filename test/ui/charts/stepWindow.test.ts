import { describe, expect, it } from 'vitest';
import type { LossRun } from '../../../src/ui/charts/lossChartData';
import { describeStepWindow, withinFirstSteps } from '../../../src/ui/charts/stepWindow';

const run: LossRun = {
  id: 'A',
  label: 'A',
  color: '#000',
  train: { steps: Int32Array.from([1, 2, 3, 50, 51]), losses: Float32Array.from([5, 4, 3, 2, 1]) },
  validation: [
    { step: 3, loss: 3, accuracy: 0.5, mode: 'eval' },
    { step: 51, loss: 1, accuracy: 0.9, mode: 'eval' },
  ],
  divergedAt: 52,
};

describe('the first N steps of the loss chart', () => {
  it('keeps the steps up to N, training and validation, and drops a divergence after them', () => {
    const [shown] = withinFirstSteps([run], 50);
    expect(Array.from(shown!.train.steps)).toEqual([1, 2, 3, 50]);
    expect(Array.from(shown!.train.losses)).toEqual([5, 4, 3, 2]);
    expect(shown!.validation.map((p) => p.step)).toEqual([3]);
    expect(shown!.divergedAt).toBeUndefined();
    expect(withinFirstSteps([run], 60)[0]!.divergedAt).toBe(52);
  });

  it('leaves the runs alone for every step (0), and names the choices', () => {
    expect(withinFirstSteps([run], 0)[0]).toBe(run);
    expect(describeStepWindow(0)).toBe('all steps');
    expect(describeStepWindow(1000)).toBe('the first 1,000');
  });
});
