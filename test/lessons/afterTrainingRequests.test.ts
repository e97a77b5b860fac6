import { describe, expect, it } from 'vitest';
import { afterTrainingRequests } from '../../src/lessons/afterTrainingRequests';

describe('afterTrainingRequests', () => {
  it('asks for every operation the experiment offers, with its own batches, steps and shift, in button order', () => {
    const shift = { contrast: 1.5, brightness: -0.25 };
    expect(
      afterTrainingRequests({
        fold: true,
        recalibrate: { batches: 7, shift },
        fineTune: { batchSize: 16, steps: 30, learningRate: 0.02 },
        average: { steps: 40, batches: 3 },
      }),
    ).toEqual([
      { type: 'foldBatchNorm' },
      { type: 'recalibrateBatchNorm', batches: 7, shift },
      { type: 'fineTuneBatchNorm', batchSize: 16, steps: 30, learningRate: 0.02 },
      { type: 'averageWeights', steps: 40, batches: 3 },
    ]);
  });

  it('asks for nothing the experiment leaves out: fold false, no recalibration, no fine-tuning', () => {
    expect(afterTrainingRequests({ fold: false, average: { steps: 5, batches: 2 } })).toEqual([
      { type: 'averageWeights', steps: 5, batches: 2 },
    ]);
  });
});
