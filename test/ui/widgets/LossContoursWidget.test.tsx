// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LossContoursWidget, RUN_INTERVAL_MS } from '../../../src/ui/widgets/LossContoursWidget';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const widget = { widget: 'lossContours', title: 'Why standardize?', condition: 25 } as const;

const plot = (name: RegExp) => screen.getByRole('img', { name });
const unscaledPlot = () => plot(/^Unscaled features:/);
const standardizedPlot = () => plot(/^Standardized features:/);

describe('LossContoursWidget', () => {
  it('draws elongated contours for unscaled features and round ones for standardized features', () => {
    render(<LossContoursWidget widget={widget} />);
    // κ = 25: the ellipses are √25 = 5 times longer than wide
    expect(unscaledPlot()).toHaveAccessibleName(
      /^Unscaled features: elliptical contours 5 times longer than wide\. After 0 steps/,
    );
    expect(standardizedPlot()).toHaveAccessibleName(/^Standardized features: round contours\./);
    const [rx, ry] = ['rx', 'ry'].map((a) =>
      Number(unscaledPlot().querySelector('.nl-contours__contour')!.getAttribute(a)),
    );
    expect(rx! / ry!).toBeCloseTo(5, 6);
  });

  it('starts each problem at its best stable learning rate and says how many steps each needs', () => {
    render(<LossContoursWidget widget={widget} />);
    const unscaledRate = screen.getByRole('slider', {
      name: 'Learning rate η (unscaled features)',
    });
    expect(unscaledRate).toHaveAttribute('aria-valuetext', 'η = 0.0769');
    expect(unscaledRate).toHaveAccessibleDescription(
      'Stable below 2/λ_max = 0.08; fastest at 2/(λ_min + λ_max) = 0.0769.',
    );
    expect(
      screen.getByText(
        'At this η, gradient descent reaches the minimum (within 0.01) in 69 steps.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('At this η, gradient descent reaches the minimum (within 0.01) in 1 step.'),
    ).toBeInTheDocument();
  });

  it('steps both paths: the unscaled one zig-zags across the valley, the standardized one goes straight', async () => {
    const user = userEvent.setup();
    render(<LossContoursWidget widget={widget} />);
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByText('Step 4')).toBeInTheDocument();
    expect(unscaledPlot()).toHaveAccessibleName(
      /After 4 steps .*, having crossed the valley 3 times\.$/,
    );
    expect(standardizedPlot()).toHaveAccessibleName(
      /After 4 steps .*, moving in a straight line\.$/,
    );
    const points = unscaledPlot().querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(5);
  });

  it('runs until both have arrived, then stops; Reset goes back to the start', () => {
    vi.useFakeTimers();
    render(<LossContoursWidget widget={widget} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(10 * RUN_INTERVAL_MS));
    expect(screen.getByText('Step 10')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(100 * RUN_INTERVAL_MS));
    // the unscaled path needs 69 steps; running stops there
    expect(screen.getByText('Step 69')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByText('Step 0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run' })).toBeEnabled();
  });

  it('shows divergence when the learning rate passes 2/λ_max', () => {
    render(<LossContoursWidget widget={widget} />);
    const slider = screen.getByRole('slider', { name: 'Learning rate η (unscaled features)' });
    fireEvent.change(slider, { target: { value: '250' } }); // 1.25 × 2/λ_max
    expect(slider).toHaveAttribute('aria-valuetext', 'η = 0.1');
    expect(
      screen.getByText(
        'At this η, gradient descent diverges: every step overshoots further than the last.',
      ),
    ).toBeInTheDocument();
  });

  it('restores the best step sizes on request', async () => {
    const user = userEvent.setup();
    render(<LossContoursWidget widget={widget} />);
    const slider = screen.getByRole('slider', { name: 'Learning rate η (standardized features)' });
    fireEvent.change(slider, { target: { value: '20' } });
    expect(slider).toHaveAttribute('aria-valuetext', 'η = 0.2');
    await user.click(screen.getByRole('button', { name: 'Best step sizes' }));
    expect(slider).toHaveAttribute('aria-valuetext', 'η = 1');
  });
});
