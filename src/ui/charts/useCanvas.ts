import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useElementSize } from './useElementSize';

export interface CanvasSize {
  /** CSS pixels; the drawing context is already scaled by devicePixelRatio. */
  readonly width: number;
  readonly height: number;
}

export type DrawCanvas = (ctx: CanvasRenderingContext2D, size: CanvasSize) => void;

export interface CanvasHandles {
  /** Put on the element whose width the canvas fills. */
  readonly containerRef: (node: HTMLDivElement | null) => void;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly size: CanvasSize;
}

/** The 2-D context, or null where there is none (jsdom; a few environments throw instead). */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

function currentPixelRatio(): number {
  return typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
}

/** The device pixel ratio, updated when the window moves to a screen with another density. */
export function usePixelRatio(): number {
  const [ratio, setRatio] = useState(currentPixelRatio);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const onChange = (): void => setRatio(currentPixelRatio());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [ratio]);
  return ratio;
}

/**
 * Runs `paint` in the next animation frame; the returned function cancels it. Where there are no
 * animation frames, it paints at once.
 */
export function inNextFrame(paint: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    paint();
    return () => undefined;
  }
  const id = requestAnimationFrame(paint);
  return () => cancelAnimationFrame(id);
}

/**
 * A canvas that fills its container's width, at `height` CSS pixels (a number, or a function of the
 * width for square plots), drawn sharp at the device's pixel ratio. `draw` runs in the animation frame
 * after a size change or a change of `draw` itself (memoise it with useCallback); several changes
 * within one frame draw once, with the latest `draw`, so a chart never redraws faster than the screen
 * refreshes. Where no 2-D context exists (jsdom, a browser with canvas disabled) nothing is drawn and
 * nothing throws.
 */
export function useCanvas(
  draw: DrawCanvas,
  height: number | ((width: number) => number),
): CanvasHandles {
  const [containerRef, container] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const ratio = usePixelRatio();
  const width = container.width;
  const cssHeight = Math.max(0, Math.round(typeof height === 'function' ? height(width) : height));

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0 || cssHeight <= 0) return;
    const backingWidth = Math.round(width * ratio);
    const backingHeight = Math.round(cssHeight * ratio);
    // Assigning a size reallocates the backing store even when it is unchanged: only on a resize.
    if (canvas.width !== backingWidth) canvas.width = backingWidth;
    if (canvas.height !== backingHeight) canvas.height = backingHeight;
    const ctx = context2d(canvas);
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, cssHeight);
    draw(ctx, { width, height: cssHeight });
  }, [draw, width, cssHeight, ratio]);

  // A newer paint cancels the one still waiting for its frame.
  useEffect(() => inNextFrame(paint), [paint]);

  return { containerRef, canvasRef, size: { width, height: cssHeight } };
}

/** An offscreen canvas holding `rgba` (width × height pixels), or null where canvas is unavailable. */
export function rgbaToCanvas(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): HTMLCanvasElement | null {
  if (typeof document === 'undefined' || width <= 0 || height <= 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = context2d(canvas);
  if (!ctx) return null;
  const image = ctx.createImageData(width, height);
  image.data.set(rgba);
  ctx.putImageData(image, 0, 0);
  return canvas;
}
