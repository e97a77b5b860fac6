import type { Dataset } from '../engine/data/dataset';
import { smoothLosses, SMOOTHING_WINDOW } from '../engine/train/smoothLosses';
import { TrainingRun, VALIDATION_SAMPLES } from '../engine/train/trainingRun';
import type { LabRunSettings } from '../lab/labSettings';
import { toWorkerSetup } from '../lab/settings';
import { explainError } from './explainError';
import type { DatasetLoader } from './loadDataset';
import type { FromSweepWorker, SweepCellResult, ToSweepWorker } from './sweepProtocol';

/** Train in slices of about this long, then yield so a cancel (or a new sweep) gets through. */
export const SWEEP_SLICE_MS = 30;
/** At most one progress message per this many milliseconds. */
export const SWEEP_PROGRESS_MS = 100;

export interface SweepEnvironment {
  readonly post: (message: FromSweepWorker) => void;
  readonly loadDataset: DatasetLoader;
  /** Milliseconds, monotonic; default performance.now. */
  readonly now?: () => number;
  /** Runs `task` soon, after pending messages; default setTimeout(task, 0). */
  readonly schedule?: (task: () => void) => void;
}

interface ActiveCell {
  readonly run: TrainingRun;
  readonly settings: LabRunSettings;
  readonly losses: number[];
  divergedAt?: number;
}

/**
 * Everything the sweep worker does, as a plain class so it runs (and is tested) in Node: trains the
 * cells of the current sweep one by one, in short slices, and reports each finished cell.
 */
export class SweepSession {
  private readonly post: SweepEnvironment['post'];
  private readonly loadDataset: DatasetLoader;
  private readonly now: () => number;
  private readonly schedule: (task: () => void) => void;
  /** The sweep being trained; replaced by a new start, cleared by cancel. */
  private current:
    | { readonly id: number; readonly cells: readonly LabRunSettings[]; readonly steps: number }
    | undefined;

  constructor(env: SweepEnvironment) {
    this.post = env.post;
    this.loadDataset = env.loadDataset;
    this.now = env.now ?? (() => performance.now());
    this.schedule = env.schedule ?? ((task) => void setTimeout(task, 0));
  }

  /** Handles one message; the returned promise settles when the sweep it started has finished or stopped. */
  handle(message: ToSweepWorker): Promise<void> {
    if (message.type === 'cancel') {
      if (this.current?.id === message.id) this.current = undefined;
      return Promise.resolve();
    }
    const sweep = { id: message.id, cells: message.cells, steps: message.steps };
    this.current = sweep;
    return this.runSweep(sweep);
  }

  private stillCurrent(id: number): boolean {
    return this.current?.id === id;
  }

  private async runSweep(sweep: NonNullable<SweepSession['current']>): Promise<void> {
    for (let index = 0; index < sweep.cells.length; index++) {
      const result = await this.trainCell(sweep, index);
      if (!this.stillCurrent(sweep.id)) return;
      this.post({ type: 'cell', id: sweep.id, cell: index, result });
    }
    if (!this.stillCurrent(sweep.id)) return;
    this.current = undefined;
    this.post({ type: 'done', id: sweep.id });
  }

  private async trainCell(
    sweep: NonNullable<SweepSession['current']>,
    index: number,
  ): Promise<SweepCellResult> {
    const settings = sweep.cells[index]!;
    let cell: ActiveCell;
    let test: Dataset;
    try {
      const setup = toWorkerSetup(settings, 0);
      const data = await this.loadDataset(setup.dataset);
      test = data.test;
      cell = {
        run: new TrainingRun(setup.config, data.train, { testCount: data.test.count }),
        settings,
        losses: [],
      };
    } catch (error) {
      return { steps: 0, error: explainError(error) };
    }
    let lastProgress = -Infinity;
    while (cell.losses.length < sweep.steps && cell.divergedAt === undefined) {
      await this.nextSlice();
      if (!this.stillCurrent(sweep.id)) return { steps: cell.losses.length };
      const sliceEnd = this.now() + SWEEP_SLICE_MS;
      try {
        while (cell.losses.length < sweep.steps && this.now() < sliceEnd) {
          const step = cell.run.step();
          if (step.status === 'diverged') {
            cell.divergedAt = step.step;
            break;
          }
          cell.losses.push(step.loss);
        }
      } catch (error) {
        return { steps: cell.losses.length, error: explainError(error) };
      }
      if (this.now() - lastProgress >= SWEEP_PROGRESS_MS) {
        lastProgress = this.now();
        this.post({ type: 'progress', id: sweep.id, cell: index, step: cell.losses.length });
      }
    }
    return this.summarise(cell, test);
  }

  private summarise(cell: ActiveCell, test: Dataset): SweepCellResult {
    const steps = cell.losses.length;
    if (cell.divergedAt !== undefined) return { steps, divergedAt: cell.divergedAt };
    const smooth = smoothLosses(cell.losses);
    let evaluation;
    try {
      evaluation = cell.run.evaluate(test, cell.settings.validationMode, {
        limit: VALIDATION_SAMPLES,
      });
    } catch (error) {
      return { steps, error: explainError(error) };
    }
    return {
      steps,
      ...(smooth.length >= SMOOTHING_WINDOW ? { startLoss: smooth[SMOOTHING_WINDOW - 1]! } : {}),
      ...(smooth.length > 0 ? { finalLoss: smooth[smooth.length - 1]! } : {}),
      accuracy: evaluation.accuracy,
    };
  }

  private nextSlice(): Promise<void> {
    return new Promise((resolve) => this.schedule(resolve));
  }
}
