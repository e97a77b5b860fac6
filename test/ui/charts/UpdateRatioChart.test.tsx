// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UpdateRatioChart } from '../../../src/ui/charts/UpdateRatioChart';
import { installRecordingContext, setupChartTests } from './chartTestEnvironment';
import { layerColor, REFERENCE_COLOR } from '../../../src/ui/charts/palette';
import { param, snapshot } from './probeFixtures';

setupChartTests();

describe('UpdateRatioChart', () => {
  it('draws a line per layer, the −3 reference line and labelled axes', () => {
    const snaps = [
      snapshot(10, [
        param('fc1.weight', { updateRatio: -2.5 }),
        param('fc2.weight', { updateRatio: -3.5 }),
      ]),
      snapshot(20, [
        param('fc1.weight', { updateRatio: -2.75 }),
        param('fc2.weight', { updateRatio: -3.25 }),
      ]),
    ];
    const drawing = installRecordingContext();
    render(<UpdateRatioChart snapshots={snaps} />);
    const lines = drawing.paths.filter(
      (p) => p.op === 'stroke' && (p.style === layerColor(0, 2) || p.style === layerColor(1, 2)),
    );
    expect(lines.map((l) => l.points.length)).toEqual([2, 2]);
    const reference = drawing.paths.filter((p) => p.op === 'stroke' && p.style === REFERENCE_COLOR);
    expect(reference).toHaveLength(1);
    expect(reference[0]!.dash).toEqual([4, 4]);
    expect(screen.getByText('−3 (typical)')).toBeInTheDocument();
    expect(
      screen.getByText('log10(std Δw / std w)', { selector: '.nl-plot__title' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Update-to-weight ratio' }),
    ).toHaveAccessibleDescription(
      'At step 20, log10 of update size over weight size per layer: fc1 −2.75, fc2 −3.25. About −3 is typical.',
    );
  });

  it('draws a single point of one layer without NaN', () => {
    const drawing = installRecordingContext();
    const { container } = render(
      <UpdateRatioChart snapshots={[snapshot(5, [param('fc1.weight', { updateRatio: -3 })])]} />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    const dots = drawing.paths.filter((p) => p.op === 'fill' && p.style === layerColor(0, 1));
    expect(dots.map((d) => d.arcs)).toEqual([1]);
  });
});
