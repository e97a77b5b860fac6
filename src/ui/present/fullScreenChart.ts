import { create } from 'zustand';

/**
 * Which chart fills the screen, if any: one at a time, by the id its ChartCard gave it. The chart keeps
 * its place in the page (it is laid over the window, not moved), so it stays live while training.
 */
export const useFullScreenChart = create<{ readonly chartId: string | null }>(() => ({
  chartId: null,
}));

export function toggleFullScreenChart(chartId: string): void {
  useFullScreenChart.setState((s) => ({ chartId: s.chartId === chartId ? null : chartId }));
}

export function leaveFullScreenChart(): void {
  useFullScreenChart.setState({ chartId: null });
}

/** The attribute every chart card carries, so "F" can find a chart. */
export const CHART_ID_ATTRIBUTE = 'data-chart-id';

/**
 * The chart "F" means: the one holding keyboard focus, else the first one of a presented view, else
 * the first one on the page.
 */
export function chartForKey(): string | null {
  const selector = `[${CHART_ID_ATTRIBUTE}]`;
  const focused = document.activeElement?.closest(selector);
  const chart =
    focused ??
    document.querySelector(`.nl-present ${selector}`) ??
    document.querySelector(selector);
  return chart?.getAttribute(CHART_ID_ATTRIBUTE) ?? null;
}
