// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PlotScale } from '../../../src/ui/charts/plotScale';
import type { PlotMark } from '../../../src/ui/charts/plotScene';
import { SceneCanvas } from '../../../src/ui/charts/SceneCanvas';
import {
  installFakeContext,
  installRecordingContext,
  setObservedWidth,
  setupChartTests,
} from './chartTestEnvironment';

setupChartTests();

const UNIT: PlotScale = { kind: 'linear', domain: [0, 1] };
const square = (w: number) => Math.min(w, 300);
/** A diagonal line in `color`, so each drawing says which scene it came from. */
const diagonal = (color: string): PlotMark[] => [
  { kind: 'line', series: { name: color, color, xs: [0, 1], ys: [0, 1] } },
];

describe('SceneCanvas (page drawing, where there is no OffscreenCanvas)', () => {
  it('sizes the backing store by devicePixelRatio and draws in CSS pixels', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    setObservedWidth(250);
    const drawing = installRecordingContext();
    const { container } = render(
      <SceneCanvas x={UNIT} y={UNIT} marks={diagonal('#0072B2')} height={square} />,
    );
    const canvas = container.querySelector('canvas')!;
    expect(canvas.width).toBe(500);
    expect(canvas.height).toBe(500);
    // no margins: (0, 0) is the bottom-left corner of the 250 × 250 CSS-pixel square
    expect(drawing.paths.find((p) => p.style === '#0072B2')?.points).toEqual([
      [0, 250],
      [250, 0],
    ]);
  });

  it('draws once per animation frame, the latest scene, however often the data changes', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
    const drawing = installRecordingContext();
    const colours = ['#000001', '#000002', '#000003'];
    const marks = colours.map(diagonal);
    const chart = (i: number) => <SceneCanvas x={UNIT} y={UNIT} marks={marks[i]!} height={100} />;
    const { rerender, unmount } = render(chart(0));
    rerender(chart(1));
    rerender(chart(2));
    expect(drawing.paths).toEqual([]);
    act(() => frames.splice(0).forEach((frame) => frame(0)));
    expect(drawing.paths.map((p) => p.style)).toEqual(['#000003']);
    // nothing changed: the next frame draws nothing
    act(() => frames.splice(0).forEach((frame) => frame(16)));
    expect(drawing.paths).toHaveLength(1);
    // a scene still waiting for its frame when the chart goes away is never drawn
    rerender(chart(0));
    unmount();
    act(() => frames.splice(0).forEach((frame) => frame(32)));
    expect(drawing.paths).toHaveLength(1);
  });

  it('keeps the backing store when the size is unchanged (resizing it would reallocate)', () => {
    installRecordingContext();
    const { container, rerender } = render(
      <SceneCanvas x={UNIT} y={UNIT} marks={diagonal('#000001')} height={100} />,
    );
    const widthSetter = vi.spyOn(container.querySelector('canvas')!, 'width', 'set');
    rerender(<SceneCanvas x={UNIT} y={UNIT} marks={diagonal('#000002')} height={100} />);
    expect(widthSetter).not.toHaveBeenCalled();
  });

  it('skips drawing without a 2-D context instead of throwing', () => {
    const { container } = render(
      <SceneCanvas x={UNIT} y={UNIT} marks={diagonal('#000001')} height={100} />,
    );
    expect(container.querySelector('canvas')).toBeInTheDocument();
  });

  it('skips drawing while the container has no width', () => {
    setObservedWidth(0);
    const setTransform = vi.fn();
    installFakeContext({ setTransform, fillRect: () => undefined });
    render(<SceneCanvas x={UNIT} y={UNIT} marks={diagonal('#000001')} height={100} />);
    expect(setTransform).not.toHaveBeenCalled();
  });
});
