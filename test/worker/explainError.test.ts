import { describe, expect, it } from 'vitest';
import { BatchOfOneError } from '../../src/engine/layers/batchNorm';
import { MemoryBudgetError } from '../../src/engine/train/trainingRun';
import { explainError } from '../../src/worker/explainError';

describe('explainError', () => {
  it('says a network too large for the device is too large, and what to lower (audit H1)', () => {
    const message = explainError(new RangeError('Array buffer allocation failed'));
    expect(message).toMatch(/^This network is too large for this device's memory/);
    expect(message).toMatch(/Lower the width, the depth or the batch size, or remove a run/);
    expect(message).not.toMatch(/unexpected problem/);
    expect(explainError(new RangeError('Invalid typed array length: 4294967296'))).toMatch(
      /too large for this device's memory/,
    );
  });

  it('passes a memory-budget refusal on as it is: it already names the setting to lower', () => {
    const sentence =
      'This network needs about 300 MB of memory to train, more than the 256 MB a run may use. Lower the batch size to 11 or less (or lower the width or the depth).';
    expect(explainError(new MemoryBudgetError(sentence))).toBe(sentence);
  });

  it('reads a data file served as an HTML page as a failed download (audit L8)', () => {
    const message = explainError(new Error(`mnist-28-train.bin: magic is "<!do", expected 'NLMN'`));
    expect(message).toMatch(/^The dataset could not be downloaded/);
    expect(message).not.toMatch(/unexpected problem/);
  });

  it('explains BatchNorm with a batch of one, and keeps the fallback for the unforeseen', () => {
    expect(explainError(new BatchOfOneError('BatchNorm1d(64)', [1, 64]))).toMatch(
      /batch size of 1/,
    );
    expect(explainError(new Error('boom'))).toBe(
      'Training stopped because of an unexpected problem: boom. Press Reset or change a setting to start again.',
    );
  });
});
