// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/store/appStore';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import {
  createdWorkers,
  loadProgressFor,
  setupLessonTests,
  trainToTheEnd,
  workerAt,
} from './lessonTestEnvironment';

setupLessonTests();

const track = fixtureTrack();

function renderPractice() {
  loadProgressFor(track);
  const user = userEvent.setup();
  render(<LessonPage track={track} id="alpha" instructor={false} />);
  const section = screen.getByRole('region', { name: /Practice Add BatchNorm/ });
  return { user, section };
}

const conditions = (section: HTMLElement) =>
  within(section)
    .getAllByRole('listitem')
    .filter((li) => li.closest('.nl-practice__conditions'))
    .map((li) => li.textContent);

describe('PracticeBlock', () => {
  it('shows the task and what it checks, none of it met yet', () => {
    const { section } = renderPractice();
    expect(within(section).getByText(/^Give/, { selector: 'p' })).toHaveTextContent(
      'Give Net BatchNorm and train it.',
    );
    expect(section.querySelector('.nl-practice__check')).toHaveTextContent(
      'Not passed yet. What the exercise checks:',
    );
    expect(conditions(section)).toEqual([
      'Not yet: ○ Run “Net” uses normalization BatchNorm (now None)',
      'Not yet: ○ The effect shows in your runs (not yet: the runs have not trained yet)',
      'Not yet: ○ The question is answered correctly',
    ]);
  });

  it('passes only when the runs have the setting, the effect showed in them and the question is right', async () => {
    const { user, section } = renderPractice();
    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Net: Normalization' }),
      'batchNorm',
    );
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    expect(createdWorkers).toHaveLength(2);
    const configure = workerAt(0).sent.find((m) => m.type === 'configure');
    expect(configure?.type === 'configure' && configure.setup.config.model.norm).toEqual({
      kind: 'batchNorm',
    });
    trainToTheEnd(0, 0.3);
    expect(conditions(section).slice(0, 2)).toEqual([
      'Done: ✓ Run “Net” uses normalization BatchNorm',
      'Done: ✓ The effect shows in your runs: Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100',
    ]);
    expect(useAppStore.getState().progress.practice).toEqual({});

    await user.click(within(section).getByRole('radio', { name: 'It keeps activations scaled' }));
    await user.click(within(section).getByRole('button', { name: 'Check answer' }));
    expect(
      within(section).getByText(/^Passed on/, { selector: '.nl-practice__check strong' }),
    ).toBeInTheDocument();
    expect(useAppStore.getState().progress.practice['alpha/add-bn']).toMatchObject({
      detail: 'Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100',
    });
  });

  it('does not pass with the effect alone when the required setting was not made', async () => {
    const { user, section } = renderPractice();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    trainToTheEnd(0, 0.3);
    await user.click(within(section).getByRole('radio', { name: 'It keeps activations scaled' }));
    await user.click(within(section).getByRole('button', { name: 'Check answer' }));
    expect(conditions(section)[0]).toBe(
      'Not yet: ○ Run “Net” uses normalization BatchNorm (now None)',
    );
    expect(useAppStore.getState().progress.practice).toEqual({});
  });
});
