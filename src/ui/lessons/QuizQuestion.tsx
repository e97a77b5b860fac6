import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Quiz } from '../../lessons/schema';
import { useAppStore } from '../../store/appStore';
import { selectAnswerQuiz, selectQuizRecord, selectRevealQuiz } from '../../store/progressSlice';
import type { HeadingLevel } from '../charts/Heading';
import { Heading, subLevel } from '../charts/Heading';
import { choiceOrder } from './choiceOrder';
import { QuizChart } from './QuizChart';
import { ConfirmDialog } from './ConfirmDialog';
import { describeStakes, useQuizStakes } from './useQuizStakes';
import { InlineProse, Prose } from './Prose';
import { choiceName } from './choiceName';

export interface QuizQuestionProps {
  readonly quiz: Quiz;
  /** Where the answers are kept in progress. */
  readonly progressKey: string;
  readonly headingLevel?: HeadingLevel | undefined;
}

/** Where focus goes after an action; `seq` makes a repeated move a new request. */
type Focus = { readonly target: 'feedback' | 'firstChoice'; readonly seq: number } | undefined;

/**
 * One multiple-choice question. Submitting an answer shows every choice's explanation, with the
 * learner's choice marked and right or wrong said in words. A wrong answer can be retried; the answer
 * can be revealed before answering, which is recorded (it no longer counts as answered without peeking).
 * It subscribes to its own record only, and is memoised: an experiment of the lesson recording
 * progress, or a block around it rendering, leaves it alone.
 */
