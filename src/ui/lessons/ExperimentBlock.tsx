import { useCallback, useEffect, useId, useMemo } from 'react';
import { blockKey } from '../../lessons/progress/keys';
import { watchCharts, watchFor } from '../../lessons/watchFor';
import { runSettings } from '../../lessons/runSettings';
import type { ChartKind, Experiment, Prediction } from '../../lessons/schema';
import { useAppStore } from '../../store/appStore';
import { selectRecordChartViewed, selectRecordClaimShown } from '../../store/progressSlice';
import { AfterTrainingActions } from './AfterTrainingActions';
import { claimStatus } from './claimStatus';
import { ClaimStatusBox } from './ClaimStatusBox';
import { ExperimentCodeTabs } from '../export/ExperimentCodeTabs';
import { experimentExportRuns } from '../export/exportRuns';
import { ExperimentPanel } from './ExperimentPanel';
import { formatTime } from './formatDate';
import { PredictionBox } from './PredictionBox';
import { Prose } from './Prose';
import { useSaveFinishedRuns, useSavedRuns } from './savedRuns/useSavedRuns';
import { WatchFor } from './WatchFor';
import { useExperimentRuns } from './useExperimentRuns';

export interface ExperimentBlockProps {
  readonly lessonId: string;
  readonly id: string;
  readonly experiment: Experiment;
  /** The lesson's prediction about this experiment, which the learner commits to before running it. */
  readonly prediction?: { readonly id: string; readonly data: Prediction } | undefined;
}

/**
 * A live experiment inside a lesson: the learner trains the runs the text talks about and sees, in
 * words, whether the claimed effect shows. When it does, that is recorded as evidence for checkpoints.
 */
export function ExperimentBlock({ lessonId, id, experiment, prediction }: ExperimentBlockProps) {
  const headingId = useId();
  const key = blockKey(lessonId, id);
  const definitions = useMemo(
    () =>
      experiment.runs.map((run, i) => ({ label: run.label, settings: runSettings(experiment, i) })),
    [experiment],
  );
  const saved = useSavedRuns(key, definitions, experiment.steps, experiment.validationEvery);
  const live = useExperimentRuns(definitions, experiment, saved.restored?.runs);
  useSaveFinishedRuns(saved, live.runs, live.phase);
  // Said for as long as the restored runs are on screen untouched.
  const restoredAt =
    saved.restored && live.runs === saved.restored.runs ? saved.restored.savedAt : undefined;
  const recordClaimShown = useAppStore(selectRecordClaimShown);
  const recordChartViewed = useAppStore(selectRecordChartViewed);

  const status = useMemo(
    () => (experiment.claim ? claimStatus(experiment.claim, live.runs) : undefined),
    [experiment.claim, live.runs],
  );
  const shownDetail = status?.state === 'shown' ? status.detail : undefined;
  useEffect(() => {
    if (shownDetail !== undefined) recordClaimShown(key, shownDetail);
  }, [key, shownDetail, recordClaimShown]);
  const predictionKey = prediction ? blockKey(lessonId, prediction.id) : undefined;
  const onChartViewed = useCallback(
    (chart: ChartKind) => recordChartViewed(key, chart),
    [key, recordChartViewed],
  );

  return (
    <section className="nl-block nl-experiment" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="nl-block__kind">Experiment</span> {experiment.title}
      </h3>
      {experiment.intro ? <Prose text={experiment.intro} /> : null}
      {prediction && predictionKey ? (
        <PredictionBox
          prediction={prediction.data}
          progressKey={predictionKey}
          runs={live.runs}
          phase={live.phase}
        />
      ) : null}
      <ExperimentCodeTabs
        name={`normlab-${lessonId}-${id}`}
        runs={() => experimentExportRuns(experiment, live.runs)}
      >
        <ExperimentPanel
          experiment={experiment}
          live={live}
          editable={experiment.controls}
          status={
            <>
              {restoredAt !== undefined ? (
                <p className="nl-experiment__restored">
                  Your finished runs from earlier in this tab (saved at {formatTime(restoredAt)}),
                  kept when you left the page. “Run again” trains them afresh.
                </p>
              ) : null}
              {experiment.afterTraining ? (
                <AfterTrainingActions operations={experiment.afterTraining} live={live} />
              ) : null}
              {experiment.claim && status && status.state !== 'shown' ? (
                <WatchFor conditions={watchFor(experiment.claim)} />
              ) : null}
              {experiment.claim ? null : <WatchFor conditions={watchCharts(experiment.charts)} />}
              {status ? <ClaimStatusBox status={status} /> : null}
            </>
          }
          onChartViewed={onChartViewed}
        />
      </ExperimentCodeTabs>
      {experiment.takeaway && status?.state === 'shown' ? (
        <div className="nl-experiment__takeaway">
          <h4>What to notice</h4>
          <Prose text={experiment.takeaway} />
        </div>
      ) : null}
    </section>
  );
}
