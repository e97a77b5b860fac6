import type { AfterTrainingOperation } from '../worker/protocol';

/**
 * What the lesson page's button for each operation reads: the claims name it when they wait for a
 * press, and the lesson benchmark presses it by this name.
 */
export const AFTER_TRAINING_BUTTONS: Record<AfterTrainingOperation, string> = {
  fold: 'Fold BatchNorm',
  recalibrate: 'Recalibrate statistics',
  fineTune: 'Fine-tune with live and frozen BatchNorm',
  average: 'Average weights and recalibrate',
};
