// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UpdateRatioChart } from '../../../src/ui/charts/UpdateRatioChart';
import { setupChartTests } from './chartTestEnvironment';
import { param, snapshot } from './probeFixtures';

setupChartTests();

describe('UpdateRatioChart', () => {
  it('says what will appear until the first update is measured', () => {
    render(
      <UpdateRatioChart snapshots={[snapshot(0, [param('fc1.weight', { updateRatio: null })])]} />,
    );
    expect(screen.getByRole('heading', { name: 'Update-to-weight ratio' })).toBeInTheDocument();
    expect(
      screen.getByText('Press Train to see how big each update is compared with the weights.'),
    ).toBeInTheDocument();
  });

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
    const { container } = render(<UpdateRatioChart snapshots={snaps} />);
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    expect(screen.getByText('−3 (typical)', { selector: 'text, tspan' })).toBeInTheDocument();
    expect(
      screen.getByText('log10(std Δw / std w)', { selector: 'text, tspan' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Update-to-weight ratio' }),
    ).toHaveAccessibleDescription(
      'At step 20, log10 of update size over weight size per layer: fc1 −2.75, fc2 −3.25. About −3 is typical.',
    );
  });

  it('draws a single point of one layer without NaN', () => {
    const { container } = render(
      <UpdateRatioChart snapshots={[snapshot(5, [param('fc1.weight', { updateRatio: -3 })])]} />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    expect(container.querySelectorAll('.recharts-line-dot, .recharts-dot').length).toBeGreaterThan(
      0,
    );
  });
});