export const QuizQuestion = memo(function QuizQuestion({
  quiz,
  progressKey,
  headingLevel = 3,
}: QuizQuestionProps) {
  const baseId = useId();
  const headingId = `${baseId}-question`;
  const revealHintId = `${baseId}-reveal-hint`;
  const record = useAppStore(useMemo(() => selectQuizRecord(progressKey), [progressKey]));
  const answerQuiz = useAppStore(selectAnswerQuiz);
  const revealQuiz = useAppStore(selectRevealQuiz);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [retrying, setRetrying] = useState(false);
  const [missingChoice, setMissingChoice] = useState(false);
  const [focus, setFocus] = useState<Focus>(undefined);
  const [confirmingReveal, setConfirmingReveal] = useState(false);
  const stakes = useQuizStakes(progressKey, record);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const firstChoiceRef = useRef<HTMLInputElement>(null);

  const correctIndex = quiz.choices.findIndex((c) => c.correct);
  const order = useMemo(
    () => choiceOrder(progressKey, quiz.choices.length),
    [progressKey, quiz.choices.length],
  );
  const lastAnswer = record?.answers[record.answers.length - 1];
  const answered = lastAnswer !== undefined && !retrying;
  const lastCorrect = answered && lastAnswer === correctIndex;
  const revealed = record?.revealed === true;
  const explained = answered || revealed;

  useEffect(() => {
    if (focus?.target === 'feedback') feedbackRef.current?.focus();
    if (focus?.target === 'firstChoice') firstChoiceRef.current?.focus();
  }, [focus]);

  const moveFocus = (target: 'feedback' | 'firstChoice'): void =>
    setFocus((f) => ({ target, seq: (f?.seq ?? 0) + 1 }));

  const check = (): void => {
    if (selected === undefined) {
      setMissingChoice(true);
      return;
    }
    answerQuiz(progressKey, selected, selected === correctIndex);
    setRetrying(false);
    setMissingChoice(false);
    moveFocus('feedback');
  };
  const tryAgain = (): void => {
    setRetrying(true);
    setSelected(undefined);
    moveFocus('firstChoice');
  };
  const reveal = (): void => {
    setConfirmingReveal(false);
    revealQuiz(progressKey);
    moveFocus('feedback');
  };
  // Revealing would rule the question out of a checkpoint: say so, and let the learner decide.
  const askReveal = (): void => {
    if (stakes.open.length > 0) setConfirmingReveal(true);
    else reveal();
  };

  const shownChoice = answered ? lastAnswer : selected;
  const feedback = answered
    ? lastCorrect
      ? 'Correct.'
      : 'Not correct. Read why under each choice, then try again.'
    : revealed
      ? 'Answer revealed: the correct choice is marked below. You can still answer, but this question no longer counts as answered without peeking.'
      : '';

  return (
    <section className="nl-block nl-quiz" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} className="nl-quiz__question">
        <span className="nl-block__kind">Question</span> <InlineProse text={quiz.question} />
      </Heading>
      {quiz.chart ? <QuizChart chart={quiz.chart} headingLevel={subLevel(headingLevel)} /> : null}
      <fieldset className="nl-quiz__choices" aria-labelledby={headingId} disabled={answered}>
        <ul>
          {order.map((i, position) => {
            const choice = quiz.choices[i]!;
            const id = `${baseId}-choice-${i}`;
            const chosen = shownChoice === i && answered;
            const verdict = chosen
              ? choice.correct
                ? 'Your answer: correct.'
                : 'Your answer: not correct.'
              : explained && choice.correct
                ? 'The correct answer.'
                : explained
                  ? 'Not the answer.'
                  : '';
            return (
              <li
                key={i}
                className={[
                  'nl-quiz__choice',
                  chosen ? 'nl-quiz__choice--chosen' : '',
                  explained && choice.correct ? 'nl-quiz__choice--correct' : '',
                  chosen && !choice.correct ? 'nl-quiz__choice--wrong' : '',
                ].join(' ')}
              >
                <input
                  ref={position === 0 ? firstChoiceRef : undefined}
                  type="radio"
                  id={id}
                  name={`${baseId}-choices`}
                  checked={shownChoice === i}
                  onChange={() => {
                    setSelected(i);
                    setMissingChoice(false);
                  }}
                  aria-describedby={explained ? `${id}-why` : undefined}
                  aria-label={choiceName(choice.text)}
                />
                <label htmlFor={id}>
                  <InlineProse text={choice.text} />
                </label>
                {explained ? (
                  <div id={`${id}-why`} className="nl-quiz__explanation">
                    <strong>{verdict}</strong> <InlineProse text={choice.explanation} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div
        ref={feedbackRef}
        tabIndex={-1}
        role="status"
        className={`nl-quiz__feedback${answered ? (lastCorrect ? ' nl-quiz__feedback--correct' : ' nl-quiz__feedback--wrong') : ''}`}
      >
        {feedback ? <Prose text={feedback} /> : null}
        {missingChoice ? <p>Choose an answer first.</p> : null}
      </div>
      {stakes.open.length > 0 && !answered && !revealed ? (
        <p className="nl-hint nl-quiz__stake">
          Your first answer also counts for the checkpoint {describeStakes(stakes.open)}: only a
          right first answer, without revealing, keeps this question in it.
        </p>
      ) : null}
      {stakes.lost.length > 0 ? (
        <p className="nl-hint nl-quiz__stake">
          This question no longer counts for the checkpoint {describeStakes(stakes.lost)}, because{' '}
          {revealed ? 'its answer was revealed' : 'the first answer was not correct'}. You can
          retake it from that checkpoint.
        </p>
      ) : null}
      <div className="nl-quiz__actions">
        {!answered ? (
          <button type="button" className="nl-button nl-button--primary" onClick={check}>
            Check answer
          </button>
        ) : null}
        {answered && !lastCorrect ? (
          <button type="button" className="nl-button nl-button--primary" onClick={tryAgain}>
            Try again
          </button>
        ) : null}
        {!answered && !revealed && !record?.solved ? (
          <>
            <button
              type="button"
              className="nl-button"
              onClick={askReveal}
              aria-describedby={revealHintId}
            >
              Reveal answer
            </button>
            <span id={revealHintId} className="nl-hint">
              Shows the answer and every explanation; the question then no longer counts as answered
              without peeking.
            </span>
          </>
        ) : null}
      </div>
      {confirmingReveal ? (
        <ConfirmDialog
          title="Reveal the answer?"
          message={`Revealing rules this question out of the checkpoint ${describeStakes(stakes.open)}, which needs every question answered right on the first try without revealing. You can retake the question from that checkpoint later.`}
          confirmLabel="Reveal and rule it out"
          onCancel={() => setConfirmingReveal(false)}
          onConfirm={reveal}
        />
      ) : null}
    </section>
  );
});
