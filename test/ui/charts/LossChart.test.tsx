// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LossChart, type LossRun } from '../../../src/ui/charts/LossChart';
import { RUN_COLORS } from '../../../src/ui/charts/palette';
import { setObservedWidth, setupChartTests } from './chartTestEnvironment';

setupChartTests();

function makeRun(id: 'A' | 'B' | 'C' | 'D', steps: number, final: number): LossRun {
  const s = Int32Array.from({ length: steps }, (_, i) => i + 1);
  // loss falls linearly from 2.3 to `final`
  const losses = Float32Array.from(s, (_, i) => 2.3 + ((final - 2.3) * i) / Math.max(1, steps - 1));
  return {
    id,
    label: `Run ${id}`,
    color: RUN_COLORS[id],
    train: { steps: s, losses },
    validation: [{ step: steps, loss: final + 0.1, accuracy: 0.91, mode: 'eval' }],
  };
}

describe('LossChart', () => {
  it('shows what will appear before any run has trained', () => {
    render(<LossChart runs={[]} />);
    expect(screen.getByRole('heading', { name: 'Loss' })).toBeInTheDocument();
    expect(screen.getByText('Press Train to see the loss curve.')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Press Train to see the loss curve.',
    );
  });

  it('describes every run with its latest numbers for screen readers', () => {
    render(<LossChart runs={[makeRun('A', 1200, 0.42), makeRun('B', 800, 0.9)]} />);
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Run A: training loss 0.42 at step 1,200; validation loss 0.52 and accuracy 91% at step 1,200. ' +
        'Run B: training loss 0.9 at step 800; validation loss 1 and accuracy 91% at step 800.',
    );
  });

  it('draws axis labels, a line per run and series, and a legend', () => {
    const { container } = render(<LossChart runs={[makeRun('A', 50, 0.5), makeRun('B', 50, 1)]} />);
    expect(screen.getAllByText('Step').length).toBeGreaterThan(0);
    expect(screen.getByText('Loss', { selector: 'text, tspan' })).toBeInTheDocument();
    // two runs × (training + validation) + two accuracy lines
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(6);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Run A')).toBeInTheDocument();
    expect(within(legend).getByText('validation (dashed)')).toBeInTheDocument();
  });

  it('switches the loss axis to a log scale from a labelled checkbox', async () => {
    render(<LossChart runs={[makeRun('A', 50, 0.05)]} />);
    const toggle = screen.getByRole('checkbox', { name: 'Log scale for loss' });
    expect(toggle).toHaveAccessibleDescription(
      'Spreads out small losses so progress late in training stays visible.',
    );
    await userEvent.click(toggle);
    expect(toggle).toBeChecked();
    expect(screen.getByText('Loss (log scale)', { selector: 'text, tspan' })).toBeInTheDocument();
  });

  it('renders a single step without NaN anywhere', () => {
    const one: LossRun = {
      id: 'A',
      label: 'Run A',
      color: RUN_COLORS.A,
      train: { steps: [0], losses: [2.3] },
      validation: [],
    };
    const { container } = render(<LossChart runs={[one]} defaultLogScale />);
    expect(container.innerHTML).not.toContain('NaN');
    expect(
      screen.getByText('Validation accuracy appears after the first evaluation.'),
    ).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Run A: training loss 2.3 at step 0.',
    );
  });

  it('draws four runs of 2,000 steps from at most 500 thinned points per line', () => {
    const runs = (['A', 'B', 'C', 'D'] as const).map((id) => {
      const r = makeRun(id, 2000, 0.3);
      return {
        ...r,
        validation: [
          { step: 1000, loss: 0.8, accuracy: 0.6, mode: 'eval' as const },
          ...r.validation,
        ],
      };
    });
    const { container } = render(<LossChart runs={runs} />);
    const paths = [...container.querySelectorAll('.recharts-line-curve')].map(
      (p) => p.getAttribute('d') ?? '',
    );
    // 4 training + 4 validation + 4 accuracy lines
    expect(paths).toHaveLength(12);
    for (const d of paths) expect((d.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(500);
    expect(paths[0]!.match(/[ML]/g)).toHaveLength(500);
  });

  it('fits a 390 px wide phone', () => {
    setObservedWidth(390);
    const { container } = render(<LossChart runs={[makeRun('A', 20, 0.5)]} />);
    const svg = container.querySelector('svg.recharts-surface');
    expect(svg).toHaveAttribute('width', '390');
  });
});
