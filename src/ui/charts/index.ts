/**
 * The Lab's charts: props-only React components (no store access). Each takes plain data from the
 * worker protocol or the probe types, renders a heading, a visually hidden summary and an empty state,
 * and fits widths from 390 px to 1280 px.
 */
export { ActivationHistograms, type ActivationHistogramsProps } from './ActivationHistograms';
export { BatchNormStatsChart, type BatchNormStatsChartProps } from './BatchNormStatsChart';
export {
  DecisionBoundaryView,
  type BoundaryPoints,
  type DecisionBoundaryViewProps,
} from './DecisionBoundaryView';
export { DepthProbePanel, type DepthProbePanelProps } from './DepthProbePanel';
export { DigitGrid, type DigitGridProps } from './DigitGrid';
export { GradNormChart, type GradNormChartProps } from './GradNormChart';
export type { HeadingLevel } from './Heading';
export {
  HistogramHeatmap,
  type HistogramFrame,
  type HistogramHeatmapProps,
  type HistogramTrack,
} from './HistogramHeatmap';
export { LossChart, type LossChartProps, type LossRun, type LossSeries } from './LossChart';
export { UpdateRatioChart, type UpdateRatioChartProps } from './UpdateRatioChart';
export {
  WeightHistograms,
  type WeightHistogramsProps,
  type WeightTheory,
  type WeightTheoryByName,
} from './WeightHistograms';
export { ChartErrorBoundary } from './ChartErrorBoundary';
export { activationTracks, paramTracks } from './probeHistory';
export { RUN_COLORS, RUN_IDS, runColor, type RunId } from './palette';
