import { memo, useMemo, type ReactNode } from 'react';
import { RUN_LETTERS, type LabRunSettings } from '../../lab/labSettings';
import { useLabStore } from '../../store/labStore';
import type { LabRun } from '../../store/labRun';
import type { PanelId } from '../../store/preferencesSlice';
import { runLabels, selectRuns, selectSelectedRun } from '../../store/selectors';
import { ActivationHistograms } from '../charts/ActivationHistograms';
import { BatchNormStatsChart } from '../charts/BatchNormStatsChart';
import { ChartErrorBoundary } from '../charts/ChartErrorBoundary';
import { DecisionBoundaryView } from '../charts/DecisionBoundaryView';
import { DepthProbePanel } from '../charts/DepthProbePanel';
import { DigitGrid } from '../charts/DigitGrid';
import { GradNormChart } from '../charts/GradNormChart';
import { HistogramHeatmap } from '../charts/HistogramHeatmap';
import { LossChart, type LossRun } from '../charts/LossChart';
import { runColor } from '../charts/palette';
import { activationTracks } from '../charts/probeHistory';
import { UpdateRatioChart } from '../charts/UpdateRatioChart';
import { WeightHistograms } from '../charts/WeightHistograms';
import { datasetInfo } from '../../lab/datasets';
import { depthProbeRequest } from './depthProbeSettings';
import { PANEL_LABELS } from './PanelToggles';
import { useDepthProbe } from './useDepthProbe';
import { initLabel, weightTheory } from './weightTheory';

/** A chart panel: unable to take the page down with it. */
export function Panel({ id, children }: { id: PanelId; children: ReactNode }) {
  return (
    <div className="nl-panel">
      <ChartErrorBoundary title={PANEL_LABELS[id].label}>{children}</ChartErrorBoundary>
    </div>
  );
}

function toLossRuns(runs: readonly LabRun[]): LossRun[] {
  const labels = runLabels(runs);
  return runs.map((run, i) => {
    const letter = RUN_LETTERS[i] ?? '?';
    return {
      id: letter,
      label: labels.get(run.id) ?? letter,
      color: runColor(letter),
      train: { steps: run.history.steps, losses: run.history.losses },
      validation: run.validation.items,
    };
  });
}

/** Every run's training and validation loss, overlaid. */
export const LossPanel = memo(function LossPanel() {
  const runs = useLabStore(selectRuns);
  const lossRuns = useMemo(() => toLossRuns(runs), [runs]);
  return (
    <Panel id="loss">
      <LossChart runs={lossRuns} maxPoints={300} headingLevel={2} />
    </Panel>
  );
});

/**
 * The selected run. Every panel subscribes on its own, so a panel re-renders only when its run
 * changes; the store applies worker messages in batches (messageBatching.ts), so all panels redraw
 * together, in one task and one frame, a dozen times a second at most. Charts draw their canvases in
 * the chart worker (src/ui/charts/plotWorker.ts), which keeps each redraw to a few milliseconds here.
 */
function usePanelRun(): LabRun | undefined {
  return useLabStore(selectSelectedRun);
}

export const PredictionsPanel = memo(function PredictionsPanel() {
  const run = usePanelRun();
  if (!run) return null;
  const info = datasetInfo(run.settings.dataset);
  return (
    <Panel id="boundary">
      {info.kind === 'points' ? (
        <DecisionBoundaryView
          boundary={run.boundary}
          points={run.dataset?.points}
          numClasses={info.numClasses}
          step={run.step}
          title="Decision boundary"
        />
      ) : (
        <DigitGrid digits={run.digits} step={run.step} />
      )}
    </Panel>
  );
});

export const ActivationsPanel = memo(function ActivationsPanel() {
  const run = usePanelRun();
  return (
    <Panel id="activations">
      <ActivationHistograms activations={run?.probes?.activations ?? []} step={run?.probes?.step} />
    </Panel>
  );
});

export const ActivationHeatmapPanel = memo(function ActivationHeatmapPanel() {
  const run = usePanelRun();
  const history = run?.probeHistory.items;
  const tracks = useMemo(() => {
    if (!history) return [];
    const outputs = activationTracks(history, ['activation']);
    return outputs.length > 0 ? outputs : activationTracks(history);
  }, [history]);
  return (
    <Panel id="activationHeatmap">
      <HistogramHeatmap tracks={tracks} title="Activations over time" valueLabel="Activation" />
    </Panel>
  );
});

export const GradientsPanel = memo(function GradientsPanel() {
  const run = usePanelRun();
  return (
    <Panel id="gradients">
      <GradNormChart snapshots={run?.probeHistory.items ?? []} />
    </Panel>
  );
});

export const WeightsPanel = memo(function WeightsPanel() {
  const run = usePanelRun();
  const params = run?.probes?.params;
  const settings = run?.settings;
  const theory = useMemo(
    () => (params && settings ? weightTheory(settings, params) : undefined),
    [settings, params],
  );
  return (
    <Panel id="weights">
      <WeightHistograms
        params={params ?? []}
        theory={theory}
        theoryLabel={settings ? initLabel(settings) : undefined}
        step={run?.probes?.step}
      />
    </Panel>
  );
});

export const UpdatesPanel = memo(function UpdatesPanel() {
  const run = usePanelRun();
  return (
    <Panel id="updates">
      <UpdateRatioChart snapshots={run?.probeHistory.items ?? []} />
    </Panel>
  );
});

export const BatchNormPanel = memo(function BatchNormPanel() {
  const run = usePanelRun();
  return (
    <Panel id="batchNorm">
      <BatchNormStatsChart norms={run?.probes?.norms ?? []} step={run?.probes?.step} />
    </Panel>
  );
});

/** The selected run's network before training: does the signal survive its depth? */
export const DepthProbeSection = memo(function DepthProbeSection({
  settings,
}: {
  settings: LabRunSettings;
}) {
  const request = useMemo(() => depthProbeRequest(settings), [settings]);
  const probe = useDepthProbe(request.ok ? request.options : undefined);
  return (
    <Panel id="depthProbe">
      <DepthProbePanel
        title="Signal at initialization"
        result={request.ok ? probe.result : undefined}
        loading={request.ok && probe.loading}
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
