import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Scene } from '../../lessons/deck';
import { runSettings } from '../../lessons/runSettings';
import { claimStatus } from '../lessons/claimStatus';
import { ClaimStatusBox } from '../lessons/ClaimStatusBox';
import { ExperimentPanel } from '../lessons/ExperimentPanel';
import { Prose } from '../lessons/Prose';
import { pressSpace } from '../lessons/spaceKey';
import { useExperimentRuns } from '../lessons/useExperimentRuns';
import type { TrainingPhase } from './deckChannel';

/** What the deck (its keys, or the speaker's window) can ask of a scene that trains. */
export interface TrainingControl {
  /**
   * Starts the runs, or resumes them when paused; nothing while they train, and nothing once they
   * have finished (spaceKey.ts: the room's curves stay until an explicit reset).
   */
  train(): void;
  pause(): void;
  /** Back to untrained runs, ready for the next train(); nothing when they are untrained already. */
  reset(): void;
}

export interface TrainingReport {
  readonly phase: TrainingPhase;
  readonly step: number;
  readonly steps: number;
}

export interface ExperimentSceneProps {
  readonly scene: Extract<Scene, { kind: 'experiment' }>;
  /** Filled while the scene is on screen. */
  readonly control: RefObject<TrainingControl | undefined>;
  readonly onTraining: (report: TrainingReport) => void;
}

/**
 * A lesson experiment as a scene: its runs are set up, untrained, when the scene is entered, and
 * stop when it is left. The same runs, panel, controls and charts as on the lesson page (so a
 * practice can be done live), but nothing is recorded as the learner's progress.
 */
export function ExperimentScene({ scene, control, onTraining }: ExperimentSceneProps) {
  const { experiment } = scene;
  const definitions = useMemo(
    () =>
      experiment.runs.map((run, i) => ({ label: run.label, settings: runSettings(experiment, i) })),
    [experiment],
  );
  const live = useExperimentRuns(definitions, experiment);
  const liveRef = useRef(live);
  useEffect(() => {
    liveRef.current = live;
  }, [live]);

  useEffect(() => {
    control.current = {
      train() {
        if (liveRef.current.phase !== 'running') pressSpace(liveRef.current);
      },
      pause() {
        if (liveRef.current.phase === 'running') liveRef.current.pause();
      },
      reset() {
        if (liveRef.current.phase !== 'idle') liveRef.current.reset();
      },
    };
    return () => {
      control.current = undefined;
    };
  }, [control]);

  const step = live.runs.reduce((furthest, run) => Math.max(furthest, run.step), 0);
  useEffect(() => {
    onTraining({ phase: live.phase, step, steps: experiment.steps });
  }, [onTraining, live.phase, step, experiment.steps]);

  const status = useMemo(
    () => (experiment.claim ? claimStatus(experiment.claim, live.runs) : undefined),
    [experiment.claim, live.runs],
  );
  return (
    <div className="nl-deck-experiment">
      {experiment.intro ? <Prose text={experiment.intro} /> : null}
      <ExperimentPanel
        experiment={experiment}
        live={live}
        editable={experiment.controls}
        status={status ? <ClaimStatusBox status={status} /> : null}
      />
      {experiment.takeaway && status?.state === 'shown' ? (
        <div className="nl-experiment__takeaway">
          <h2>What to notice</h2>
          <Prose text={experiment.takeaway} />
        </div>
      ) : null}
    </div>
  );
}
