import { useMemo } from 'react';
import type { PlotScale } from './plotScale';
import type { PlotMark, PlotScene } from './plotScene';
import { useElementSize } from './useElementSize';
import { useSceneCanvas } from './useSceneCanvas';

export interface SceneCanvasProps {
  /** The data ranges across (x) and up (y) the whole canvas; memoise them. */
  readonly x: PlotScale;
  readonly y: PlotScale;
  /** Memoise them: a new array means a redraw. */
  readonly marks: readonly PlotMark[];
  /** CSS pixels, or a function of the width (square plots). */
  readonly height: number | ((width: number) => number);
  readonly className?: string | undefined;
}

const NO_MARGIN = { left: 0, top: 0, right: 0, bottom: 0 };

/** A canvas filling its container's width with marks and nothing else (no axes, no grid). */
export function SceneCanvas({ x, y, marks, height, className }: SceneCanvasProps) {
  const [containerRef, { width }] = useElementSize<HTMLDivElement>();
  const cssHeight = Math.max(0, Math.round(typeof height === 'function' ? height(width) : height));
  const scene = useMemo<PlotScene>(
    () => ({ x, y, xGrid: [], yGrid: [], margin: NO_MARGIN, axes: false, marks }),
    [x, y, marks],
  );
  const canvasRef = useSceneCanvas(scene, width, cssHeight);
  return (
    <div ref={containerRef} className="nl-chart__plot">
      <canvas
        ref={canvasRef}
        className={className}
        style={{ height: cssHeight }}
        aria-hidden="true"
      />
    </div>
  );
}
