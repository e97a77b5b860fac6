import type { LabRun } from '../../store/labRun';
import { toCsv, wideTable } from '../charts/exporting/chartTable';

/**
 * A Lab run's whole recorded history as files: every kept training step (loss and accuracy on its
 * batch) with the validation results at their steps, and, in the JSON, the settings that reproduce it.
 */
export function runHistoryCsv(run: LabRun, letter: string): string {
  const { steps, losses, accuracies } = run.history;
  const validation = run.validation.items;
  const vSteps = validation.map((p) => p.step);
  return toCsv(
    wideTable('step', [
      { header: `Run ${letter} training loss (one batch)`, xs: steps, ys: losses },
      { header: `Run ${letter} training accuracy (one batch)`, xs: steps, ys: accuracies },
      {
        header: `Run ${letter} validation loss`,
        xs: vSteps,
        ys: validation.map((p) => p.loss),
      },
      {
        header: `Run ${letter} validation accuracy`,
        xs: vSteps,
        ys: validation.map((p) => p.accuracy),
      },
    ]),
  );
}

export function runHistoryJson(run: LabRun, letter: string): string {
  return `${JSON.stringify(
    {
      run: letter,
      settings: run.settings,
      status: run.status,
      step: run.step,
      epoch: run.epoch,
      divergedAt: run.divergedAt ?? null,
      // Long runs keep step 1 and every `stride`-th step (src/store/lossHistory.ts).
      stride: run.history.stride,
      training: run.history.steps.map((step, i) => ({
        step,
        loss: run.history.losses[i] ?? null,
        accuracy: run.history.accuracies[i] ?? null,
      })),
      validation: run.validation.items,
    },
    (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
    2,
  )}\n`;
}
