/**
 * The messages between a depth-sweep widget and its worker. A sweep is a list of cells (Lab settings
 * each) trained one after another for the same number of steps; every finished cell is reported at
 * once, so the table fills in while the rest still trains.
 */
import type { LabRunSettings } from '../lab/labSettings';

export type ToSweepWorker =
  | {
      readonly type: 'start';
      /** Names this sweep in every reply; a new start replaces (cancels) the previous sweep. */
      readonly id: number;
      readonly cells: readonly LabRunSettings[];
      readonly steps: number;
    }
  | { readonly type: 'cancel'; readonly id: number };

export interface SweepCellResult {
  /** Steps trained (fewer than asked when the run diverged or failed). */
  readonly steps: number;
  /** Smoothed training loss after the first full smoothing window and at the end. */
  readonly startLoss?: number;
  readonly finalLoss?: number;
  /** Validation accuracy on up to 1,000 test samples after the last step. */
  readonly accuracy?: number;
  readonly divergedAt?: number;
  /** Why the cell could not train at all, for the learner. */
  readonly error?: string;
}

export type FromSweepWorker =
  | { readonly type: 'progress'; readonly id: number; readonly cell: number; readonly step: number }
  | {
      readonly type: 'cell';
      readonly id: number;
      readonly cell: number;
      readonly result: SweepCellResult;
    }
  | { readonly type: 'done'; readonly id: number }
  /** The worker itself failed (it could not start or crashed): `message` is for the learner. */
  | { readonly type: 'failed'; readonly message: string };
