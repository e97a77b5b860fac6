import type { TrainTestSplit } from '../engine/data/dataset';
import { TrainingRun } from '../engine/train/trainingRun';
import type { ExportSetup } from './exportSetup';

export interface Trajectory {
  /** The training loss of every step, in order. */
  readonly losses: number[];
  /** The step at which a non-finite value stopped the run (no loss is recorded for it). */
  readonly divergedAt?: number;
}

/** Trains the run headless with the app's engine, as the worker does, and returns its losses. */
export function trajectory(setup: ExportSetup, split: TrainTestSplit, steps: number): Trajectory {
  const run = new TrainingRun(setup.config, split.train);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const result = run.step();
    if (result.status === 'diverged') return { losses, divergedAt: result.step };
    losses.push(result.loss);
  }
  return { losses };
}
