import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { datasetInfo } from '../../lab/datasets';
import { CHART_NAMES } from '../../lessons/progress/chartNames';
import { CHART_KINDS, type ChartKind } from '../../lessons/chartKinds';
import { ActivationHistograms } from '../charts/ActivationHistograms';
import { BatchNormStatsChart } from '../charts/BatchNormStatsChart';
import { ChartErrorBoundary } from '../charts/ChartErrorBoundary';
import { DecisionBoundaryView } from '../charts/DecisionBoundaryView';
import { DigitGrid } from '../charts/DigitGrid';
import { GradNormChart } from '../charts/GradNormChart';
import { HistogramHeatmap } from '../charts/HistogramHeatmap';
import { LossChart } from '../charts/LossChart';
import { activationOutputTracks } from '../charts/probeHistory';
import { runLossSeries } from '../charts/runLossSeries';
import { UpdateRatioChart } from '../charts/UpdateRatioChart';
import { WeightHistograms } from '../charts/WeightHistograms';
import { WeightNormChart } from '../charts/WeightNormChart';
import { initLabel, weightTheory } from '../lab/weightTheory';
import type { ExperimentRun } from './experimentRun';
import { PercentilesChart } from './PercentilesChart';

export interface ExperimentChartsProps {
  readonly charts: readonly ChartKind[];
  readonly runs: readonly ExperimentRun[];
  readonly percentileLayer?: string | undefined;
  /** Called when a chart is on screen with the learner's runs in it. */
  readonly onViewed?: ((chart: ChartKind) => void) | undefined;
}

/** Whether the runs have produced what this chart draws. */
export function chartHasData(chart: ChartKind, runs: readonly ExperimentRun[]): boolean {
  switch (chart) {
    case 'loss':
    case 'accuracy':
      return runs.some((r) => r.history.losses.length > 0);
    case 'boundary':
      return runs.some((r) => r.boundary !== undefined);
    case 'digits':
      return runs.some((r) => r.digits !== undefined);
    default:
      return runs.some((r) => r.probes !== undefined && r.probes.step > 0);
  }
}

/** A run's chart is headed by its kind and run, one level below the experiment's tab. */
interface RunChartHeading {
  readonly title: string;
  readonly headingLevel: 4;
}

function RunHeatmap({ run, heading }: { run: ExperimentRun; heading: RunChartHeading }) {
  const history = run.probeHistory.items;
  const tracks = useMemo(() => activationOutputTracks(history), [history]);
  return (
    <HistogramHeatmap
      tracks={tracks}
      {...heading}
      valueLabel="Activation"
      emptyMessage="Run the experiment to see activations change over training."
    />
  );
}

function RunWeights({ run, heading }: { run: ExperimentRun; heading: RunChartHeading }) {
  const params = run.probes?.params;
  const theory = useMemo(
    () => (params ? weightTheory(run.settings, params) : undefined),
    [run.settings, params],
  );
  return (
    <WeightHistograms
      params={params ?? []}
      theory={theory}
      theoryLabel={initLabel(run.settings)}
      step={run.probes?.step}
      {...heading}
      emptyMessage="Run the experiment to see the weight distributions."
    />
  );
}

/** One run's view of a chart kind that shows a single run at a time. */
function RunChart({
  chart,
  run,
  percentileLayer,
}: {
  chart: ChartKind;
  run: ExperimentRun;
  percentileLayer: string | undefined;
}): ReactNode {
  const heading: RunChartHeading = {
    title: `${CHART_NAMES[chart]}: ${run.label}`,
    headingLevel: 4,
  };
  const step = run.probes?.step;
  switch (chart) {
    case 'activations':
      return (
        <ActivationHistograms
          activations={run.probes?.activations ?? []}
          step={step}
          {...heading}
          emptyMessage="Run the experiment to see each layer’s activations."
        />
      );
    case 'heatmap':
      return <RunHeatmap run={run} heading={heading} />;
    case 'gradNorms':
      return <GradNormChart snapshots={run.probeHistory.items} {...heading} />;
    case 'weights':
      return <RunWeights run={run} heading={heading} />;
    case 'updateRatio':
      return <UpdateRatioChart snapshots={run.probeHistory.items} {...heading} />;
    case 'weightNorms':
      return <WeightNormChart snapshots={run.probeHistory.items} {...heading} />;
    case 'bnStats':
      if (run.settings.norm !== 'batchNorm') {
        return (
          <p className="nl-chart-note">
            {run.label} has no BatchNorm layer, so it has no running statistics to show.
          </p>
        );
      }
      return <BatchNormStatsChart norms={run.probes?.norms ?? []} step={step} {...heading} />;
    case 'boundary': {
      const info = datasetInfo(run.settings.dataset);
      if (info.kind !== 'points') {
        return (
          <p className="nl-chart-note">
            {run.label} trains on images, which have no 2-D decision boundary to draw.
          </p>
        );
      }
      return (
        <DecisionBoundaryView
          boundary={run.boundary}
          points={run.dataset?.points}
          numClasses={info.numClasses}
          step={run.step}
          {...heading}
        />
      );
    }
    case 'digits':
      return <DigitGrid digits={run.digits} step={run.step} {...heading} />;
    case 'percentiles':
      return (
        <PercentilesChart snapshots={run.probeHistory.items} layer={percentileLayer} {...heading} />
      );
    case 'loss':
    case 'accuracy':
      return null;
  }
}

