import { useMemo, type ReactNode } from 'react';
import { datasetInfo } from '../../lab/datasets';
import { RUN_LETTERS } from '../../lab/labSettings';
import type { LabRun } from '../../store/labRun';
import { useLabStore } from '../../store/labStore';
import type { PanelId } from '../../store/preferencesSlice';
import { runLabels, selectPanels, selectRuns, selectSelectedRunId } from '../../store/selectors';
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
import { depthProbeRequest } from './depthProbeSettings';
import { PanelToggles, PANEL_LABELS } from './PanelToggles';
import { useDepthProbe } from './useDepthProbe';
import { useThrottledLabState } from './useThrottledLabState';
import { initLabel, weightTheory } from './weightTheory';

/** Chart redraws may take at most a quarter of the main thread, and come at most 4 times a second. */
const REDRAW = { share: 4, minIntervalMs: 250, maxIntervalMs: 4000 } as const;

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

/** One chart panel: shown when the learner wants it, and unable to take the page down with it. */
function Panel({ id, visible, children }: { id: PanelId; visible: boolean; children: ReactNode }) {
  if (!visible) return null;
  return (
    <div className="nl-panel">
      <ChartErrorBoundary title={PANEL_LABELS[id].label}>{children}</ChartErrorBoundary>
    </div>
  );
}

/** What the selected run looks like inside: predictions, activations, gradients, weights, norms. */
function RunInternals({ run, letter }: { run: LabRun; letter: string }) {
  const panels = useLabStore(selectPanels);
  const history = run.probeHistory.items;
  const tracks = useMemo(() => {
    const outputs = activationTracks(history, ['activation']);
    return outputs.length > 0 ? outputs : activationTracks(history);
  }, [history]);
  const params = run.probes?.params;
  const theory = useMemo(
    () => (params ? weightTheory(run.settings, params) : undefined),
    [run.settings, params],
  );
  const step = run.probes?.step;
  const info = datasetInfo(run.settings.dataset);
  const hasBatchNorm = run.settings.norm === 'batchNorm';

  return (
    <section className="nl-internals" aria-labelledby="nl-internals-title">
      <h2 id="nl-internals-title" className="nl-section-title">
        Inside run {letter}
      </h2>
      <Panel id="boundary" visible={panels.boundary && info.kind === 'points'}>
        <DecisionBoundaryView
          boundary={run.boundary}
          points={run.dataset?.points}
          numClasses={info.numClasses}
          step={run.step}
          title="Decision boundary"
        />
      </Panel>
      <Panel id="boundary" visible={panels.boundary && info.kind === 'image'}>
        <DigitGrid digits={run.digits} step={run.step} />
      </Panel>
      <Panel id="activations" visible={panels.activations}>
        <ActivationHistograms activations={run.probes?.activations ?? []} step={step} />
      </Panel>
      <Panel id="activationHeatmap" visible={panels.activationHeatmap}>
        <HistogramHeatmap tracks={tracks} title="Activations over time" valueLabel="Activation" />
      </Panel>
      <Panel id="gradients" visible={panels.gradients}>
        <GradNormChart snapshots={history} />
      </Panel>
      <Panel id="weights" visible={panels.weights}>
        <WeightHistograms
          params={params ?? []}
          theory={theory}
          theoryLabel={initLabel(run.settings)}
          step={step}
        />
      </Panel>
      <Panel id="updates" visible={panels.updates}>
        <UpdateRatioChart snapshots={history} />
      </Panel>
      <Panel id="batchNorm" visible={panels.batchNorm && hasBatchNorm}>
        <BatchNormStatsChart norms={run.probes?.norms ?? []} step={step} />
      </Panel>
      {panels.depthProbe ? <RunDepthProbe run={run} /> : null}
    </section>
  );
}

/** The selected run's network before training: does the signal survive its depth? */
function RunDepthProbe({ run }: { run: LabRun }) {
  const request = useMemo(() => depthProbeRequest(run.settings), [run.settings]);
  const probe = useDepthProbe(request.ok ? request.options : undefined);
  return (
    <Panel id="depthProbe" visible>
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
}

/** The right-hand column: every run's loss together, then the selected run's internals. */
export function LabCharts() {
  const runs = useThrottledLabState(selectRuns, REDRAW);
  const selectedId = useLabStore(selectSelectedRunId);
  const panels = useLabStore(selectPanels);
  const lossRuns = useMemo(() => toLossRuns(runs), [runs]);
  const found = runs.findIndex((r) => r.id === selectedId);
  const index = found < 0 ? 0 : found;
  const selected = runs[index];

  return (
    <div className="nl-charts">
      <PanelToggles />
      <Panel id="loss" visible={panels.loss}>
        <LossChart runs={lossRuns} maxPoints={300} />
      </Panel>
      {selected ? <RunInternals run={selected} letter={RUN_LETTERS[index] ?? '?'} /> : null}
    </div>
  );
}
