// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Track } from '../../../src/lessons/track';
import { useAppStore } from '../../../src/store/appStore';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import { deltaTrack } from '../../lessons/progress/practiceFixture';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

function renderRules(track: Track, id: string) {
  loadProgressFor(track);
  render(<LessonPage track={track} id={id} instructor={false} />);
  return screen.getByRole('region', { name: 'What completes this lesson' });
}

const items = (box: HTMLElement) =>
  within(box)
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('What completes this lesson', () => {
  it('lists the questions and each checkpoint with what is still missing, and what peeking costs', () => {
    const box = renderRules(fixtureTrack(), 'alpha');
    expect(items(box)).toEqual([
      'Not yet: ○ Answer all 4 questions correctly; a retry or a revealed answer still completes it here (0 of 4 done).',
      'Not yet: ○ Checkpoint “Saw the loss fall”: Run the experiment “Loss falls” until its effect shows in your own runs.',
    ]);
    expect(box).toHaveTextContent('Optional, for practice: “Add BatchNorm”.');
    expect(box).toHaveTextContent(
      'Your first answer to each question here also counts for the checkpoint “No peeking” in “Beta lesson” (lesson 2): a wrong first answer, or revealing the answer, rules that question out of it (you can retake it from that checkpoint). None of the 4 questions here is ruled out so far.',
    );
  });

  it('follows the learner: solved questions count, and a revealed answer is counted as ruled out', () => {
    const box = renderRules(fixtureTrack(), 'alpha');
    act(() => {
      useAppStore.getState().revealQuiz('alpha/aq1');
      useAppStore.getState().answerQuiz('alpha/aq1', 1, true);
      useAppStore.getState().answerQuiz('alpha/aq2', 1, true);
    });
    expect(items(box)[0]).toMatch(/\(2 of 4 done\)\.$/);
    expect(box).toHaveTextContent('1 of the 4 questions here is ruled out so far.');
  });

  it('names the practices a checkpoint needs, and says the prepared experiments do not earn it', () => {
    const box = renderRules(deltaTrack(), 'delta');
    expect(items(box).slice(1)).toEqual([
      'Not yet: ○ Checkpoint “Added BatchNorm and read the weights”: Do the practice “Add BatchNorm yourself” yourself: make the change it asks for and train until its effect shows.',
      'Not yet: ○ Checkpoint “Switched to eval mode”: Do the practice “Find the fault” yourself: make the change it asks for and train until its effect shows.',
    ]);
    expect(box).toHaveTextContent(
      'The practices “Add BatchNorm yourself”, “Find the fault” are part of completing the lesson: a checkpoint is earned there, by your own change. Running the prepared experiments alone does not earn it.',
    );
    expect(box).not.toHaveTextContent('Optional');
  });
});
