import { useEffect, useState } from 'react';

/** Canvas helpers shared by the charts: a safe 2-D context, pixel ratio, frames, RGBA images. */

export interface CanvasSize {
  /** CSS pixels; the drawing context is already scaled by devicePixelRatio. */
  readonly width: number;
  readonly height: number;
}

/** The 2-D context, or null where there is none (jsdom; a few environments throw instead). */
export function context2d(
  canvas: HTMLCanvasElement,
  options?: CanvasRenderingContext2DSettings,
): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d', options);
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
