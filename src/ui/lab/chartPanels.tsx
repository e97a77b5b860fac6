import { memo, useDeferredValue, useMemo, type ComponentType, type ReactNode } from 'react';
import type { DepthProbeOptions } from '../../engine/probes/depthProbe';
import type { LabRunSettings } from '../../lab/labSettings';
import { useAppStore } from '../../store/appStore';
import type { LabRun } from '../../store/labRun';
import { PANELS, type PanelId } from '../../lab/viewSettings';
import { runLabels, selectRuns, selectSelectedRun } from '../../store/selectors';
import { ActivationHistograms } from '../charts/ActivationHistograms';
import { BatchNormStatsChart } from '../charts/BatchNormStatsChart';
import { ChartErrorBoundary } from '../charts/ChartErrorBoundary';
import { DecisionBoundaryView } from '../charts/DecisionBoundaryView';
import { DepthProbePanel } from '../charts/DepthProbePanel';
import { DigitGrid } from '../charts/DigitGrid';
import { GradNormChart } from '../charts/GradNormChart';
import { HistogramHeatmap } from '../charts/HistogramHeatmap';
import { LossChart } from '../charts/LossChart';
import { activationOutputTracks } from '../charts/probeHistory';
import { runLossSeries } from '../charts/runLossSeries';
import { UpdateRatioChart } from '../charts/UpdateRatioChart';
import { WeightHistograms } from '../charts/WeightHistograms';
import { WeightNormChart } from '../charts/WeightNormChart';
import { datasetInfo, isOwnDataset } from '../../lab/datasets';
import { depthProbeRequest } from './depthProbeSettings';
import { useDepthProbe } from '../useDepthProbe';
import { panelLag, useLaggedValue } from './useLaggedValue';
import { initLabel, weightTheory } from './weightTheory';
import { useHiddenLabSettings } from './mystery/LabMysteryContext';

/** A chart panel: unable to take the page down with it. */
export function Panel({ id, children }: { id: PanelId; children: ReactNode }) {
  return (
    <div className="nl-panel">
      <ChartErrorBoundary title={PANELS[id].label}>{children}</ChartErrorBoundary>
    </div>
  );
}

/**
 * Every run's training and validation loss, overlaid. Deferred like the panels below (and the Step
 * counter), so the first group draws in one frame.
 */
export const LossPanel = memo(function LossPanel() {
  const runs = useDeferredValue(useAppStore(selectRuns));
  const lossRuns = useMemo(() => {
    const labels = runLabels(runs);
    return runLossSeries(runs, (run, letter) => labels.get(run.id) ?? letter);
  }, [runs]);
  return (
    <Panel id="loss">
      <LossChart runs={lossRuns} maxPoints={300} headingLevel={2} />
    </Panel>
  );
});

/** What a panel of the selected run draws from: the run, or undefined before there is one. */
interface RunViewProps {
  run: LabRun | undefined;
}

/**
 * A panel of the selected run. Every panel subscribes on its own, so a panel re-renders only when its
 * run changes; the store applies worker messages in batches (messageBatching.ts), at most 16 times a
 * second. The run reaches the panel's view through useDeferredValue: the store's update
 * renders nothing here at once, and React then renders the views with the new run in the
 * background, yielding to the browser every few milliseconds, so a click never waits behind them.
 * A newer run simply replaces one whose render has not finished. The canvases themselves are drawn
 * by the chart worker (src/ui/charts/plotWorker.ts).
 *
 * Panels come in three `group`s from the top of the page down, each taking up a snapshot
 * PANEL_STAGGER_MS after the group above (useLaggedValue): the Loss chart, the Step counter and the
 * predictions first, then the activations and gradients, then weights, update ratios and BatchNorm.
 * Without a GPU the compositor redraws, each frame, the one rectangle that holds everything that
 * changed in it; a snapshot changing the whole page in one frame cost it a whole-page redraw, twice
 * (page, then canvases), each holding a core for 15–25 ms. Group by group, each frame redraws a
 * third of the page.
 */
