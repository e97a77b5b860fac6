import type { ProbeSnapshot } from '../engine/probes/probe';
import type { LabRunSettings } from '../lab/labSettings';
import type {
  DatasetInfo,
  DecisionBoundary,
  DigitPredictions,
  ValidationPoint,
} from '../worker/protocol';
import { emptyBoundedList, type BoundedList } from './boundedList';
import { EMPTY_LOSS_HISTORY, type LossHistory } from './lossHistory';

export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

/** At most this many probe snapshots are kept per run for the over-time charts. */
export const MAX_PROBE_HISTORY = 200;
/** Validation happens every ≥ 50 steps; this bounds a very long run's validation curve. */
export const MAX_VALIDATION_POINTS = 1000;

/** One run of the Lab as the UI sees it: its settings and everything its worker has reported. */
export interface LabRun {
  /** Stable for the run's lifetime (letters A–D are positions and shift when a run is removed). */
  readonly id: string;
  readonly settings: LabRunSettings;
  readonly status: RunStatus;
  /** Why the run stopped (diverged / error), in the learner's words. */
  readonly message: string | undefined;
  /** The worker has built the model and loaded the data. */
  readonly ready: boolean;
  /**
   * After a configure or reset, messages the old run had already posted are still on their way: they
   * are ignored until the worker's 'ready' (a worker answers in order, so what follows is the new run).
   */
  readonly awaitingReady: boolean;
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerSecond: number;
  readonly divergedAt: number | undefined;
  readonly history: LossHistory;
  readonly validation: BoundedList<ValidationPoint>;
  readonly probes: ProbeSnapshot | undefined;
  readonly probeHistory: BoundedList<ProbeSnapshot>;
  readonly boundary: DecisionBoundary | undefined;
  readonly digits: DigitPredictions | undefined;
  readonly dataset: DatasetInfo | undefined;
  readonly parameterCount: number | undefined;
  readonly layers: readonly { readonly name: string; readonly label: string }[];
}

/** A run that has not trained yet (after creation, a settings change or a reset). */
export function freshRun(id: string, settings: LabRunSettings): LabRun {
  return {
    id,
    settings,
    status: 'idle',
    message: undefined,
    ready: false,
    awaitingReady: false,
    step: 0,
    epoch: 0,
    stepsPerSecond: 0,
    divergedAt: undefined,
    history: EMPTY_LOSS_HISTORY,
    validation: emptyBoundedList(),
    probes: undefined,
    probeHistory: emptyBoundedList(),
    boundary: undefined,
    digits: undefined,
    dataset: undefined,
    parameterCount: undefined,
    layers: [],
  };
}

/** The same run, with its training progress cleared, waiting for its worker to start over. */
export function clearedRun(run: LabRun): LabRun {
  return {
    ...freshRun(run.id, run.settings),
    dataset: run.dataset,
    layers: run.layers,
    awaitingReady: true,
  };
}