/** One tab: a chart kind, or loss and accuracy together (the loss chart draws validation accuracy too). */
export interface ChartTab {
  readonly kinds: readonly ChartKind[];
  readonly label: string;
}

export function chartTabs(charts: readonly ChartKind[]): ChartTab[] {
  const tabs: ChartTab[] = [];
  const lossKinds = charts.filter((c) => c === 'loss' || c === 'accuracy');
  for (const chart of charts) {
    if (chart === 'loss' || chart === 'accuracy') {
      if (chart !== lossKinds[0]) continue;
      const label = lossKinds.length === 2 ? 'Loss and accuracy' : CHART_NAMES[chart];
      tabs.push({ kinds: lossKinds, label });
    } else {
      tabs.push({ kinds: [chart], label: CHART_NAMES[chart] });
    }
  }
  return tabs;
}

function ChartView({
  tab,
  runs,
  percentileLayer,
}: {
  tab: ChartTab;
  runs: readonly ExperimentRun[];
  percentileLayer: string | undefined;
}) {
  const lossRuns = useMemo(() => runLossSeries(runs, (run) => run.label), [runs]);
  const chart = tab.kinds[0];
  if (chart === undefined) return null;
  if (chart === 'loss' || chart === 'accuracy') {
    const title = tab.kinds.includes('accuracy') ? 'Loss and accuracy' : 'Loss';
    return (
      <ChartErrorBoundary title={title}>
        <LossChart
          runs={lossRuns}
          title={title}
          headingLevel={4}
          emptyMessage="Press “Run experiment” to see the loss curves."
        />
      </ChartErrorBoundary>
    );
  }
  return (
    <div className="nl-experiment__run-charts">
      {runs.map((run) => (
        <div key={run.label} className="nl-experiment__run-chart">
          <ChartErrorBoundary title={`${CHART_NAMES[chart]}: ${run.label}`}>
            <RunChart chart={chart} run={run} percentileLayer={percentileLayer} />
          </ChartErrorBoundary>
        </div>
      ))}
    </div>
  );
}

/**
 * The experiment's charts. Several charts become tabs (one chart on screen at a time keeps a lesson
 * readable on a phone), which also makes "the learner looked at this chart" a real observation.
 */
export function ExperimentCharts({
  charts,
  runs,
  percentileLayer,
  onViewed,
}: ExperimentChartsProps) {
  const [selected, setSelected] = useState(0);
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabs = useMemo(() => chartTabs(charts), [charts]);
  const index = Math.min(selected, tabs.length - 1);
  const current = tabs[index];
  const viewedKinds = current?.kinds.filter((kind) => chartHasData(kind, runs)).join(' ') ?? '';

  useEffect(() => {
    if (viewedKinds === '') return;
    const viewed = viewedKinds.split(' ');
    for (const kind of CHART_KINDS) if (viewed.includes(kind)) onViewed?.(kind);
  }, [viewedKinds, onViewed]);

  if (current === undefined) return null;
  if (tabs.length === 1) {
    return <ChartView tab={current} runs={runs} percentileLayer={percentileLayer} />;
  }

  const focusTab = (target: number): void => {
    const next = (target + tabs.length) % tabs.length;
    setSelected(next);
    tabRefs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number): void => {
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusTab(target);
  };

  return (
    <div className="nl-experiment__charts">
      <div role="tablist" aria-label="Charts" className="nl-tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.label}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${i}`}
            aria-selected={i === index}
            aria-controls={`${baseId}-panel`}
            tabIndex={i === index ? 0 : -1}
            className="nl-tabs__tab"
            onClick={() => setSelected(i)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${index}`}
        className="nl-tabs__panel"
      >
        <ChartView tab={current} runs={runs} percentileLayer={percentileLayer} />
      </div>
    </div>
  );
}
