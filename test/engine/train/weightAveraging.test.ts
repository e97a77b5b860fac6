import { describe, expect, it } from 'vitest';
import { averageWeightsRun, averagingRefusal } from '../../../src/engine/train/weightAveraging';
import { test as testSet, trained, train } from './trainedRunFixture';

describe('averageWeightsRun (SWA, then update_bn)', () => {
  it('measures the last network, the average with its starting statistics and the recalibrated average; the run is unchanged', () => {
    const run = trained(0.5, 200);
    const state = run.model.stateDict();
    const report = averageWeightsRun(run, train, testSet, { steps: 100, batches: 20 });
    expect(report).toMatchObject({ steps: 100, batches: 20 });
    expect(report.last.count).toBe(300);
    expect(report.averaged.batches).toBe(20);
    expect(report.averaged.batchSize).toBe(32);
    // Recalibration only changes the statistics of the same averaged weights, and helps them.
    expect(report.averaged.after.loss).toBeLessThan(report.averaged.before.loss);
    // The average's weights are applied (its loss differs from the last network's with or without
    // recalibration), and its starting statistics are the run's, not the last network's.
    expect(report.averaged.before.loss).not.toBe(report.last.loss);
    expect(report.averaged.after.loss).not.toBe(report.last.loss);
    expect(run.model.stateDict()).toEqual(state);
    expect(averageWeightsRun(run, train, testSet, { steps: 100, batches: 20 })).toEqual(report);
  });

  it('refuses a network without BatchNorm and steps or batches out of range', () => {
    const plain = trained(0.1, 1, { norm: { kind: 'none' }, bias: true });
    expect(averagingRefusal(plain, train, { steps: 10, batches: 5 })).toMatch(/no BatchNorm/);
    expect(() => averageWeightsRun(plain, train, testSet, { steps: 10, batches: 5 })).toThrow(
      /no BatchNorm/,
    );
    const run = trained(0.1, 1);
    expect(averagingRefusal(run, train, { steps: 0, batches: 5 })).toMatch(/from 1 to 2,000/);
    expect(averagingRefusal(run, train, { steps: 10, batches: 201 })).toMatch(/from 1 to 200/);
    expect(averagingRefusal(run, train, { steps: 10, batches: 5 })).toBeNull();
  });
});
