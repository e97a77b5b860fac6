import { BatchOfOneError } from '../engine/layers/batchNorm';
import { SpecError } from '../engine/model/spec';
import { MemoryBudgetError } from '../engine/train/trainingRun';
import { BATCH_OF_ONE_EXPLANATION } from '../lab/settingsProblems';
import { OwnDataError } from '../engine/data/ownData';

/** Turns an exception from the engine into a message for the learner. */
export function explainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BatchOfOneError) {
    return `BatchNorm cannot train with a batch size of 1. ${BATCH_OF_ONE_EXPLANATION}`;
  }
  // Already a sentence for the learner, naming the setting to lower.
  if (error instanceof MemoryBudgetError) return message;
  if (error instanceof OwnDataError) return message;
  const tooBig = /batch size must be an integer in \[1, (\d+)\]/.exec(message);
  if (tooBig) {
    return `The batch size is larger than the ${tooBig[1]} training rows of this dataset. Lower the batch size to at most ${tooBig[1]}, or add rows.`;
  }
  if (error instanceof SpecError) {
    return `These settings do not describe a network the engine can build: ${error.issues.join('; ')}.`;
  }
  if (
    (error instanceof RangeError &&
      /allocation failed|out of memory|Invalid typed array length/i.test(message)) ||
    /out of memory/i.test(message)
  ) {
    return `This network is too large for this device's memory (${message}). Lower the width, the depth or the batch size, or remove a run, then press Reset.`;
  }
  if (message.startsWith('Could not load') || /magic is/.test(message)) {
    return `The dataset could not be downloaded (${message}). Check your connection, then press Reset to try again.`;
  }
  return `Training stopped because of an unexpected problem: ${message}. Press Reset or change a setting to start again.`;
}
