// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LossChart, type LossRun } from '../../../src/ui/charts/LossChart';
import { RUN_COLORS } from '../../../src/ui/charts/palette';
import { CANVAS_BLEED } from '../../../src/ui/charts/PlotFrame';
import {
  installRecordingContext,
  setObservedWidth,
  setupChartTests,
  strokesIn,
} from './chartTestEnvironment';

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
  it('describes the figure by what will appear before any run has trained', () => {
    render(<LossChart runs={[]} />);
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Press Train to see the loss curve.',
    );
  });

  it('describes every run with its latest numbers for screen readers', () => {
    render(<LossChart runs={[makeRun('A', 1200, 0.42), makeRun('B', 800, 0.9)]} />);
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Run A: training loss 0.42 (one batch) at step 1,200; validation loss 0.52 and accuracy 91% at step 1,200. ' +
        'Run B: training loss 0.9 (one batch) at step 800; validation loss 1 and accuracy 91% at step 800.',
    );
  });

  it('draws axis labels, a line per run and series, and a legend', () => {
    const drawing = installRecordingContext();
    render(<LossChart runs={[makeRun('A', 50, 0.5), makeRun('B', 50, 1)]} />);
    expect(screen.getAllByText('Step', { selector: '.nl-plot__title' })).toHaveLength(2);
    expect(screen.getByText('Loss', { selector: '.nl-plot__title' })).toBeInTheDocument();
    expect(screen.getByText('Accuracy', { selector: '.nl-plot__title' })).toBeInTheDocument();
    for (const id of ['A', 'B'] as const) {
      const lines = strokesIn(drawing, RUN_COLORS[id]);
      // training (solid); validation loss and validation accuracy (dashed)
      expect(lines.map((l) => l.dash.length > 0)).toEqual([false, true, true]);
      expect(lines[0]!.points).toHaveLength(50);
    }
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Run A')).toBeInTheDocument();
    expect(within(legend).getByText('training, one batch per step (solid)')).toBeInTheDocument();
    expect(within(legend).getByText('validation on held-out data (dashed)')).toBeInTheDocument();
  });

  it('shows only the first steps when asked, the axes following what is shown', async () => {
    const drawing = installRecordingContext();
    render(<LossChart runs={[makeRun('A', 1000, 0.1)]} />);
    const shown = screen.getByRole('combobox', { name: 'Steps shown' });
    expect(shown).toHaveAccessibleDescription(/start of a fast run/);
    expect(shown).toHaveDisplayValue('all steps');
    await userEvent.selectOptions(shown, 'the first 100');
    const ticks = screen
      .getAllByText(/^[\d,]+$/, { selector: '.nl-plot__tick--x' })
      .map((t) => Number(t.textContent!.replace(/,/g, '')));
    expect(Math.max(...ticks)).toBe(100);
    // The training line now stops at step 100, and the validation at step 1,000 is off the chart.
    const lines = strokesIn(drawing, RUN_COLORS.A);
    expect(lines.some((line) => line.points.length === 100)).toBe(true);
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      /training loss [\d.]+ \(one batch\) at step 100\b/,
    );
  });

  it('smooths the training loss by a named EMA when asked, the raw per-batch curve faint behind', async () => {
    const drawing = installRecordingContext();
    // A noisy run: every other batch's loss is twice the one before.
    const steps = Int32Array.from({ length: 60 }, (_, i) => i + 1);
    const noisy: LossRun = {
      ...makeRun('A', 60, 1),
      train: { steps, losses: Float32Array.from(steps, (s) => (s % 2 === 0 ? 2 : 1)) },
    };
    render(<LossChart runs={[noisy]} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Smoothing' }), '0.9');
    expect(screen.getByRole('combobox', { name: 'Smoothing' })).toHaveDisplayValue(
      'EMA 0.9 (about 10 steps)',
    );
    const spread = (points: readonly (readonly [number, number])[]) => {
      const ys = points.slice(30).map(([, y]) => y);
      return Math.max(...ys) - Math.min(...ys);
    };
    const raw = strokesIn(drawing, `${RUN_COLORS.A}55`);
    expect(raw).toHaveLength(1);
    expect(raw[0]!.points).toHaveLength(60);
    // The last solid line in the run's colour (the first ones were drawn before smoothing).
    const smoothed = strokesIn(drawing, RUN_COLORS.A)
      .filter((line) => line.dash.length === 0)
      .at(-1)!;
    expect(smoothed.points).toHaveLength(60);
    // The raw curve jumps between 1 and 2 at every step; the average of the last 30 barely moves.
    expect(spread(smoothed.points)).toBeLessThan(spread(raw[0]!.points) / 4);
    expect(
      within(screen.getByRole('list', { name: 'Legend' })).getByText(
        'training, exponential moving average (solid; raw per-batch curve faint)',
      ),
    ).toBeInTheDocument();
  });

  it('switches the loss axis to a log scale from a labelled checkbox', async () => {
    render(<LossChart runs={[makeRun('A', 50, 0.05)]} />);
    const toggle = screen.getByRole('checkbox', { name: 'Log scale for loss' });
    expect(toggle).toHaveAccessibleDescription(
      'Spreads out small losses so progress late in training stays visible.',
    );
    await userEvent.click(toggle);
    expect(toggle).toBeChecked();
    expect(screen.getByText('Loss (log scale)', { selector: '.nl-plot__title' })).toBeVisible();
    // losses 0.05 to 2.3 (validation 0.15) span the decades from 0.01 to 10
    const yTicks = [...document.querySelectorAll('.nl-plot__tick--y')].map((t) => t.textContent);
    expect(yTicks.slice(0, 4)).toEqual(['0.01', '0.1', '1', '10']);
  });

  it('reads out every run at the step under the pointer', () => {
    const { container } = render(<LossChart runs={[makeRun('A', 50, 0.5), makeRun('B', 50, 1)]} />);
    const hover = container.querySelector('.nl-plot__hover')!;
    // jsdom boxes sit at 0, so clientX is measured from the plot's left edge: the far right is step 50
    fireEvent.pointerMove(hover, { clientX: 10_000, clientY: 20 });
    const readout = container.querySelector('.nl-plot__readout')!;
    expect(readout).toHaveTextContent('Step 50');
    expect(readout).toHaveTextContent('Run A training: 0.5');
    expect(readout).toHaveTextContent('Run B training: 1');
    expect(readout).toHaveTextContent('Run A validation: 0.6');
    fireEvent.pointerLeave(hover);
    expect(container.querySelector('.nl-plot__readout')).toBeNull();
  });

  it('renders a single step as a dot, without NaN anywhere', () => {
    const drawing = installRecordingContext();
    const one: LossRun = {
      id: 'A',
      label: 'Run A',
      color: RUN_COLORS.A,
      train: { steps: [0], losses: [2.3] },
      validation: [],
    };
    const { container } = render(<LossChart runs={[one]} defaultLogScale />);
    expect(container.innerHTML).not.toContain('NaN');
    const dots = drawing.paths.filter((p) => p.op === 'fill' && p.style === RUN_COLORS.A);
    expect(dots.map((d) => d.arcs)).toEqual([1]);
    expect(
      screen.getByText('Validation accuracy appears after the first evaluation.'),
    ).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Run A: training loss 2.3 (one batch) at step 0.',
    );
  });

  it('draws four runs of 2,000 steps within the vertex budget', () => {
    const drawing = installRecordingContext();
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
    render(<LossChart runs={runs} maxPoints={500} />);
    for (const id of ['A', 'B', 'C', 'D'] as const) {
      const [training, ...validation] = strokesIn(drawing, RUN_COLORS[id]);
      expect(training!.points.length).toBeGreaterThan(100);
      expect(training!.points.length).toBeLessThanOrEqual(500);
      for (const line of validation) expect(line.points).toHaveLength(2);
    }
  });

  it('thins a long run to about two vertices per pixel column without a budget', () => {
    const drawing = installRecordingContext();
    render(<LossChart runs={[makeRun('A', 20_000, 0.3)]} />);
    // 640 px wide, less 68 px of y axis and 12 px of margin: a 560 px plot, which starts
    // CANVAS_BLEED px into the canvas
    const [training] = strokesIn(drawing, RUN_COLORS.A);
    expect(training!.points.length).toBeLessThanOrEqual(2 * 560 + 2);
    expect(training!.points[training!.points.length - 1]![0]).toBeCloseTo(CANVAS_BLEED + 560, 6);
  });

  it('fits a 390 px wide phone', () => {
    installRecordingContext();
    setObservedWidth(390);
    const { container } = render(<LossChart runs={[makeRun('A', 20, 0.5)]} />);
    // the canvas covers the plot area (390 − 68 − 12 px) and its bleed, inside the 390 px
    const canvas = container.querySelector('canvas')!;
    expect(canvas).toHaveProperty('width', 390 - 68 - 12 + 2 * CANVAS_BLEED);
    expect(canvas.style.left).toBe(`${68 - CANVAS_BLEED}px`);
    // a handful of ticks on a narrow axis
    const lossPlot = container.querySelector('.nl-plot')!;
    const xTicks = lossPlot.querySelectorAll('.nl-plot__tick--x');
    expect(xTicks.length).toBeGreaterThan(1);
    expect(xTicks.length).toBeLessThanOrEqual(5);
  });
});
