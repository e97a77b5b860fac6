// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DepthProbeResult } from '../../../src/engine/probes/depthProbe';
import { DepthProbePanel } from '../../../src/ui/charts/DepthProbePanel';
import { RUN_COLORS } from '../../../src/ui/charts/palette';
import { installRecordingContext, setupChartTests, strokesIn } from './chartTestEnvironment';
import { expectGradientCurvesExplained } from './gradientCurvesExplained';

setupChartTests();

const TITLE = 'Signal through depth';
const SETTING = '3 layers of width 64, tanh, Xavier normal, no normalization';
const result: DepthProbeResult = {
  inputStd: 1,
  layers: [
    { layer: 1, activationMean: 0, activationStd: 0.63, gradNorm: 0.0012, weightGradNorm: 0.02 },
    { layer: 2, activationMean: 0, activationStd: 0.4, gradNorm: 0.005, weightGradNorm: 0.011 },
    { layer: 3, activationMean: 0, activationStd: 0.25, gradNorm: 0.03, weightGradNorm: 0.004 },
  ],
};

describe('DepthProbePanel', () => {
  it('says what will appear before the first measurement', () => {
    render(<DepthProbePanel loading={false} setting={SETTING} />);
    expect(screen.getByRole('heading', { name: TITLE })).toBeInTheDocument();
    expect(
      screen.getByText(/Press Measure to push a batch through the untrained network/),
    ).toBeInTheDocument();
    expect(screen.getByText(`Setting: ${SETTING}`)).toBeInTheDocument();
  });

  it('draws both log charts with labelled axes and summarises the trend', () => {
    const drawing = installRecordingContext();
    render(<DepthProbePanel result={result} loading={false} setting={SETTING} />);
    expect(screen.getByRole('heading', { name: 'Activation std per layer' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Gradient norm per layer' })).toBeInTheDocument();
    // activation std (A's colour); gradient at the output (B's) and, dashed, at the weights (C's)
    expect(strokesIn(drawing, RUN_COLORS.A).map((l) => l.points.length)).toEqual([3]);
    expect(strokesIn(drawing, RUN_COLORS.B).map((l) => l.dash)).toEqual([[]]);
    expect(strokesIn(drawing, RUN_COLORS.C).map((l) => l.dash)).toEqual([[6, 3]]);
    expect(screen.getByText('‖∂L/∂W‖: gradient of its weights')).toBeInTheDocument();
    expect(screen.getAllByText('Layer', { selector: '.nl-plot__title' })).toHaveLength(2);
    expect(screen.getByText('input std')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: TITLE })).toHaveAccessibleDescription(
      `${SETTING}: activation std goes from 0.63 at layer 1 to 0.25 at layer 3; ` +
        "the gradient at each layer's output goes from 0.0012 at layer 1 to 0.03 at layer 3; " +
        'the weight gradient goes from 0.02 at layer 1 to 0.004 at layer 3. Input std 1.',
    );
  });

  it('says which gradient curve is which and why the two differ', () => {
    render(<DepthProbePanel result={result} loading={false} setting={SETTING} />);
    expectGradientCurvesExplained(screen.getByRole('figure', { name: TITLE }));
  });

  it('announces a running measurement and keeps the previous result', () => {
    render(<DepthProbePanel result={result} loading setting={SETTING} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Measuring how the signal passes through the layers…',
    );
    expect(screen.getByRole('figure', { name: TITLE })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading', { name: 'Activation std per layer' })).toBeInTheDocument();
  });

  it('shows the error in words', () => {
    render(
      <DepthProbePanel
        loading={false}
        error="Depth must be a whole number from 1 to 200."
        setting={SETTING}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The measurement failed: Depth must be a whole number from 1 to 200.',
    );
  });

  it('explains layers whose activations died out (zero init) instead of plotting them', () => {
    const dead: DepthProbeResult = {
      inputStd: 1,
      layers: [
        { layer: 1, activationMean: 0, activationStd: 0, gradNorm: 0, weightGradNorm: 0 },
        { layer: 2, activationMean: 0, activationStd: 0, gradNorm: 0, weightGradNorm: 0 },
      ],
    };
    const { container } = render(<DepthProbePanel result={dead} loading={false} setting="zeros" />);
    expect(container.innerHTML).not.toContain('NaN');
    expect(
      screen.getByText(
        'The activation std is exactly 0 at layers 1–2: the signal has died out there, and a log scale cannot show 0.',
      ),
    ).toBeInTheDocument();
  });

  it('plots a single layer without NaN', () => {
    const drawing = installRecordingContext();
    const one: DepthProbeResult = { inputStd: 1, layers: [result.layers[0]!] };
    const { container } = render(
      <DepthProbePanel result={one} loading={false} setting="1 layer" />,
    );
    expect(container.innerHTML).not.toContain('NaN');
    const dots = drawing.paths.filter((p) => p.op === 'fill' && p.style === RUN_COLORS.A);
    expect(dots.map((d) => d.arcs)).toEqual([1]);
  });
});
