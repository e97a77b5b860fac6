// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render } from '@testing-library/react';
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
});