function selectedRunPanel(
  id: PanelId,
  group: number,
  view: ComponentType<RunViewProps>,
  /** Whether the run has anything for this panel (absent: always); else no panel at all. */
  shows: (run: LabRun | undefined) => boolean = () => true,
) {
  const View = memo(view);
  const SelectedRunPanel = memo(function SelectedRunPanel() {
    const run = useDeferredValue(useLaggedValue(useAppStore(selectSelectedRun), panelLag(group)));
    return shows(run) ? (
      <Panel id={id}>
        <View run={run} />
      </Panel>
    ) : null;
  });
  SelectedRunPanel.displayName = `${view.name}Panel`;
  return SelectedRunPanel;
}

export const PredictionsPanel = selectedRunPanel(
  'boundary',
  0,
  function Predictions({ run }: RunViewProps) {
    if (!run) return null;
    const info = datasetInfo(run.settings.dataset);
    // Own data names its classes; the built-in sets keep their numbered legend.
    const classNames = isOwnDataset(info.id) ? run.dataset?.classNames : undefined;
    return info.kind === 'points' ? (
      <DecisionBoundaryView
        boundary={run.boundary}
        points={run.dataset?.points}
        numClasses={info.numClasses}
        classNames={classNames}
        step={run.step}
        title="Decision boundary"
      />
    ) : (
      <DigitGrid digits={run.digits} step={run.step} />
    );
  },
  // A table has no picture of its predictions.
  (run) => run !== undefined && datasetInfo(run.settings.dataset).kind !== 'table',
);

export const ActivationsPanel = selectedRunPanel(
  'activations',
  1,
  function Activations({ run }: RunViewProps) {
    return (
      <ActivationHistograms activations={run?.probes?.activations ?? []} step={run?.probes?.step} />
    );
  },
);

export const ActivationHeatmapPanel = selectedRunPanel(
  'activationHeatmap',
  1,
  function ActivationHeatmap({ run }: RunViewProps) {
    const history = run?.probeHistory.items;
    const tracks = useMemo(() => (history ? activationOutputTracks(history) : []), [history]);
    return (
      <HistogramHeatmap tracks={tracks} title="Activations over time" valueLabel="Activation" />
    );
  },
);

export const GradientsPanel = selectedRunPanel(
  'gradients',
  1,
  function Gradients({ run }: RunViewProps) {
    return <GradNormChart snapshots={run?.probeHistory.items ?? []} />;
  },
);

export const WeightsPanel = selectedRunPanel('weights', 2, function Weights({ run }: RunViewProps) {
  const params = run?.probes?.params;
  // The theory line names the init: not while a mystery network hides it.
  const initHidden = useHiddenLabSettings().has('init');
  const settings = initHidden ? undefined : run?.settings;
  const theory = useMemo(
    () => (params && settings ? weightTheory(settings, params) : undefined),
    [settings, params],
  );
  return (
    <WeightHistograms
      params={params ?? []}
      theory={theory}
      theoryLabel={settings ? initLabel(settings) : undefined}
      step={run?.probes?.step}
    />
  );
});

export const UpdatesPanel = selectedRunPanel('updates', 2, function Updates({ run }: RunViewProps) {
  return <UpdateRatioChart snapshots={run?.probeHistory.items ?? []} />;
});

export const WeightNormsPanel = selectedRunPanel(
  'weightNorms',
  2,
  function WeightNorms({ run }: RunViewProps) {
    return <WeightNormChart snapshots={run?.probeHistory.items ?? []} />;
  },
);

export const BatchNormPanel = selectedRunPanel(
  'batchNorm',
  2,
  function BatchNorm({ run }: RunViewProps) {
    return <BatchNormStatsChart norms={run?.probes?.norms ?? []} step={run?.probes?.step} />;
  },
);

const asOptions = (options: DepthProbeOptions): DepthProbeOptions => options;

/** The selected run's network before training: does the signal survive its depth? */
export const DepthProbeSection = memo(function DepthProbeSection({
  settings,
}: {
  settings: LabRunSettings;
}) {
  const request = useMemo(() => depthProbeRequest(settings), [settings]);
  const probe = useDepthProbe(request.ok ? request.options : undefined, asOptions);
  return (
    <Panel id="depthProbe">
      <DepthProbePanel
        title="Signal at initialization"
        result={request.ok ? probe.measured?.result : undefined}
        loading={request.ok && probe.busy}
        error={request.ok ? probe.error : undefined}
        setting={request.ok ? request.setting : ''}
        emptyMessage={
          request.ok
            ? 'Measuring how the untrained network passes signals through its depth…'
            : request.reason
        }
      />
    </Panel>
  );
});
