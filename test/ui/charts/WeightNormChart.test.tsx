// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WeightNormChart } from '../../../src/ui/charts/WeightNormChart';
import { layerColor } from '../../../src/ui/charts/palette';
import { installRecordingContext, setupChartTests } from './chartTestEnvironment';
import { param, snapshot } from './probeFixtures';

setupChartTests();

const invariant = (norm: number, step: number) =>
  param('fc1.weight', {
    weightNorm: norm,
    initialWeightNorm: 4,
    relativeUpdate: 0.002 * step,
    scaleInvariant: true,
    effectiveLearningRate: 0.1 / norm ** 2,
  });

describe('WeightNormChart', () => {
  it('draws norms, relative updates and the effective learning rate of the layers that have one', () => {
    const snaps = [
      snapshot(10, [invariant(5, 1), param('fc2.weight', { weightNorm: 2 })]),
      snapshot(20, [invariant(6, 2), param('fc2.weight', { weightNorm: 2.2 })]),
    ];
    const drawing = installRecordingContext();
    render(<WeightNormChart snapshots={snaps} />);
    // Norms and relative updates: a line for both layers; effective learning rate: fc1's only.
    const fc1Colors = new Set([layerColor(0, 2), layerColor(0, 1)]);
    const lines = drawing.paths.filter((p) => p.op === 'stroke' && p.points.length === 2);
    expect(lines.filter((p) => p.style === layerColor(1, 2))).toHaveLength(2);
    expect(lines.filter((p) => fc1Colors.has(p.style as string))).toHaveLength(3);
    for (const name of [
      'Weight norm ‖W‖',
      'Relative update ‖ΔW‖/‖W‖',
      'Effective learning rate η/‖W‖² (weights that feed a normalization)',
    ])
      expect(screen.getByRole('heading', { name })).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Weight norm and effective learning rate' }),
    ).toHaveAccessibleDescription(
      'At step 20, weight norm per layer: fc1 6 (×1.5 since the start), fc2 2.2 (×1.1 since the start). Relative update of the last step: fc1 0.004, fc2 0.004. Effective learning rate η/‖W‖² of the weights that feed a normalization: fc1 0.00278.',
    );
  });

  it('under Adam names the weights that feed a normalization and leaves the effective rate out', () => {
    const adam = param('fc1.weight', { scaleInvariant: true, effectiveLearningRate: null });
    render(<WeightNormChart snapshots={[snapshot(1, [adam]), snapshot(2, [adam])]} />);
    expect(screen.queryByRole('heading', { name: /Effective learning rate/ })).toBeNull();
    expect(
      screen.getByRole('figure', { name: 'Weight norm and effective learning rate' }),
    ).toHaveAccessibleDescription(
      /fc1 feed a normalization, but only SGD has an effective learning rate η\/‖W‖²/,
    );
  });
});
