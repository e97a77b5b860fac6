import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { BOUNDED_HISTORY, applyRunMessage } from '../../../src/runs/runState';
import { freshRun, type LabRun } from '../../../src/store/labRun';
import { runHistoryCsv, runHistoryJson } from '../../../src/ui/lab/runHistoryFiles';
import { snapshotOf } from '../../store/fakeRunWorker';

/** A Lab run that trained 60 steps, validated at 0 and 50, and diverged at step 61. */
function trainedRun(): LabRun {
  let run = freshRun('run-1', { ...DEFAULT_RUN_SETTINGS, learningRate: 0.5 });
  const messages = [
    snapshotOf(1, 0, { validation: { step: 0, loss: 0.7, accuracy: 0.5, mode: 'eval' } }),
    snapshotOf(1, 50, { validation: { step: 50, loss: 0.3, accuracy: 0.9, mode: 'eval' } }),
    snapshotOf(51, 60, { losses: Float32Array.from({ length: 10 }, () => Infinity) }),
    { type: 'diverged', step: 61, reason: 'the loss became NaN' } as const,
  ];
  for (const message of messages)
    run = { ...run, ...applyRunMessage(run, message, BOUNDED_HISTORY) };
  return run;
}

describe("a run's whole history as files", () => {
  it('CSV: the step column first, one column per quantity named with its run, a row per step', () => {
    const lines = runHistoryCsv(trainedRun(), 'A').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'step,Run A training loss (one batch),Run A training accuracy (one batch),Run A validation loss,Run A validation accuracy',
    );
    const rows = lines.slice(1).map((line) => line.split(','));
    // Steps 0 (validation only) to 60, each once, ascending.
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 61 }, (_, i) => i));
    expect(rows[0]).toEqual(['0', '', '', '0.7', '0.5']);
    expect(rows[50]).toEqual(['50', String(Math.fround(1 / 50)), '0.5', '0.3', '0.9']);
    // A non-finite loss is an empty cell, never "Infinity".
    expect(rows[60]).toEqual(['60', '', '0.5', '', '']);
  });

  it('JSON: the settings that reproduce it, its status and every kept step, with null for non-finite', () => {
    const parsed = JSON.parse(runHistoryJson(trainedRun(), 'A')) as {
      run: string;
      settings: typeof DEFAULT_RUN_SETTINGS;
      status: string;
      divergedAt: number | null;
      training: { step: number; loss: number | null }[];
      validation: { step: number }[];
    };
    expect(parsed).toMatchObject({ run: 'A', status: 'diverged', divergedAt: 61 });
    expect(parsed.settings).toEqual({ ...DEFAULT_RUN_SETTINGS, learningRate: 0.5 });
    expect(parsed.training.map((p) => p.step)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(parsed.training.at(-1)?.loss).toBeNull();
    expect(parsed.validation.map((p) => p.step)).toEqual([0, 50]);
  });
});
