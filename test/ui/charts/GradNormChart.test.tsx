// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GradNormChart } from '../../../src/ui/charts/GradNormChart';
import { installRecordingContext, listItemTexts, setupChartTests } from './chartTestEnvironment';
import { BAR_COLOR, layerColor } from '../../../src/ui/charts/palette';
import { param, snapshot } from './probeFixtures';

setupChartTests();

const figure = () => screen.getByRole('figure', { name: 'Gradient norm per layer' });

describe('GradNormChart', () => {
  it('draws a log-scale bar per layer with labelled axes and summarises them', () => {
    const snaps = [
      snapshot(100, [
        param('fc1.weight', { gradNorm: 0.002 }),
        param('fc2.weight', { gradNorm: 0.03 }),
      ]),
      snapshot(200, [
        param('fc1.weight', { gradNorm: 0.001 }),
        param('fc2.weight', { gradNorm: 0.05 }),
      ]),
    ];
    const drawing = installRecordingContext();
    const { container } = render(<GradNormChart snapshots={snaps} />);
    const bars = drawing.rects.filter((r) => r.style === BAR_COLOR);
    expect(bars).toHaveLength(2);
    // 0.001 against 0.05 over the decades 10^−4 to 10^−1: fc2's bar is the longer
    expect(bars[1]!.width).toBeGreaterThan(bars[0]!.width);
    expect(
      screen.getByText('Gradient norm ‖∂L/∂W‖ (log scale)', { selector: '.nl-plot__title' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Layer', { selector: '.nl-plot__title' })).toBeInTheDocument();
    const layerTicks = [...container.querySelectorAll('.nl-plot__tick--y')]
      .slice(0, 2)
      .map((t) => t.textContent);
    expect(layerTicks).toEqual(['fc1', 'fc2']);
    // history: one line per layer, with a legend of layers
    expect(
      drawing.paths.filter(
        (p) => p.op === 'stroke' && (p.style === layerColor(0, 2) || p.style === layerColor(1, 2)),
      ),
    ).toHaveLength(2);
    expect(listItemTexts('Layers')).toEqual(['fc1', 'fc2']);
    expect(figure()).toHaveAccessibleDescription(
      'At step 200, gradient norm per layer: fc1 0.001, fc2 0.05. The smallest, fc1, is 50 times smaller than the largest, fc2.',
    );
  });

  it('explains layers with exactly zero gradient instead of drawing a wrong bar', () => {
    render(
      <GradNormChart
        snapshots={[
          snapshot(1, [
            param('fc1.weight', { gradNorm: 0 }),
            param('fc2.weight', { gradNorm: 0.4 }),
          ]),
        ]}
      />,
    );
    expect(screen.getByText(/No bar for fc1 \(0\)/)).toHaveTextContent(
      'a norm of exactly 0 means no gradient reaches the layer',
    );
    expect(
      screen.getByText('The history appears once two snapshots have been taken.'),
    ).toBeInTheDocument();
  });

  it('handles one layer with a single snapshot without NaN', () => {
    const drawing = installRecordingContext();
    const { container } = render(
      <GradNormChart snapshots={[snapshot(0, [param('fc1.weight', { gradNorm: 0.7 })])]} />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    expect(drawing.rects.filter((r) => r.style === BAR_COLOR)).toHaveLength(1);
    expect(figure()).toHaveAccessibleDescription('At step 0, gradient norm per layer: fc1 0.7.');
  });
});
