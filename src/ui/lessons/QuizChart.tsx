import { useMemo } from 'react';
import type { QuizChart as QuizChartData } from '../../lessons/schema';
import { probeOptions, type DepthProbeChoice } from '../../lessons/widgets/depthProbeSetup';
import { DepthProbePanel } from '../charts/DepthProbePanel';
import type { HeadingLevel } from '../charts/Heading';
import { useDepthProbe } from '../useDepthProbe';

export interface QuizChartProps {
  readonly chart: QuizChartData;
  readonly headingLevel: HeadingLevel;
}

/**
 * The chart a chart-reading question asks about: the engine's own depth probe of the question's
 * network, measured (seeded) when the question is shown. The network's init, activation and norm are
 * not shown, because naming them from the curves is the question.
 */
export function QuizChart({ chart, headingLevel }: QuizChartProps) {
  const { depth, width, activation, init, norm, residual } = chart;
  const choice = useMemo<DepthProbeChoice>(
    () => ({ depth, width, activation, init, norm, residual }),
    [depth, width, activation, init, norm, residual],
  );
  const { measured, busy, error } = useDepthProbe(choice, probeOptions);
  return (
    <DepthProbePanel
      title="The chart to read: activation std and gradient norm per layer"
      headingLevel={headingLevel}
      result={measured?.result}
      loading={busy}
      error={error}
      setting={`the question's untrained network, ${depth} layers of width ${width}`}
      emptyMessage="Measuring the network…"
    />
  );
}
