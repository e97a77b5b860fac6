import type { PlotContext, PlotScene } from './plotScene';

/** One canvas's next picture. */
export interface DrawRequest {
  /** The canvas, by the number the page gave it when attaching it. */
  readonly id: number;
  readonly scene: PlotScene;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** What the worker uses of an OffscreenCanvas (an OffscreenCanvas is one; tests pass a stand-in). */
export interface DrawTarget {
  width: number;
  height: number;
  getContext(
    contextId: '2d',
    options: { readonly alpha: false },
  ): (PlotContext & Pick<CanvasRenderingContext2D, 'setTransform'>) | null;
}

/** Messages from the page to the chart worker. */
export type ToPlotWorker =
  | { readonly type: 'attach'; readonly id: number; readonly canvas: DrawTarget }
  /** Every scene that changed in one task of the page, in one message. */
  | { readonly type: 'draw'; readonly requests: readonly DrawRequest[] }
  | { readonly type: 'detach'; readonly id: number };
