// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ActivationHistograms } from '../../../src/ui/charts/ActivationHistograms';
import { BatchNormStatsChart } from '../../../src/ui/charts/BatchNormStatsChart';
import { DecisionBoundaryView } from '../../../src/ui/charts/DecisionBoundaryView';
import { DigitGrid } from '../../../src/ui/charts/DigitGrid';
import { GradNormChart } from '../../../src/ui/charts/GradNormChart';
import { HistogramHeatmap } from '../../../src/ui/charts/HistogramHeatmap';
import { LossChart } from '../../../src/ui/charts/LossChart';
import { UpdateRatioChart } from '../../../src/ui/charts/UpdateRatioChart';
import { WeightHistograms } from '../../../src/ui/charts/WeightHistograms';
import { WeightNormChart } from '../../../src/ui/charts/WeightNormChart';
import { setupChartTests } from './chartTestEnvironment';
import { param, snapshot } from './probeFixtures';

setupChartTests();

/** Each chart before it has anything to draw: when that is, the chart, its title, what will appear. */
const EMPTY_CHARTS: readonly [string, ReactElement, string, string | RegExp][] = [
  [
    'ActivationHistograms, before the first probe',
    <ActivationHistograms activations={[]} />,
    'Activation histograms',
    "Press Train to see a histogram of each layer's activations.",
  ],
  [
    'BatchNormStatsChart, without BatchNorm layers',
    <BatchNormStatsChart norms={[]} />,
    'BatchNorm running vs batch statistics',
    /Turn on BatchNorm and press Train/,
  ],
  [
    'DecisionBoundaryView, before any data',
    <DecisionBoundaryView />,
    'Decision boundary',
    'Press Train to see which class the network predicts across the plane.',
  ],
  [
    'DigitGrid, before the first predictions',
    <DigitGrid />,
    'Test digits',
    "Press Train to see the network's guesses for a fixed set of test digits.",
  ],
  [
    'GradNormChart, before the first probe',
    <GradNormChart snapshots={[]} />,
    'Gradient norm per layer',
    'Press Train to see how large the gradient is at each layer.',
  ],
  [
    'HistogramHeatmap, before any snapshot',
    <HistogramHeatmap tracks={[]} />,
    'Histograms over time',
    "Press Train to see how each layer's histogram changes over time.",
  ],
  [
    'LossChart, before any run has trained',
    <LossChart runs={[]} />,
    'Loss',
    'Press Train to see the loss curve.',
  ],
  [
    'UpdateRatioChart, until the first update is measured',
    <UpdateRatioChart snapshots={[snapshot(0, [param('fc1.weight', { updateRatio: null })])]} />,
    'Update-to-weight ratio',
    'Press Train to see how big each update is compared with the weights.',
  ],
  [
    'WeightHistograms, before the network exists',
    <WeightHistograms params={[]} />,
    'Weight histograms',
    "Press Train to see each layer's weights next to what the init scheme predicts.",
  ],
  [
    'WeightNormChart, until a step is measured',
    <WeightNormChart snapshots={[snapshot(0, [param('fc1.weight')])]} />,
    'Weight norm and effective learning rate',
    'Press Train to see how each layer’s weight norm and step size change.',
  ],
];

describe('a chart without data', () => {
  it.each(EMPTY_CHARTS)(
    '%s: shows its title and says what will appear',
    (_, chart, title, hint) => {
      render(chart);
      expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
      expect(screen.getByText(hint)).toBeInTheDocument();
    },
  );
});
