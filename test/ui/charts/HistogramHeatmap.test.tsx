// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistogramHeatmap, type HistogramTrack } from '../../../src/ui/charts/HistogramHeatmap';
import { blankImageData, installFakeContext, setupChartTests } from './chartTestEnvironment';
import { hist } from './probeFixtures';

setupChartTests();

const track: HistogramTrack = {
  name: 'act1',
  label: 'ReLU',
  frames: [
    { step: 0, histogram: hist([1, 9, 2, 0]) },
    { step: 100, histogram: hist([0, 2, 8, 1]) },
  ],
};

describe('HistogramHeatmap', () => {
  it('labels the axes with the fixed bin edges and the steps', () => {
    const { container } = render(<HistogramHeatmap tracks={[track]} valueLabel="Activation" />);
    expect(screen.getByText('act1 · ReLU')).toBeInTheDocument();
    expect(screen.getByText('Activation value')).toBeInTheDocument();
    expect(screen.getByText('Step')).toBeInTheDocument();
    // 4 bins over [−2, 2]: edges −2, −1, 0, 1, 2
    const yTicks = [...container.querySelectorAll('.nl-heatmap__tick')].map((e) => e.textContent);
    expect(yTicks).toEqual(['−2', '−1', '0', '1', '2']);
    const xTicks = [...container.querySelectorAll('.nl-heatmap__x-tick')].map((e) => e.textContent);
    expect(xTicks).toEqual(['0', '100']);
  });

  it('summarises every layer for screen readers', () => {
    render(<HistogramHeatmap tracks={[track]} />);
    expect(
      screen.getByRole('figure', { name: 'Histograms over time' }),
    ).toHaveAccessibleDescription(
      'act1 · ReLU: 2 snapshots from step 0 to 100, values binned from −2 to 2. ' +
        'At step 100 the most common values lie between 0 and 1.',
    );
  });

  it('paints the cells when a 2-D context exists', () => {
    const calls: string[] = [];
    const fake: Partial<CanvasRenderingContext2D> = {
      setTransform: () => void calls.push('setTransform'),
      fillRect: () => void calls.push('fillRect'),
      drawImage: () => void calls.push('drawImage'),
      createImageData: blankImageData,
      putImageData: () => void calls.push('putImageData'),
      imageSmoothingEnabled: true,
    };
    const ctx = installFakeContext(fake);
    render(<HistogramHeatmap tracks={[track]} />);
    expect(calls).toContain('putImageData');
    expect(calls).toContain('drawImage');
    expect(ctx.imageSmoothingEnabled).toBe(false); // 2 columns stretched over 640 px stay crisp
  });

  it('shows a layer with one all-zero snapshot without NaN', () => {
    const flat: HistogramTrack = {
      name: 'act2',
      label: 'Tanh',
      frames: [{ step: 5, histogram: hist([0, 0, 0, 0]) }],
    };
    const { container } = render(<HistogramHeatmap tracks={[flat]} />);
    expect(container.innerHTML).not.toContain('NaN');
    expect(
      screen.getByRole('figure', { name: 'Histograms over time' }),
    ).toHaveAccessibleDescription(/At step 5 no value fell inside the range\./);
  });
});
