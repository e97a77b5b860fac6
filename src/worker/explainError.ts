import { BatchOfOneError } from '../engine/layers/batchNorm';
import { SpecError } from '../engine/model/spec';
import { BATCH_OF_ONE_EXPLANATION } from '../lab/settingsProblems';

/** Turns an exception from the engine into a message for the learner. */
export function explainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BatchOfOneError) {
    return `BatchNorm cannot train with a batch size of 1. ${BATCH_OF_ONE_EXPLANATION}`;
  }
  if (error instanceof SpecError) {
    return `These settings do not describe a network the engine can build: ${error.issues.join('; ')}.`;
  }
  if (message.startsWith('Could not load')) {
    return `The dataset could not be downloaded (${message}). Check your connection, then press Reset to try again.`;
  }
  return `Training stopped because of an unexpected problem: ${message}. Press Reset or change a setting to start again.`;
}
