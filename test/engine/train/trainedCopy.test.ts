import { describe, expect, it } from 'vitest';
import { trainedCopy, trainedCopyRefusal } from '../../../src/engine/train/trainedCopy';
import { trained, train } from './trainedRunFixture';

describe('trainedCopy', () => {
  it('starts from the run’s weights and statistics, trains at its own batch size and learning rate, and leaves the run alone', () => {
    const run = trained(0.1, 50);
    const before = run.model.stateDict();
    const copy = trainedCopy(run, train, { batchSize: 4, learningRate: 0.01 });
    expect(copy.model.stateDict()).toEqual(before);
    expect(copy.config.batchSize).toBe(4);
    expect(copy.config.optimizer.lr).toBe(0.01);
    expect(copy.stepCount).toBe(0);
    for (let s = 0; s < 5; s++) expect(copy.step().status).toBe('ok');
    expect(copy.model.stateDict()['fc1.weight']).not.toEqual(before['fc1.weight']);
    expect(run.model.stateDict()).toEqual(before);
    expect(run.stepCount).toBe(50);
    // Without a learning rate the copy keeps the run's.
    expect(trainedCopy(run, train, { batchSize: 8 }).config.optimizer.lr).toBe(0.1);
  });

  it('refuses a batch size or learning rate out of range, and a copy that would not fit beside the run', () => {
    const run = trained(0.1, 1);
    expect(trainedCopyRefusal(run, train, { batchSize: 0 })).toMatch(/whole number from 1 to 600/);
    expect(trainedCopyRefusal(run, train, { batchSize: 601 })).toMatch(/from 1 to 600/);
    expect(trainedCopyRefusal(run, train, { batchSize: 2, learningRate: 0 })).toMatch(
      /learning rate must be from 0.0001 to 10, got 0/,
    );
    expect(trainedCopyRefusal(run, train, { batchSize: 2 }, 300_000_000)).toMatch(
      /more than the 256 MB a run may use/,
    );
    expect(trainedCopyRefusal(run, train, { batchSize: 2 })).toBeNull();
    expect(() => trainedCopy(run, train, { batchSize: 0 })).toThrow(/whole number/);
  });
});
