import type { PlotScene } from './plotScene';

/** Messages from the page to the chart worker. Each canvas is known by a number the page picks. */
export type ToPlotWorker =
  | { readonly type: 'attach'; readonly id: number; readonly canvas: OffscreenCanvas }
  | {
      readonly type: 'draw';
      readonly id: number;
      readonly scene: PlotScene;
      /** CSS pixels. */
      readonly width: number;
      readonly height: number;
      readonly pixelRatio: number;
    }
  | { readonly type: 'detach'; readonly id: number };
