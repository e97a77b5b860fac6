import { useEffect, useRef, type RefObject } from 'react';
import type { PlotScene } from './plotScene';
import { attachPlotSurface, type PlotSurface } from './plotSurface';
import { usePixelRatio } from './canvasSupport';
import { useSceneRegistry } from './exporting/sceneRegistry';

/**
 * Draws `scene` on the returned canvas at `width` × `height` CSS pixels, from the chart worker where
 * the browser allows it, in the next animation frame (memoise the scene: a new object means a
 * redraw). Put the ref on a canvas that is always rendered.
 */
export function useSceneCanvas(
  scene: PlotScene | null,
  width: number,
  height: number,
): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const surfaceRef = useRef<PlotSurface | null>(null);
  const ratio = usePixelRatio();
  const registry = useSceneRegistry();

  // Declared before the drawing effect, so the surface exists when the first scene is sent.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const surface = attachPlotSurface(canvas);
    surfaceRef.current = surface;
    return () => {
      surfaceRef.current = null;
      surface.dispose();
    };
  }, []);

  useEffect(() => {
    if (scene && width > 0 && height > 0) surfaceRef.current?.draw(scene, { width, height }, ratio);
  }, [scene, width, height, ratio]);

  // The chart card's downloads redraw what is on screen from here.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!registry || !canvas || !scene || width <= 0 || height <= 0) return undefined;
    registry.set(canvas, { scene, width, height });
    return () => {
      registry.delete(canvas);
    };
  }, [registry, scene, width, height]);

  return canvasRef;
}
