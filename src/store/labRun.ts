import type { LabRunSettings } from '../lab/labSettings';
import { freshRunState, type RunState } from '../runs/runState';

/**
 * One run of the Lab: the one run state (src/runs/runState.ts) under an id that is stable for the
 * run's lifetime (letters A–D are positions and shift when a run is removed).
 */
export interface LabRun extends RunState {
  readonly id: string;
}

/** A run that has not trained yet (after creation, a settings change or a reset). */
export function freshRun(id: string, settings: LabRunSettings): LabRun {
  return { id, ...freshRunState(settings) };
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

/** The selected run, or run A when the selection is gone (removed) or was never made. */
export function selectedRun(
  runs: readonly LabRun[],
  selectedId: string | undefined,
): LabRun | undefined {
  return runs.find((r) => r.id === selectedId) ?? runs[0];
}
