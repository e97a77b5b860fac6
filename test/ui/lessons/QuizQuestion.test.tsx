// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { Profiler } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QuizRecord } from '../../../src/lessons/progress/schema';
import type { Quiz } from '../../../src/lessons/schema';
import { resetAppStore, useAppStore } from '../../../src/store/appStore';
import { QuizQuestion } from '../../../src/ui/lessons/QuizQuestion';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import { renderWithWorkers } from '../widgets/fakeWorkers';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const track = fixtureTrack();
const KEY = 'alpha/aq1';

const quiz: Quiz = {
  question: 'Why does Xavier init shrink a deep **ReLU** network’s activations?',
  choices: [
    {
      text: 'ReLU zeroes half its input',
      correct: true,
      explanation: 'Half the variance is lost at every layer, which Xavier does not make up for.',
    },
    {
      text: 'Xavier uses too large a variance',
      correct: false,
      explanation: 'Too large a variance would make activations grow, not shrink.',
    },
    {
      text: 'The biases start at zero',
      correct: false,
      explanation: 'Zero biases add nothing, so they do not change the scale.',
    },
  ],
};

/**
 * Asserts the answer fields of the saved record (the choice fingerprints it also holds are restore's,
 * tested there).
 */
function expectSaved(
  fields: Pick<QuizRecord, 'answers' | 'solved' | 'firstTryCorrect' | 'revealed'>,
) {
  const saved = record();
  expect(saved).toBeDefined();
  const { answers, solved, firstTryCorrect, revealed } = saved!;
  expect({ answers, solved, firstTryCorrect, revealed }).toEqual(fields);
}

function renderQuiz() {
  loadProgressFor(track);
  const user = userEvent.setup();
  const { unmount } = render(<QuizQuestion quiz={quiz} progressKey={KEY} />);
  return Object.assign(user, { unmount });
}

const choice = (name: RegExp) => screen.getByRole('radio', { name });
const record = () => useAppStore.getState().progress.quizzes[KEY];

/** Picks the choice named `name` and checks it, as the learner does. */
async function answer(user: UserEvent, name: RegExp): Promise<void> {
  await user.click(choice(name));
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
}

