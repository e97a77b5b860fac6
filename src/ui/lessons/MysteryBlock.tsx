import { useId } from 'react';
import { mysteryLabHash } from '../../lessons/mystery';
import { practiceQuestionKey, blockKey } from '../../lessons/progress/keys';
import type { Experiment, Practice } from '../../lessons/schema';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { PracticeStatus } from './PracticeStatus';
import { Prose } from './Prose';
import { formatCount } from '../../lab/formatNumber';

export interface MysteryBlockProps {
  readonly lessonId: string;
  readonly id: string;
  readonly practice: Practice;
  readonly experiment: Experiment;
}

/**
 * A mystery network in a lesson: the task and a link that opens it in the Lab, where the learner
 * diagnoses it from the charts with its settings hidden, names the fault, fixes it and verifies the
 * fix with a run (src/ui/lab/mystery). The lesson shows where the exercise stands.
 */
export function MysteryBlock({ lessonId, id, practice, experiment }: MysteryBlockProps) {
  const headingId = useId();
  const progress = useAppStore(selectProgress);
  const key = blockKey(lessonId, id);
  const record = progress.practice[key];
  const named = progress.quizzes[practiceQuestionKey(lessonId, id)]?.solved === true;
  const revealed = progress.revealedSettings[key]?.length ?? 0;
  const steps = formatCount(experiment.steps);

  return (
    <section
      className={`nl-block nl-practice ${record ? 'nl-practice--passed' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        <span className="nl-block__kind">Mystery network</span> {practice.title}
      </h3>
      <Prose text={practice.task} />
      <p className="nl-hint">
        The Lab opens this network with {practice.hidden.length} of its settings hidden. Diagnose it
        there from the charts, revealing settings only as you need them; name the fault, fix it, and
        train until step {steps}, where the fix is checked.
      </p>
      <p>
        <a className="nl-button nl-button--primary" href={mysteryLabHash(lessonId, id)}>
          Open the mystery in the Lab
        </a>
      </p>
      <PracticeStatus
        record={record}
        notPassed={
          ' ' +
          (named ? 'You named the fault; now fix it and train.' : 'The fault is not named yet.') +
          (revealed > 0
            ? ` You revealed ${revealed} of ${practice.hidden.length} hidden settings.`
            : '')
        }
      />
    </section>
  );
}
