// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NormStats } from '../../../src/engine/probes/probe';
import { BatchNormStatsChart } from '../../../src/ui/charts/BatchNormStatsChart';
import { BAR_COLOR } from '../../../src/ui/charts/palette';
import { installRecordingContext, setupChartTests, type Drawing } from './chartTestEnvironment';

setupChartTests();

const TITLE = 'BatchNorm running vs batch statistics';
/** Channel dots drawn, over every scatter plot. */
const dots = (drawing: Drawing): number =>
  drawing.paths
    .filter((p) => p.op === 'fill' && p.style === BAR_COLOR)
    .reduce((n, p) => n + p.arcs, 0);
const ramp = (n: number, scale: number) => Float32Array.from({ length: n }, (_, i) => i * scale);
/** Four channels whose running statistics trail the last batch's, the gap largest at channel 3. */
const norm1: NormStats = {
  name: 'norm1',
  runningMean: ramp(4, 0.1),
  runningVar: ramp(4, 0.5),
  batchMean: ramp(4, 0.12),
  batchVar: ramp(4, 0.4),
};

describe('BatchNormStatsChart', () => {
  it('plots one dot per channel for mean and variance, with labelled axes', () => {
    const drawing = installRecordingContext();
    render(<BatchNormStatsChart norms={[norm1]} step={10} />);
    expect(screen.getByText('norm1 (4 channels)')).toBeInTheDocument();
    expect(dots(drawing)).toBe(8);
    expect(screen.getAllByText('Last batch', { selector: '.nl-plot__title' })).toHaveLength(2);
    expect(screen.getAllByText('Running', { selector: '.nl-plot__title' })).toHaveLength(2);
    expect(screen.getByRole('figure', { name: TITLE })).toHaveAccessibleDescription(
      "At step 10: norm1 (4 channels): the running mean is within 0.06 of the last batch's mean (largest gap at channel 3); " +
        'the running variance is within 0.3 of the batch variance (channel 3).',
    );
  });

  it('truncates wide layers and says so', () => {
    const norm: NormStats = {
      name: 'stem_bn',
      runningMean: ramp(100, 0.01),
      runningVar: ramp(100, 0.02),
      batchMean: ramp(100, 0.01),
      batchVar: ramp(100, 0.02),
    };
    const drawing = installRecordingContext();
    render(<BatchNormStatsChart norms={[norm]} />);
    expect(screen.getByText('Showing the first 64 of 100 channels.')).toBeInTheDocument();
    expect(dots(drawing)).toBe(128);
  });

  it('says, under ghost batches, that the batch statistics average the ghost batches’ own', () => {
    const ghost: NormStats = { ...norm1, ghost: { ghostBatches: 16, batchSize: 64 } };
    render(<BatchNormStatsChart norms={[ghost]} step={10} />);
    const note =
      "With ghost batches, each batch statistic is the average over the last batch's 16 ghost " +
      'batches of 4 samples of their own statistics, which is what the running statistics average too.';
    expect(screen.getByText(note)).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: TITLE })).toHaveAccessibleDescription(
      new RegExp(`\\(channel 3\\)\\. ${note.replace(/[.()]/g, '\\$&')}$`),
    );
  });

  it('handles a one-channel layer before any batch without NaN', () => {
    const { container } = render(
      <BatchNormStatsChart
        norms={[{ name: 'bn1', runningMean: Float32Array.of(0), runningVar: Float32Array.of(1) }]}
      />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    expect(
      screen.getByText('Batch statistics appear after the first training step.'),
    ).toBeInTheDocument();
  });
});
