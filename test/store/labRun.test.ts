import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { applyLabMessage, clearedRun, freshRun } from '../../src/store/labRun';
import type { FromWorker, Inference } from '../../src/worker/protocol';
import { READY } from '../runs/runFixtures';

const inference: Inference = {
  id: 1,
  step: 0,
  probabilities: Float32Array.from([0.25, 0.75]),
  prediction: 1,
  layers: [],
};
const INFERENCE: FromWorker = { type: 'inference', result: inference };

describe('applyLabMessage', () => {
  it('keeps the drawing pad’s answer on the Lab run', () => {
    const run = applyLabMessage(
      applyLabMessage(freshRun('run-1', DEFAULT_RUN_SETTINGS), READY),
      INFERENCE,
    );
    expect(run.ready).toBe(true);
    expect(run.inference).toBe(inference);
  });

  it('ignores an answer the old network gave before a reset, and a reset forgets the answer', () => {
    const answered = applyLabMessage(freshRun('run-1', DEFAULT_RUN_SETTINGS), INFERENCE);
    const cleared = clearedRun(answered);
    expect(cleared.inference).toBeUndefined();
    expect(applyLabMessage(cleared, INFERENCE).inference).toBeUndefined();
  });

  it('hands every other message to the one run reducer', () => {
    const run = applyLabMessage(freshRun('run-1', DEFAULT_RUN_SETTINGS), {
      type: 'error',
      message: 'Batch size 1 under BatchNorm',
      step: 0,
    });
    expect(run.status).toBe('error');
    expect(run.message).toBe('Batch size 1 under BatchNorm');
    expect(run.inference).toBeUndefined();
  });
});
