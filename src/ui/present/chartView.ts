import { createContext, useContext } from 'react';

/** The loss charts' view when a page keeps it (the Lab keeps it in its link). */
export interface LossView {
  readonly logScale: boolean;
  setLogScale(on: boolean): void;
  /** Exponential-moving-average weight (smoothing.ts); 0 draws the raw curve only. */
  readonly smoothing: number;
  setSmoothing(weight: number): void;
}

/**
 * How the charts below are being looked at. `presenting`: on a projector (PresenterView), so text at
 * least 20 px, thicker lines, the presenter palette, smoothing on by default. `loss`: set where the
 * page keeps the loss charts' log scale and smoothing; without it each chart keeps its own.
 */
export interface ChartView {
  readonly presenting: boolean;
  readonly loss?: LossView | undefined;
}

export const ChartViewContext = createContext<ChartView>({ presenting: false });

export function useChartView(): ChartView {
  return useContext(ChartViewContext);
}

/** Whether the chart being drawn fills the screen (set by ChartCard for its contents). */
export const FullScreenContext = createContext(false);

export function useFullScreen(): boolean {
  return useContext(FullScreenContext);
}

/** Axis text grows by this much on a projector: 12 px ticks become 20 px. */
export const PRESENTER_TEXT_SCALE = 20 / 12;
/** Lines grow by this much on a projector: the 1 px training curve becomes 2.5 px. */
export const PRESENTER_LINE_SCALE = 2.5;
