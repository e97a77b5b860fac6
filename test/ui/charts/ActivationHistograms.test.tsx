// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivationHistograms } from '../../../src/ui/charts/ActivationHistograms';
import { setupChartTests } from './chartTestEnvironment';
import { activation, hist } from './probeFixtures';

setupChartTests();

const fc1 = activation('fc1', 'Linear(2→16)', { kind: 'linear', mean: -0.03, std: 1.4 });
const act1 = activation('act1', 'ReLU', { dead: 0.25 });

describe('ActivationHistograms', () => {
  it('shows one panel per activation layer with its statistics as text', () => {
    render(<ActivationHistograms activations={[fc1, act1]} step={300} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('act1 · ReLU')).toBeInTheDocument();
    expect(screen.getByText('Output value')).toBeInTheDocument();
    expect(screen.getByText('Dead units')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Activation histograms' }),
    ).toHaveAccessibleDescription(
      'At step 300, 1 layer, all drawn on the x range −2 to 2. act1 · ReLU: mean 0.41, std 0.62, 25% of units dead.',
    );
  });

  it('adds pre-activation layers from a labelled checkbox', async () => {
    render(<ActivationHistograms activations={[fc1, act1]} />);
    const toggle = screen.getByRole('checkbox', { name: 'Show pre-activations' });
    expect(toggle).toHaveAccessibleDescription(/before the nonlinearity/);
    await userEvent.click(toggle);
    expect(screen.getByText('fc1 · Linear(2→16)')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('draws every layer on one x range, with a labelled toggle for per-layer ranges', async () => {
    const wide = activation('act1', 'ReLU', { histogram: hist([1, 1, 1, 1], -5, 5) });
    const narrow = activation('act2', 'ReLU', { histogram: hist([1, 1, 1, 1], -0.5, 0.5) });
    render(<ActivationHistograms activations={[wide, narrow]} step={10} />);
    const figure = screen.getByRole('figure', { name: 'Activation histograms' });
    const axisEnds = (): string[] =>
      screen
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.nl-multiple__axis')!.textContent!);
    expect(axisEnds()).toEqual(['−505', '−505']);
    expect(figure).toHaveAccessibleDescription(/2 layers, all drawn on the x range −5 to 5\./);

    const toggle = screen.getByRole('checkbox', { name: 'Per-layer x ranges' });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/own x range/);
    await userEvent.click(toggle);
    expect(axisEnds()).toEqual(['−505', '−0.500.5']);
    expect(figure).toHaveAccessibleDescription(/2 layers, each drawn on its own x range\./);
  });

  it('explains how to see layers when the network has no activation layers', () => {
    render(<ActivationHistograms activations={[fc1]} />);
    expect(screen.getByText(/This network has no activation layers/)).toBeInTheDocument();
  });

  it('draws an all-zero histogram as an empty panel, with no NaN', () => {
    const flat = activation('act1', 'ReLU', {
      mean: 0,
      std: 0,
      dead: 1,
      histogram: hist([0, 0, 0, 0]),
    });
    const { container } = render(<ActivationHistograms activations={[flat]} />);
    expect(container.innerHTML).not.toContain('NaN');
    expect(screen.getByText('100%')).toBeInTheDocument();
  });
});
