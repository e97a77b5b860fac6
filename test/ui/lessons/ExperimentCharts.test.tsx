// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { chartTabs, ExperimentCharts } from '../../../src/ui/lessons/ExperimentCharts';
import { freshExperimentRun, type ExperimentRun } from '../../../src/ui/lessons/experimentRun';
import { boundedListOf, historyOf } from '../../runs/runFixtures';
import { setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const trained: ExperimentRun = {
  ...freshExperimentRun('Net', DEFAULT_RUN_SETTINGS),
  status: 'done',
  step: 3,
  target: 3,
  history: historyOf([1, 0.8, 0.6]),
  probes: { step: 3, params: [], activations: [], norms: [] },
  probeHistory: boundedListOf([{ step: 3, params: [], activations: [], norms: [] }]),
};

describe('chartTabs', () => {
  it('puts loss and accuracy in one tab, since the loss chart draws both', () => {
    expect(chartTabs(['loss', 'accuracy', 'bnStats'])).toEqual([
      { kinds: ['loss', 'accuracy'], label: 'Loss and accuracy' },
      { kinds: ['bnStats'], label: 'BatchNorm statistics' },
    ]);
    expect(chartTabs(['accuracy', 'percentiles'])).toEqual([
      { kinds: ['accuracy'], label: 'Accuracy' },
      { kinds: ['percentiles'], label: 'Percentiles over time' },
    ]);
    expect(chartTabs(['weights', 'loss'])).toEqual([
      { kinds: ['weights'], label: 'Weights' },
      { kinds: ['loss'], label: 'Loss' },
    ]);
  });
});

describe('ExperimentCharts', () => {
  it('shows one chart at a time in keyboard-operable tabs and reports the charts looked at', async () => {
    const viewed = vi.fn();
    const user = userEvent.setup();
    render(
      <ExperimentCharts
        charts={['loss', 'accuracy', 'gradNorms', 'weights']}
        runs={[trained]}
        onViewed={viewed}
      />,
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Loss and accuracy',
      'Gradient norms',
      'Weights',
    ]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Loss and accuracy');
    expect(viewed.mock.calls.map((c) => c[0])).toEqual(['loss', 'accuracy']);

    await user.click(tabs[0]!);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Gradient norms' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Gradient norms' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(viewed).toHaveBeenLastCalledWith('gradNorms');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Weights' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Loss and accuracy' })).toHaveFocus();
  });

  it('does not count a chart as viewed before the runs have put anything in it', () => {
    const viewed = vi.fn();
    render(
      <ExperimentCharts
        charts={['loss']}
        runs={[freshExperimentRun('Net', DEFAULT_RUN_SETTINGS)]}
        onViewed={viewed}
      />,
    );
    expect(screen.getByText('Press “Run experiment” to see the loss curves.')).toBeInTheDocument();
    expect(viewed).not.toHaveBeenCalled();
  });

  it('explains a per-run chart that does not apply to a run', () => {
    render(<ExperimentCharts charts={['bnStats']} runs={[trained]} />);
    expect(
      screen.getByText('Net has no BatchNorm layer, so it has no running statistics to show.'),
    ).toBeInTheDocument();
  });
});
