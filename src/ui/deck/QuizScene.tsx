import { useId, useMemo } from 'react';
import type { Scene } from '../../lessons/deck';
import { blockKey } from '../../lessons/progress/keys';
import { choiceOrder } from '../lessons/choiceOrder';
import { InlineProse, Prose } from '../lessons/Prose';
import { QuizChart } from '../lessons/QuizChart';

export interface QuizSceneProps {
  readonly lessonId: string;
  readonly scene: Extract<Scene, { kind: 'quiz' }>;
  readonly revealed: boolean;
  readonly onReveal: () => void;
}

/** Choice letters as the room calls them out. */
export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The choices in the order learners see them on the lesson page, with their letters. */
export function letteredChoices(lessonId: string, scene: Extract<Scene, { kind: 'quiz' }>) {
  const { choices } = scene.quiz;
  return choiceOrder(blockKey(lessonId, scene.id), choices.length).map((index, place) => ({
    letter: CHOICE_LETTERS[place] ?? String(place + 1),
    choice: choices[index]!,
  }));
}

/**
 * A quiz question shown to the room: the question, its chart if it has one, and the choices with
 * letters to vote by. The answer, marked and explained, appears when the presenter reveals it.
 * Nothing is recorded: answering for oneself is the lesson page's job.
 */
export function QuizScene({ lessonId, scene, revealed, onReveal }: QuizSceneProps) {
  const choicesId = useId();
  const lettered = useMemo(() => letteredChoices(lessonId, scene), [lessonId, scene]);
  const answer = lettered.find((c) => c.choice.correct);
  return (
    <div className="nl-deck-quiz">
      <Prose text={scene.quiz.question} className="nl-deck-quiz__question" />
      {scene.quiz.chart ? <QuizChart chart={scene.quiz.chart} headingLevel={2} /> : null}
      <h2 id={choicesId} className="nl-visually-hidden">
        Choices
      </h2>
      <ol className="nl-deck-quiz__choices" aria-labelledby={choicesId}>
        {lettered.map(({ letter, choice }) => {
          const isAnswer = revealed && choice.correct;
          return (
            <li
              key={letter}
              className={
                isAnswer
                  ? 'nl-deck-quiz__choice nl-deck-quiz__choice--answer'
                  : 'nl-deck-quiz__choice'
              }
            >
              <span className="nl-deck-quiz__letter" aria-hidden="true">
                {letter}
              </span>
              <span className="nl-visually-hidden">{letter}: </span>
              <span className="nl-deck-quiz__text">
                <InlineProse text={choice.text} />
              </span>
              {isAnswer ? <strong className="nl-deck-quiz__mark">The answer</strong> : null}
            </li>
          );
        })}
      </ol>
      {revealed && answer ? (
        <div className="nl-deck-quiz__explanation">
          <Prose text={answer.choice.explanation} />
        </div>
      ) : (
        <button type="button" className="nl-button" onClick={onReveal}>
          Reveal the answer
        </button>
      )}
      <p className="nl-visually-hidden" role="status">
        {revealed && answer ? `The answer is ${answer.letter}.` : ''}
      </p>
    </div>
  );
}
