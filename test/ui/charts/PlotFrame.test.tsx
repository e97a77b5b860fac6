// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChartErrorBoundary } from '../../../src/ui/charts/ChartErrorBoundary';
import { formatNumber } from '../../../src/ui/charts/format';
import { REFERENCE_COLOR } from '../../../src/ui/charts/palette';
import {
  CANVAS_BLEED,
  labelledTicks,
  PlotFrame,
  type PlotAxis,
} from '../../../src/ui/charts/PlotFrame';
import { installRecordingContext, setObservedWidth, setupChartTests } from './chartTestEnvironment';

setupChartTests();

const linear = (lo: number, hi: number, ticks: number[], title: string): PlotAxis => ({
  scale: { kind: 'linear', domain: [lo, hi] },
  ticks,
  format: formatNumber,
  title,
});

describe('labelledTicks', () => {
  it('keeps every tick whose label has room', () => {
    // labels 13.2 px wide, 40 px apart: 13.2 + 6 px of gap fits
    const ticks = [0, 40, 80].map((px) => ({ value: px, px, label: 'ab' }));
    expect(labelledTicks(ticks, (t) => t.label.length * 6.6)).toEqual(ticks);
  });

  it('keeps every second tick when neighbouring labels would overlap', () => {
    // '−0.4'-like labels, 26.4 px wide, only 20 px apart: every other one is 40 px apart
    const ticks = [0, 20, 40, 60, 80].map((px) => ({ value: px, px, label: 'abcd' }));
    expect(labelledTicks(ticks, (t) => t.label.length * 6.6).map((t) => t.px)).toEqual([0, 40, 80]);
  });
});

describe('PlotFrame', () => {
  it('labels both axes and the reference line, and draws the reference under the marks', () => {
    const drawing = installRecordingContext();
    setObservedWidth(400);
    render(
      <PlotFrame
        x={linear(0, 100, [0, 50, 100], 'Step')}
        y={linear(-4, -2, [-4, -3, -2], 'log10 ratio')}
        height={200}
        marks={[]}
        reference={{ y: -3, label: 'typical' }}
      />,
    );
    expect(screen.getByText('Step', { selector: '.nl-plot__title' })).toBeInTheDocument();
    expect(screen.getByText('log10 ratio', { selector: '.nl-plot__title' })).toBeInTheDocument();
    const yLabels = [...document.querySelectorAll('.nl-plot__tick--y')].map((t) => t.textContent);
    expect(yLabels).toEqual(['−4', '−3', '−2']);
    expect(screen.getByText('typical')).toBeInTheDocument();
    const rule = drawing.paths.find((p) => p.style === REFERENCE_COLOR);
    expect(rule?.dash).toEqual([4, 4]);
  });

  it('puts the canvas over the plot area and its bleed only, clear of every tick label', () => {
    const drawing = installRecordingContext();
    setObservedWidth(400);
    const { container } = render(
      <PlotFrame
        x={linear(0, 100, [0, 50, 100], 'Step')}
        y={linear(0, 1, [0, 0.5, 1], 'Loss')}
        height={200}
        marks={[]}
      />,
    );
    // the plot area: 68 px of y axis and 12 px right, 8 px top and 36 px of x axis
    const canvas = container.querySelector('canvas')!;
    const px = (value: string): number => Number.parseFloat(value);
    const box = {
      left: px(canvas.style.left),
      top: px(canvas.style.top),
      right: px(canvas.style.left) + px(canvas.style.width),
      bottom: px(canvas.style.top) + px(canvas.style.height),
    };
    expect(box).toEqual({
      left: 68 - CANVAS_BLEED,
      top: 8 - CANVAS_BLEED,
      right: 400 - 12 + CANVAS_BLEED,
      bottom: 200 - 36 + CANVAS_BLEED,
    });
    expect(canvas).toHaveProperty('width', box.right - box.left);
    // y labels end left of the canvas (their right edge, measured from the frame's right side)
    for (const tick of container.querySelectorAll<HTMLElement>('.nl-plot__tick--y'))
      expect(400 - px(tick.style.right)).toBeLessThan(box.left);
    for (const tick of container.querySelectorAll<HTMLElement>('.nl-plot__tick--x'))
      expect(px(tick.style.top)).toBeGreaterThan(box.bottom);
    // the axes are drawn in the canvas's own pixels: the left axis CANVAS_BLEED px in
    const axes = drawing.paths.find((p) => p.points.length === 3);
    expect(axes?.points[0]?.[0]).toBe(CANVAS_BLEED + 0.5);
  });

  it('thins crowded x labels on a narrow plot but keeps a grid line at every tick', () => {
    const drawing = installRecordingContext();
    // 150 px wide, less 68 + 12 px of margins: 70 px for six labels like '−0.4'
    setObservedWidth(150);
    const ticks = [-0.6, -0.4, -0.2, 0, 0.2, 0.4];
    render(
      <PlotFrame
        x={linear(-0.6, 0.4, ticks, 'Last batch')}
        y={linear(0, 1, [0, 1], 'Running')}
        height={150}
        marks={[]}
      />,
    );
    const xLabels = [...document.querySelectorAll('.nl-plot__tick--x')].map((t) => t.textContent);
    expect(xLabels.length).toBeLessThan(ticks.length);
    expect(xLabels[0]).toBe('−0.6');
    // grid: six vertical lines and two horizontal ones, drawn as one path of 16 points
    expect(drawing.paths[0]!.points).toHaveLength(2 * (6 + 2));
  });

  it('reports an axis it cannot draw through the error boundary, in words', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ChartErrorBoundary title="Gradient norm">
        <PlotFrame
          x={linear(0, 1, [0, 1], 'Step')}
          y={{ scale: { kind: 'log', domain: [0, 10] }, ticks: [], format: String, title: 'Norm' }}
          height={200}
          marks={[]}
        />
      </ChartErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The chart “Gradient norm” could not be drawn: a log axis needs a positive range, got [0, 10]. The other panels keep working.',
    );
  });
});