describe('QuizQuestion', () => {
  it('names a choice written in math by its formula, so no radio is unlabelled', () => {
    loadProgressFor(track);
    const math: Quiz = {
      question: 'What bias does the folded layer get?',
      choices: [
        { text: '$-2$', correct: true, explanation: 'By $1 - 2 \\cdot 3 / 2$.' },
        { text: 'About $+1$, as before', correct: false, explanation: 'The mean moves in too.' },
      ],
    };
    render(<QuizQuestion quiz={math} progressKey={KEY} />);
    expect(screen.getByRole('radio', { name: '-2' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'About +1, as before' })).toBeInTheDocument();
  });

  it('shows the question as a heading and names the radio group by it', () => {
    renderQuiz();
    expect(
      screen.getByRole('heading', { name: /Why does Xavier init shrink/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Why does Xavier init shrink/ })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByText(/Half the variance is lost/)).not.toBeInTheDocument();
  });

  it('wrong answer: every choice explains itself, the wrong choice is named in words; retry; then right', async () => {
    const user = renderQuiz();
    await answer(user, /too large a variance/);

    expect(screen.getByRole('status')).toHaveTextContent('Not correct.');
    expect(screen.getByRole('status')).toHaveFocus();
    const wrong = choice(/too large a variance/);
    expect(wrong).toBeChecked();
    expect(wrong).toBeDisabled();
    expect(wrong).toHaveAccessibleDescription(
      'Your answer: not correct. Too large a variance would make activations grow, not shrink.',
    );
    expect(choice(/zeroes half/)).toHaveAccessibleDescription(
      'The correct answer. Half the variance is lost at every layer, which Xavier does not make up for.',
    );
    expect(choice(/biases/)).toHaveAccessibleDescription(
      'Not the answer. Zero biases add nothing, so they do not change the scale.',
    );
    expect(wrong.closest('li')).toHaveClass('nl-quiz__choice--chosen', 'nl-quiz__choice--wrong');
    expectSaved({ answers: [1], solved: false, firstTryCorrect: false, revealed: false });

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getAllByRole('radio')[0]).toHaveFocus();
    expect(choice(/too large a variance/)).not.toBeChecked();
    expect(screen.queryByText(/Half the variance is lost/)).not.toBeInTheDocument();

    await answer(user, /zeroes half/);
    expect(screen.getByRole('status')).toHaveTextContent('Correct.');
    expect(choice(/zeroes half/)).toHaveAccessibleDescription(/^Your answer: correct\./);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expectSaved({ answers: [1, 0], solved: true, firstTryCorrect: false, revealed: false });
  });

  it('asks for a choice before checking', async () => {
    const user = renderQuiz();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByRole('status')).toHaveTextContent('Choose an answer first.');
    expect(record()).toBeUndefined();
  });

  it('a right first answer counts as answered without peeking', async () => {
    const user = renderQuiz();
    await answer(user, /zeroes half/);
    expectSaved({ answers: [0], solved: true, firstTryCorrect: true, revealed: false });
  });

  it('revealing before answering shows the answer, says it is recorded, and still lets the learner answer', async () => {
    const user = renderQuiz();
    const reveal = screen.getByRole('button', { name: 'Reveal answer' });
    expect(reveal).toHaveAccessibleDescription(/no longer counts as answered without peeking/);
    await user.click(reveal);
    // The question counts for beta's "No peeking" checkpoint: the learner is asked first.
    const dialog = screen.getByRole('alertdialog', { name: 'Reveal the answer?' });
    expect(dialog).toHaveAccessibleDescription(
      /rules this question out of the checkpoint “No peeking” in “Beta lesson” \(lesson 2\)/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Reveal and rule it out' }));
    expectSaved({ answers: [], solved: false, firstTryCorrect: false, revealed: true });
    expect(screen.getByRole('status')).toHaveTextContent(/Answer revealed/);
    expect(choice(/zeroes half/)).toHaveAccessibleDescription(/^The correct answer\./);
    expect(screen.queryByRole('button', { name: 'Reveal answer' })).not.toBeInTheDocument();

    await answer(user, /zeroes half/);
    expectSaved({ answers: [0], solved: true, firstTryCorrect: true, revealed: true });
  });

  it('warns before the first answer and before revealing, and says afterwards what was lost', async () => {
    const user = renderQuiz();
    expect(screen.getByText(/Your first answer also counts for the checkpoint/)).toHaveTextContent(
      'Your first answer also counts for the checkpoint “No peeking” in “Beta lesson” (lesson 2): only a right first answer, without revealing, keeps this question in it.',
    );
    await user.click(screen.getByRole('button', { name: 'Reveal answer' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(record()).toBeUndefined();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await answer(user, /biases/);
    expect(screen.getByText(/no longer counts for the checkpoint/)).toHaveTextContent(
      'This question no longer counts for the checkpoint “No peeking” in “Beta lesson” (lesson 2), because the first answer was not correct. You can retake it from that checkpoint.',
    );
    expect(screen.queryByText(/Your first answer also counts/)).not.toBeInTheDocument();
  });

  it('is not rendered again when an experiment records progress, only when its own record changes', () => {
    loadProgressFor(track);
    let renders = 0;
    render(
      <Profiler id="quiz" onRender={() => void renders++}>
        <QuizQuestion quiz={quiz} progressKey={KEY} />
      </Profiler>,
    );
    const before = renders;
    // The lesson's experiment: its chart looked at, its claim shown, a checkpoint earned by both.
    act(() => useAppStore.getState().recordChartViewed('alpha/falls', 'loss'));
    act(() => useAppStore.getState().recordClaimShown('alpha/falls', 'the loss fell'));
    expect(useAppStore.getState().progress.checkpoints['alpha/saw-it']).toBeDefined();
    expect(renders).toBe(before);

    act(() => useAppStore.getState().answerQuiz(KEY, 0, true));
    expect(renders).toBe(before + 1);
    expect(screen.getByRole('status')).toHaveTextContent('Correct.');
  });

  it('shows the saved answer again after a reload', async () => {
    const user = renderQuiz();
    await answer(user, /biases/);
    user.unmount();
    resetAppStore();
    loadProgressFor(track);
    render(<QuizQuestion quiz={quiz} progressKey={KEY} />);
    const section = screen.getByRole('region', { name: /Why does Xavier/ });
    expect(within(section).getByRole('radio', { name: /biases/ })).toBeChecked();
    expect(within(section).getByRole('status')).toHaveTextContent('Not correct.');
    expect(within(section).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('a chart-reading question measures its network with the engine and shows the chart, not the settings', async () => {
    loadProgressFor(track);
    const chartQuiz: Quiz = {
      ...quiz,
      question: 'Which fault does this probe show?',
      chart: {
        kind: 'depthProbe',
        depth: 12,
        width: 32,
        activation: 'relu',
        init: 'xavierNormal',
        norm: 'none',
        shows: { activations: 'shrinks', gradients: 'shrinks' },
      },
    };
    const { probe } = renderWithWorkers(<QuizQuestion quiz={chartQuiz} progressKey={KEY} />);
    expect(probe().probeRequests()).toHaveLength(1);
    expect(probe().probeRequests()[0]!.options).toMatchObject({
      depth: 12,
      width: 32,
      activation: 'relu',
      norm: 'none',
      init: { kind: 'xavierNormal' },
    });
    act(() => probe().answer(0));
    const figure = screen.getByRole('figure', { name: /^The chart to read/ });
    expect(figure).toHaveAccessibleDescription(
      /^the question's untrained network, 12 layers of width 32: activation std goes from/,
    );
    // The answer is in the settings, so the page must not name them.
    const setting = within(figure).getByText(/^Setting:/);
    expect(setting).toHaveTextContent(
      "Setting: the question's untrained network, 12 layers of width 32",
    );
    expect(figure).not.toHaveAccessibleDescription(/Xavier|ReLU/);
    const user = userEvent.setup();
    await answer(user, /zeroes half/);
    expect(record()).toMatchObject({ solved: true, firstTryCorrect: true });
  });
});
