import type { ExperimentPhase, ExperimentRuns } from './useExperimentRuns';

/**
 * What Space does to an experiment on a projector (a presented experiment, a lecture deck's scene):
 * it starts untrained runs, pauses training ones and resumes paused ones. It leaves finished runs as
 * they are: restarting them would wipe the curves the room is looking at, mid-sentence, on a key an
 * instructor presses to mean "go on". Reset (R, or its button) clears them, on purpose.
 */
export function spaceAction(phase: ExperimentPhase): 'start' | 'pause' | 'resume' | 'none' {
  switch (phase) {
    case 'idle':
      return 'start';
    case 'running':
      return 'pause';
    case 'paused':
      return 'resume';
    case 'finished':
      return 'none';
  }
}

/** Does what Space does (spaceAction) to `live`. */
export function pressSpace(
  live: Pick<ExperimentRuns, 'phase' | 'start' | 'pause' | 'resume'>,
): void {
  const action = spaceAction(live.phase);
  if (action !== 'none') live[action]();
}

/** What a presented experiment's bar says once its runs have finished, so Space doing nothing is no surprise. */
export const FINISHED_NOTE =
  'Finished: Space leaves the curves as they are; R (or Reset) clears them.';
