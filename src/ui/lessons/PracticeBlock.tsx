import { useCallback, useEffect, useMemo } from 'react';
import type { SettingKey } from '../../lab/labSettings';
import { blockKey, practiceQuestionKey } from '../../lessons/progress/keys';
import { evaluatePractice } from '../../lessons/progress/practice';
import { runSettings } from '../../lessons/runSettings';
import type { ChartKind, Experiment, Practice } from '../../lessons/schema';
import { useAppStore } from '../../store/appStore';
import {
  selectProgress,
  selectRecordChartViewed,
  selectRecordPracticePassed,
} from '../../store/progressSlice';
import { claimStatus } from './claimStatus';
import { chartHasData } from './ExperimentCharts';
import { ExperimentPanel } from './ExperimentPanel';
import { PracticeStatus } from './PracticeStatus';
import { Prose } from './Prose';
import { BlockSection } from './BlockSection';
import { QuizQuestion } from './QuizQuestion';
import { useExperimentRuns } from './useExperimentRuns';
import { watchFor } from '../../lessons/watchFor';
import { WatchFor } from './WatchFor';

export interface PracticeBlockProps {
  readonly lessonId: string;
  readonly id: string;
  readonly practice: Practice;
  /** The lesson's experiment the task starts from (the parser checked it exists). */
  readonly experiment: Experiment;
}

/** The settings offered: the experiment's controls and every setting the task requires. */
function editableKeys(practice: Practice, experiment: Experiment): SettingKey[] {
  const keys = new Set<SettingKey>(experiment.controls);
  for (const r of practice.requireSettings)
    for (const key of Object.keys(r.settings) as SettingKey[]) keys.add(key);
  return [...keys];
}

/**
 * A guided exercise on a copy of one of the lesson's experiments (a mystery network is a MysteryBlock,
 * done in the Lab). It is passed when the named runs
 * have the settings the task asks for, the claimed effect shows in the learner's own runs, and the
 * question (if any) is answered correctly; the checklist says which of those still hold back.
 */
export function PracticeBlock({ lessonId, id, practice, experiment }: PracticeBlockProps) {
  const key = blockKey(lessonId, id);
  const questionKey = practiceQuestionKey(lessonId, id);
  const definitions = useMemo(
    () =>
      experiment.runs.map((run, i) => ({ label: run.label, settings: runSettings(experiment, i) })),
    [experiment],
  );
  const live = useExperimentRuns(definitions, experiment);
  const progress = useAppStore(selectProgress);
  const recordPracticePassed = useAppStore(selectRecordPracticePassed);
  const recordChartViewed = useAppStore(selectRecordChartViewed);
  const record = progress.practice[key];
  const questionSolved = progress.quizzes[questionKey]?.solved === true;

  const status = useMemo(() => claimStatus(practice.claim, live.runs), [practice.claim, live.runs]);
  const verdict = evaluatePractice(
    practice,
    live.runs,
    {
      shown: status.state === 'shown',
      detail: status.state === 'waiting' ? 'the runs have not trained yet' : status.detail,
    },
    questionSolved,
  );
  const passedDetail = verdict.passed ? verdict.detail : undefined;
  useEffect(() => {
    if (passedDetail !== undefined) recordPracticePassed(key, passedDetail);
  }, [key, passedDetail, recordPracticePassed]);
  // A chart counts for a checkpoint only once the learner's changed runs have drawn into it.
  const changedRuns = live.runs.filter((r) =>
    practice.requireSettings.some((required) => required.run === r.label),
  );
  const drawnByChanged = verdict.changed
    ? experiment.charts.filter((chart) => chartHasData(chart, changedRuns)).join(' ')
    : '';
  const onChartViewed = useCallback(
    (chart: ChartKind) => {
      if (drawnByChanged.split(' ').includes(chart)) recordChartViewed(key, chart);
    },
    [drawnByChanged, key, recordChartViewed],
  );

  return (
    <BlockSection
      kind="Practice"
      title={practice.title}
      className={`nl-practice ${record ? 'nl-practice--passed' : ''}`}
    >
      <Prose text={practice.task} />
      <p className="nl-hint">
        This starts from the experiment “{experiment.title}”; the runs here are your own copy.
      </p>
      <ExperimentPanel
        experiment={experiment}
        live={live}
        editable={editableKeys(practice, experiment)}
        status={
          // A mystery's task names only the goal: its conditions stay in the checklist below.
          practice.hidden.length === 0 && status.state !== 'shown' ? (
            <WatchFor conditions={watchFor(practice.claim)} />
          ) : undefined
        }
        onChartViewed={onChartViewed}
      />
      {practice.question ? (
        <QuizQuestion quiz={practice.question} progressKey={questionKey} headingLevel={4} />
      ) : null}
      <PracticeStatus
        record={record}
        notPassed=" What the exercise checks:"
        conditions={verdict.conditions}
      />
    </BlockSection>
  );
}
