import { useEffect, useId, useMemo } from 'react';
import { RUN_LETTERS } from '../../../lab/labSettings';
import { judgeMystery, type MysteryLabRun } from '../../../lessons/mystery';
import { practiceQuestionKey } from '../../../lessons/progress/keys';
import { useAppStore } from '../../../store/appStore';
import type { LabRun } from '../../../store/labRun';
import { selectProgress, selectRecordPracticePassed } from '../../../store/progressSlice';
import { selectRuns } from '../../../store/selectors';
import { lessonHref } from '../../routing';
import { PracticeStatus } from '../../lessons/PracticeStatus';
import { Prose } from '../../lessons/Prose';
import { QuizQuestion } from '../../lessons/QuizQuestion';
import type { LabMysteryValue } from './LabMysteryContext';
import { formatCount } from '../../../lab/formatNumber';

/** What the judge reads of a Lab run: its settings, its steps, and its history. */
function judgedRun(run: LabRun, index: number): MysteryLabRun {
  return {
    letter: RUN_LETTERS[index] ?? '?',
    settings: run.settings,
    step: run.step,
    history: {
      losses: run.history.losses,
      steps: run.history.steps,
      validation: run.validation.items,
      ...(run.divergedAt !== undefined ? { divergedAt: run.divergedAt } : {}),
      ...(run.probes ? { finalProbe: run.probes } : {}),
    },
  };
}

/**
 * A lesson's mystery network, diagnosed in the Lab: the task, the question that names the fault, and
 * what the exercise still waits for. It is passed, and any checkpoint it earns is recorded, when the
 * fault is named and one of the learner's runs with the fix shows the effect at the step budget.
 */
export function MysteryLabPanel({ value }: { readonly value: LabMysteryValue }) {
  const { mystery, hidden } = value;
  const headingId = useId();
  const runs = useAppStore(selectRuns);
  const progress = useAppStore(selectProgress);
  const recordPracticePassed = useAppStore(selectRecordPracticePassed);
  const questionKey = practiceQuestionKey(mystery.lessonId, mystery.practiceId);
  const questionSolved = progress.quizzes[questionKey]?.solved === true;
  const record = progress.practice[mystery.key];
  const verdict = useMemo(
    () => judgeMystery(mystery, runs.map(judgedRun), questionSolved),
    [mystery, runs, questionSolved],
  );
  const passedDetail = verdict.passed ? verdict.detail : undefined;
  useEffect(() => {
    if (passedDetail !== undefined) recordPracticePassed(mystery.key, passedDetail);
  }, [mystery.key, passedDetail, recordPracticePassed]);
  const budget = formatCount(mystery.experiment.steps);

  return (
    <section className="nl-mystery-lab" aria-labelledby={headingId}>
      <h2 id={headingId} className="nl-section-title">
        <span className="nl-block__kind">Mystery network</span> {mystery.practice.title}
      </h2>
      <p className="nl-note">
        From the lesson <a href={lessonHref(mystery.lessonId)}>{mystery.lessonTitle}</a>. The
        address names the mystery, not its settings; use “Lab” above to leave it.
      </p>
      <Prose text={mystery.practice.task} />
      <p className="nl-hint">
        {hidden.size > 0
          ? `Run A is the network, with ${hidden.size} of its settings hidden. `
          : 'Run A is the network; every hidden setting is revealed now. '}
        Train it and read its charts; “Reveal” shows one setting and lets you change it (your
        reveals are saved). Name the fault below, fix it in run A or in a copy of it, and train:
        each run is judged at step {budget}, the task’s budget, however far it trains.
      </p>
      {mystery.practice.question ? (
        <QuizQuestion quiz={mystery.practice.question} progressKey={questionKey} headingLevel={3} />
      ) : null}
      <PracticeStatus
        record={record}
        notPassed={` What the exercise checks${verdict.letter !== undefined ? ` (closest: run ${verdict.letter})` : ''}:`}
        conditions={verdict.conditions}
      />
    </section>
  );
}
