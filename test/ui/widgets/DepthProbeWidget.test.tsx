// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DepthProbeWidget as DepthProbeData } from '../../../src/lessons/widgets/depthProbeSetup';
import { DepthProbeWidget } from '../../../src/ui/widgets/DepthProbeWidget';
import { setupChartTests } from '../charts/chartTestEnvironment';
import { expectGradientCurvesExplained } from '../charts/gradientCurvesExplained';
import { renderWithWorkers } from './fakeWorkers';

setupChartTests();

const WIDGET: DepthProbeData = {
  widget: 'depthProbe',
  title: 'Signal through depth',
  depth: 20,
  width: 256,
  activation: 'relu',
  init: 'kaimingNormal',
  norm: 'none',
  expect: [],
};

const depthSlider = () => screen.getByRole('slider', { name: 'Depth' });

describe('DepthProbeWidget', () => {
  it('offers labelled controls with hints, starting from the block settings', () => {
    renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    expect(screen.getByRole('heading', { name: 'Signal through depth' })).toBeInTheDocument();
    expect(depthSlider()).toHaveValue('20');
    expect(depthSlider()).toHaveAccessibleDescription('Hidden layers in the network.');
    expect(depthSlider()).toHaveAttribute('aria-valuetext', '20 layers');
    expect(screen.getByRole('combobox', { name: 'Activation' })).toHaveValue('relu');
    const init = screen.getByRole('combobox', { name: 'Initialization' });
    expect(init).toHaveValue('kaimingNormal');
    // Kaiming for ReLU at width 256: std = √2/√256 = 0.0884
    expect(init).toHaveAccessibleDescription(
      'Weights ~ N(0, std²) with std = gain / √fan_in = 1.41 / √256 = 0.0884.',
    );
    expect(screen.getByRole('combobox', { name: 'Normalization' })).toHaveValue('none');
  });

  it('measures the block settings in the worker and reads the result out', () => {
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    expect(probe().probeRequests()).toHaveLength(1);
    expect(probe().probeRequests()[0]!.options).toMatchObject({
      depth: 20,
      width: 256,
      activation: 'relu',
      norm: 'none',
      init: { kind: 'kaimingNormal', nonlinearity: 'relu' },
    });
    act(() => probe().answer(0));
    expect(screen.getByText(/^The activation std stays roughly constant/)).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Activation std and gradient norm per layer' }),
    ).toHaveAccessibleDescription(
      /^20 layers of width 256, ReLU, Kaiming \(He\) normal init, no normalization: activation std goes from/,
    );
  });

  it('coalesces slider moves while a measurement runs: only the newest position is measured next', () => {
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    for (const depth of [21, 22, 23, 24, 25])
      fireEvent.change(depthSlider(), { target: { value: String(depth) } });
    expect(
      probe()
        .probeRequests()
        .map((r) => r.options.depth),
    ).toEqual([20]);
    act(() => probe().answer(0));
    expect(
      probe()
        .probeRequests()
        .map((r) => r.options.depth),
    ).toEqual([20, 25]);
    act(() => probe().answer(1));
    expect(probe().probeRequests()).toHaveLength(2);
    expect(
      screen.getByRole('figure', { name: 'Activation std and gradient norm per layer' }),
    ).toHaveAccessibleDescription(/^25 layers/);
  });

  it('is keyboard operable: Tab reaches every control, in reading order', async () => {
    const user = userEvent.setup();
    renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    await user.tab();
    expect(depthSlider()).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Activation' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Initialization' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Normalization' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Connections' })).toHaveFocus();
  });

  it('adds skip connections when asked, and says so in the intro and the caption', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    const connections = screen.getByRole('combobox', { name: 'Connections' });
    expect(connections).toHaveValue('plain');
    expect(probe().probeRequests()[0]!.options.residual).toBe(false);
    act(() => probe().answer(0));
    await user.selectOptions(connections, 'Skip connections');
    expect(probe().probeRequests()[1]!.options.residual).toBe(true);
    act(() => probe().answer(1));
    expect(screen.getByText(/added to its own input \(a skip connection\)/)).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Activation std and gradient norm per layer' }),
    ).toHaveAccessibleDescription(/no normalization, skip connections: activation std/);
  });

  it('starts with skip connections when the block asks for them', () => {
    const { probe } = renderWithWorkers(
      <DepthProbeWidget widget={{ ...WIDGET, residual: true }} />,
    );
    expect(screen.getByRole('combobox', { name: 'Connections' })).toHaveValue('skip');
    expect(probe().probeRequests()[0]!.options.residual).toBe(true);
  });

  it('shows ReLU + Xavier shrinking by about 1/√2 per layer', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    act(() => probe().answer(0));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Initialization' }),
      'xavierNormal',
    );
    act(() => probe().answer(1));
    const reading = screen.getByText(/^The activation std shrinks from/).textContent ?? '';
    // 1/√2 = 0.707: the std halves in variance at every ReLU layer
    const perLayer = Number(/: ×([\d.]+) per layer\./.exec(reading)?.[1]);
    expect(perLayer).toBeGreaterThan(0.65);
    expect(perLayer).toBeLessThan(0.77);
  });

  it('explains both gradient curves, and says which one the measured weight gradient follows', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    act(() => probe().answer(0));
    const figure = screen.getByRole('figure', {
      name: 'Activation std and gradient norm per layer',
    });
    expectGradientCurvesExplained(figure);
    // Kaiming keeps the layer inputs at their size: the weight gradient follows ‖∂L/∂h‖.
    expect(
      screen.getByText(
        /The weights' gradient ‖∂L\/∂W‖ follows it \(.*\), because the layer inputs/,
      ),
    ).toBeInTheDocument();
    // Xavier halves the variance per ReLU layer: ‖∂L/∂h‖ vanishes while ‖∂L/∂W‖, the gradient
    // times the shrinking input, stays level (Glorot & Bengio 2010, §4.2), as the engine measures.
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Initialization' }),
      'xavierNormal',
    );
    act(() => probe().answer(1));
    expect(
      screen.getByText(/the gradient at the layer outputs ‖∂L\/∂h‖ vanishes from/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /The weights' gradient ‖∂L\/∂W‖ is level \(.*\): it is the gradient at the output times the layer's input, and the shrinking input cancels the shrinking gradient/,
      ),
    ).toBeInTheDocument();
    expectGradientCurvesExplained(figure);
  });

  it('shows zero init as exactly zero everywhere', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    act(() => probe().answer(0));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Initialization' }), 'zeros');
    act(() => probe().answer(1));
    expect(
      screen.getByText(
        /^Every layer outputs exactly zero: the activation std is 0 at all 20 layers\./,
      ),
    ).toBeInTheDocument();
  });

  it('shows too-large weights overflowing', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={{ ...WIDGET, depth: 80 }} />);
    act(() => probe().answer(0));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Initialization' }), 'tooLarge');
    act(() => probe().answer(1));
    expect(
      screen.getByText(/^The activations grow until they overflow: from layer \d+ on/),
    ).toBeInTheDocument();
  });

  it('explains a failed measurement', () => {
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    act(() =>
      probe().emit({
        type: 'depthProbeError',
        id: probe().probeRequests()[0]!.id,
        message: 'depthProbe: width must be a whole number from 1 to 4,096, got 0',
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The measurement failed: depthProbe: width must be a whole number from 1 to 4,096, got 0',
    );
  });

  it('restarts a crashed worker and asks it again for the current settings', () => {
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    fireEvent.change(depthSlider(), { target: { value: '30' } });
    act(() =>
      probe().emit({
        type: 'error',
        message: 'The training worker stopped unexpectedly.',
        step: 0,
      }),
    );
    expect(probe().restarts).toBe(1);
    expect(
      probe()
        .probeRequests()
        .map((r) => r.options.depth),
    ).toEqual([20, 30]);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The training worker stopped unexpectedly.',
    );
    act(() => probe().answer(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stops its worker when the lesson page goes away', () => {
    const { probe, unmount } = renderWithWorkers(<DepthProbeWidget widget={WIDGET} />);
    unmount();
    expect(probe().terminated).toBe(true);
  });
});

describe('DepthProbeWidget with too-small weights', () => {
  it('says the signal died out instead of quoting a factor of 0', async () => {
    const user = userEvent.setup();
    const { probe } = renderWithWorkers(<DepthProbeWidget widget={{ ...WIDGET, depth: 50 }} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Initialization' }), 'tooSmall');
    act(() => probe().answer(0));
    act(() => probe().answer(1));
    expect(
      screen.getByText(
        /^The activation std shrinks from [\d.]+ at layer 1 to exactly 0 at layer 50: the signal has died out\./,
      ),
    ).toBeInTheDocument();
  });
});
