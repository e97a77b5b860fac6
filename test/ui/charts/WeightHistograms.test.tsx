// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WeightHistograms } from '../../../src/ui/charts/WeightHistograms';
import { setupChartTests } from './chartTestEnvironment';
import { hist, param } from './probeFixtures';

setupChartTests();

const figure = () => screen.getByRole('figure', { name: 'Weight histograms' });

describe('WeightHistograms', () => {
  it('draws the uniform bound as reference lines and names the scheme in the legend', () => {
    const { container } = render(
      <WeightHistograms
        params={[param('fc1.weight'), param('fc1.bias', { role: 'bias' })]}
        theory={{ 'fc1.weight': { std: 0.0833, bound: 0.1443 } }}
        theoryLabel="Kaiming (He) uniform"
        step={0}
      />,
    );
    expect(screen.getByText('fc1')).toBeInTheDocument();
    expect(screen.getByText('Weight value')).toBeInTheDocument();
    expect(container.querySelectorAll('.nl-histogram line')).toHaveLength(2);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Kaiming (He) uniform: bound ±b')).toBeInTheDocument();
    expect(figure()).toHaveAccessibleDescription(
      'At step 0, 1 weight layer. fc1: std 0.081; the init scheme gives 0.0833 (uniform bound ±0.144).',
    );
  });

  it('says when the theory lies outside the plotted range', () => {
    render(
      <WeightHistograms
        params={[param('fc1.weight', { weightHistogram: hist([3, 1], -0.2, 0.2) })]}
        theory={{ 'fc1.weight': { std: 0.5 } }}
      />,
    );
    expect(screen.getByText('−0.5 and 0.5 lie outside the plotted range.')).toBeInTheDocument();
  });

  it('handles zero init: an all-zero-width histogram and a constant theory, without NaN', () => {
    const zero = param('fc1.weight', {
      weightStd: 0,
      weightHistogram: hist([0, 0, 0, 0], -1e-6, 1e-6),
    });
    const { container } = render(
      <WeightHistograms
        params={[zero]}
        theory={{ 'fc1.weight': { std: 0 } }}
        theoryLabel="Zeros"
      />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    expect(container.querySelectorAll('.nl-histogram line')).toHaveLength(1);
    expect(figure()).toHaveAccessibleDescription(
      '1 weight layer. fc1: std 0; the init scheme gives 0 (every weight starts at 0).',
    );
  });
});
