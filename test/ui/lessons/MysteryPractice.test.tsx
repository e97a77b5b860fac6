// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/store/appStore';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { deltaTrack } from '../../lessons/progress/practiceFixture';
import { snapshotOf } from '../../store/fakeRunWorker';
import {
  SPIRAL_READY,
  createdWorkers,
  emit,
  loadProgressFor,
  setupLessonTests,
} from './lessonTestEnvironment';

setupLessonTests();

const track = deltaTrack();
const WITH_PROBES = snapshotOf(1, 100, {
  probes: { step: 100, params: [], activations: [], norms: [] },
  validation: { step: 100, loss: 0.3, accuracy: 0.9, mode: 'eval' },
});

function renderLesson() {
  loadProgressFor(track);
  const user = userEvent.setup();
  render(<LessonPage track={track} id="delta" instructor={false} />);
  return user;
}

/** Plays every worker created so far through a whole run that drew into every chart. */
function trainAll(): void {
  createdWorkers.forEach((_, i) => {
    emit(i, SPIRAL_READY);
    emit(i, WITH_PROBES);
  });
}

describe('a mystery network in a lesson', () => {
  it('links to the Lab by the mystery’s name, and shows none of its settings or runs', () => {
    renderLesson();
    const section = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    expect(
      within(section).getByRole('link', { name: 'Open the mystery in the Lab' }),
    ).toHaveAttribute('href', '#/lab?mystery=delta%2Fmystery');
    expect(section).toHaveTextContent(/2 of its settings hidden/);
    expect(section).not.toHaveTextContent(/BatchNorm|Train mode/);
    expect(within(section).queryByRole('button', { name: 'Run experiment' })).toBeNull();
    expect(within(section).queryByRole('link', { name: 'Open in Lab' })).toBeNull();
    // Its experiment is not shown on its own elsewhere in the lesson.
    expect(screen.queryByRole('region', { name: /Experiment A hidden fault/ })).toBeNull();
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Not passed yet. The fault is not named yet.',
    );
  });

  it('says where the learner stands in the Lab: fault named, settings revealed, passed', () => {
    loadProgressFor(track);
    const state = useAppStore.getState();
    act(() => {
      state.answerQuiz('delta/mystery/question', 0, true);
      state.revealMysterySetting('delta/mystery', 'validationMode');
    });
    render(<LessonPage track={track} id="delta" instructor={false} />);
    const section = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Not passed yet. You named the fault; now fix it and train. You revealed 1 of 2 hidden settings.',
    );
    act(() => state.recordPracticePassed('delta/mystery', 'run A at step 100: accuracy 90%'));
    expect(within(section).getByRole('status')).toHaveTextContent(/^Passed on .*run A at step 100/);
  });
});

describe('a checkpoint earned by a practice with a chart to look at', () => {
  it('does not count the chart viewed before the learner made the change, and earns it after', async () => {
    const user = renderLesson();
    const practice = screen.getByRole('region', { name: /Practice Add BatchNorm yourself/ });
    await user.click(within(practice).getByRole('button', { name: 'Run experiment' }));
    trainAll();
    await user.click(within(practice).getByRole('tab', { name: 'Weights' }));
    expect(useAppStore.getState().progress.viewedCharts['delta/add-norm']).toBeUndefined();

    await user.selectOptions(
      within(practice).getByRole('combobox', { name: 'Mine: Normalization' }),
      'batchNorm',
    );
    expect(useAppStore.getState().progress.viewedCharts['delta/add-norm']).toBeUndefined();
    await user.click(within(practice).getByRole('button', { name: /Run experiment|Run again/ }));
    trainAll();
    expect(useAppStore.getState().progress.viewedCharts['delta/add-norm']).toEqual(['weights']);
    expect(useAppStore.getState().progress.practice['delta/add-norm']).toBeDefined();
    const checkpoint = screen.getByRole('region', {
      name: /Checkpoint Added BatchNorm and read the weights/,
    });
    expect(checkpoint).toHaveTextContent(/Earned on/);
  });
});
