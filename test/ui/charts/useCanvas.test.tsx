// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render } from '@testing-library/react';
import { useCallback } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useCanvas, type CanvasSize } from '../../../src/ui/charts/useCanvas';
import { installFakeContext, setObservedWidth, setupChartTests } from './chartTestEnvironment';

setupChartTests();

function Probe({ onDraw }: { readonly onDraw: (size: CanvasSize) => void }) {
  const draw = useCallback(
    (_ctx: CanvasRenderingContext2D, size: CanvasSize) => onDraw(size),
    [onDraw],
  );
  const { containerRef, canvasRef, size } = useCanvas(draw, (w) => Math.min(w, 300));
  return (
    <div ref={containerRef}>
      <canvas ref={canvasRef} data-height={size.height} />
    </div>
  );
}

describe('useCanvas', () => {
  it('sizes the backing store by devicePixelRatio and draws in CSS pixels', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    setObservedWidth(250);
    const transforms: unknown[][] = [];
    installFakeContext({
      setTransform: (...args: unknown[]) => void transforms.push(args),
      clearRect: () => undefined,
    });
    const onDraw = vi.fn();
    const { container } = render(<Probe onDraw={onDraw} />);
    const canvas = container.querySelector('canvas')!;
    expect(canvas.width).toBe(500);
    expect(canvas.height).toBe(500);
    expect(transforms).toContainEqual([2, 0, 0, 2, 0, 0]);
    expect(onDraw).toHaveBeenLastCalledWith({ width: 250, height: 250 });
  });

  it('caps the height with the height function', () => {
    setObservedWidth(640);
    installFakeContext({ setTransform: () => undefined, clearRect: () => undefined });
    const onDraw = vi.fn();
    render(<Probe onDraw={onDraw} />);
    expect(onDraw).toHaveBeenLastCalledWith({ width: 640, height: 300 });
  });

  it('skips drawing without a 2-D context instead of throwing', () => {
    const onDraw = vi.fn();
    render(<Probe onDraw={onDraw} />);
    expect(onDraw).not.toHaveBeenCalled();
  });

  it('skips drawing while the container has no width', () => {
    setObservedWidth(0);
    installFakeContext({ setTransform: () => undefined, clearRect: () => undefined });
    const onDraw = vi.fn();
    render(<Probe onDraw={onDraw} />);
    expect(onDraw).not.toHaveBeenCalled();
  });

  it('draws once per animation frame, with the latest drawing, however often the data changes', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
    installFakeContext({ setTransform: () => undefined, clearRect: () => undefined });
    const drawn: number[] = [];
    function Chart({ value }: { readonly value: number }) {
      const draw = useCallback(() => void drawn.push(value), [value]);
      const { containerRef, canvasRef } = useCanvas(draw, 100);
      return (
        <div ref={containerRef}>
          <canvas ref={canvasRef} />
        </div>
      );
    }
    const { rerender, unmount } = render(<Chart value={1} />);
    rerender(<Chart value={2} />);
    rerender(<Chart value={3} />);
    expect(drawn).toEqual([]);
    act(() => frames.splice(0).forEach((frame) => frame(0)));
    expect(drawn).toEqual([3]);
    // nothing changed: the next frame draws nothing
    act(() => frames.splice(0).forEach((frame) => frame(16)));
    expect(drawn).toEqual([3]);
    // a change still waiting for its frame when the chart goes away is never drawn
    rerender(<Chart value={4} />);
    unmount();
    act(() => frames.splice(0).forEach((frame) => frame(32)));
    expect(drawn).toEqual([3]);
  });

  it('keeps the backing store when the size is unchanged (resizing it would reallocate)', () => {
    installFakeContext({ setTransform: () => undefined, clearRect: () => undefined });
    const onDraw = vi.fn();
    const { container, rerender } = render(<Probe onDraw={onDraw} />);
    const canvas = container.querySelector('canvas')!;
    const widthSetter = vi.spyOn(canvas, 'width', 'set');
    rerender(<Probe onDraw={vi.fn()} />);
    expect(widthSetter).not.toHaveBeenCalled();
  });
});
