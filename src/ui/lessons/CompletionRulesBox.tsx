import { useId, type ReactNode } from 'react';
import { completionRules } from '../../lessons/progress/completionRules';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { useLessonContext } from './LessonContext';

function quotedList(titles: readonly string[]): string {
  return titles.map((t) => `“${t}”`).join(', ');
}

function Item({ met, children }: { readonly met: boolean; readonly children: ReactNode }) {
  return (
    <li className={met ? 'nl-met' : 'nl-unmet'}>
      <span className="nl-visually-hidden">{met ? 'Done: ' : 'Not yet: '}</span>
      <span aria-hidden="true">{met ? '✓ ' : '○ '}</span>
      {children}
    </li>
  );
}

/**
 * The lesson's completion rules, at its top: every requirement with its state and what is missing,
 * which practices count, and what a wrong first answer or a revealed answer costs.
 */
export function CompletionRulesBox() {
  const headingId = useId();
  const { track, lesson } = useLessonContext();
  const progress = useAppStore(selectProgress);
  const rules = completionRules(lesson, progress, track);
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

  return (
    <section className="nl-completion" aria-labelledby={headingId}>
      <h2 id={headingId}>What completes this lesson</h2>
      <ul className="nl-completion__items">
        {rules.questions > 0 ? (
          <Item met={rules.solved === rules.questions}>
            Answer {plural(rules.questions, 'the question', `all ${rules.questions} questions`)}{' '}
            correctly; a retry or a revealed answer still completes it here ({rules.solved} of{' '}
            {rules.questions} done).
          </Item>
        ) : null}
        {rules.checkpoints.map((c) => (
          <Item key={c.key} met={c.earned}>
            Checkpoint “{c.title}”: {c.earned ? `earned. ${c.detail}` : c.detail}
          </Item>
        ))}
      </ul>
      {rules.requiredPractices.length > 0 ? (
        <p>
          {plural(rules.requiredPractices.length, 'The practice', 'The practices')}{' '}
          {quotedList(rules.requiredPractices)}{' '}
          {plural(rules.requiredPractices.length, 'is', 'are')} part of completing the lesson: a
          checkpoint is earned there, by your own change. Running the prepared experiments alone
          does not earn it.
        </p>
      ) : null}
      {rules.optionalPractices.length > 0 ? (
        <p>Optional, for practice: {quotedList(rules.optionalPractices)}.</p>
      ) : null}
      {rules.peeking
        .filter((p) => !p.earned)
        .map((p) => (
          <p key={p.title} className="nl-completion__peeking">
            Your first answer to each question here also counts for the checkpoint “{p.title}” in{' '}
            {p.where}: a wrong first answer, or revealing the answer, rules that question out of it
            (you can retake it from that checkpoint).{' '}
            {p.ruledOut === 0
              ? `None of the ${p.questions} questions here is ruled out so far.`
              : `${p.ruledOut} of the ${p.questions} questions here ${plural(p.ruledOut, 'is', 'are')} ruled out so far.`}
          </p>
        ))}
    </section>
  );
}
