// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
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
  it('shows none of its hidden settings, nor a Lab link that would carry them', () => {
    renderLesson();
    const section = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    expect(section.querySelector('.nl-experiment__setup')).toHaveTextContent(
      'normalization hidden',
    );
    expect(section).not.toHaveTextContent(/BatchNorm|Train mode/);
    expect(within(section).queryByRole('link', { name: 'Open in Lab' })).toBeNull();
    expect(
      within(section).queryByRole('combobox', { name: 'Mystery: Validation mode' }),
    ).toBeNull();
    // Its experiment is not shown on its own elsewhere in the lesson.
    expect(screen.queryByRole('region', { name: /Experiment A hidden fault/ })).toBeNull();
  });

  it('reveals one setting at a time, which the learner can then change', async () => {
    const user = renderLesson();
    const section = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    await user.click(within(section).getByRole('button', { name: 'Reveal validation mode' }));
    expect(within(section).getByRole('combobox', { name: 'Mystery: Validation mode' })).toHaveValue(
      'train',
    );
    expect(within(section).getByRole('button', { name: 'Reveal normalization' })).toBeVisible();
    expect(section.querySelector('.nl-experiment__setup')).toHaveTextContent(
      'normalization hidden',
    );
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
