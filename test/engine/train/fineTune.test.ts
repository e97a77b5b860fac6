import { describe, expect, it } from 'vitest';
import { fineTuneRefusal, fineTuneRun } from '../../../src/engine/train/fineTune';
import { test as testSet, trained, train } from './trainedRunFixture';

describe('fineTuneRun', () => {
  it('fine-tunes a live and a frozen copy on the same batches of 2; only the live one’s statistics move, and the run is unchanged', () => {
    const run = trained(0.1, 300);
    const state = run.model.stateDict();
    const report = fineTuneRun(run, train, testSet, {
      batchSize: 2,
      steps: 100,
      learningRate: 0.001,
    });
    expect(report).toMatchObject({ batchSize: 2, steps: 100, learningRate: 0.001 });
    expect(report.before).toEqual(run.evaluate(testSet, 'eval', { limit: 1000 }));
    expect(report.before.accuracy).toBeGreaterThan(0.8);
    if (!('evaluation' in report.live) || !('evaluation' in report.frozen))
      throw new Error('a copy diverged');
    // Frozen: the pretrained statistics survive, and so does the accuracy; live: the noisy
    // statistics of batches of two replace them.
    expect(report.frozen.evaluation.accuracy).toBeGreaterThan(report.before.accuracy - 0.05);
    expect(report.live.evaluation.loss).toBeGreaterThan(report.frozen.evaluation.loss);
    expect(run.model.stateDict()).toEqual(state);
    // The same request gives the same numbers: the batches are seeded.
    expect(
      fineTuneRun(run, train, testSet, { batchSize: 2, steps: 100, learningRate: 0.001 }),
    ).toEqual(report);
  });

  it('refuses a network without BatchNorm, steps out of range and batches of 1', () => {
    const plain = trained(0.1, 1, { norm: { kind: 'none' }, bias: true });
    const options = { batchSize: 2, steps: 10, learningRate: 0.001 };
    expect(fineTuneRefusal(plain, train, options)).toMatch(/needs BatchNorm/);
    expect(() => fineTuneRun(plain, train, testSet, options)).toThrow(/needs BatchNorm/);
    const run = trained(0.1, 1);
    expect(fineTuneRefusal(run, train, { ...options, steps: 0 })).toMatch(/from 1 to 2,000/);
    expect(fineTuneRefusal(run, train, { ...options, steps: 2001 })).toMatch(/from 1 to 2,000/);
    expect(fineTuneRefusal(run, train, { ...options, batchSize: 1 })).toMatch(
      /live BatchNorm cannot train on batches of 1/,
    );
    expect(fineTuneRefusal(run, train, options)).toBeNull();
  });
});
