import { datasetInfo, isImageDataset } from '../../lab/datasets';
import { useAppStore } from '../../store/appStore';
import { DigitPad } from './ownData/DigitPad';
import {
  selectPanels,
  selectSelectedLetter,
  selectSelectedRun,
  selectSelectedSettings,
} from '../../store/selectors';
import {
  ActivationHeatmapPanel,
  ActivationsPanel,
  BatchNormPanel,
  DepthProbeSection,
  GradientsPanel,
  LossPanel,
  PredictionsPanel,
  UpdatesPanel,
  WeightNormsPanel,
  WeightsPanel,
} from './chartPanels';
import { useLabView } from './labView';
import { useSettingsFolded } from './useNarrowLayout';
import { useHiddenLabSettings } from './mystery/LabMysteryContext';
import { PanelToggles } from './PanelToggles';

/** The selected MNIST run's drawing pad; a new pad (and an empty one) for another run. */
function SelectedRunDigitPad() {
  const run = useAppStore(selectSelectedRun);
  return run ? <DigitPad key={run.id} run={run} /> : null;
}

/**
 * The right-hand column: every run's loss together, then the selected run's internals. This component
 * only decides which panels exist (it re-renders when the selection or a setting changes); each panel
 * fetches and redraws its own data at its own pace.
 */
export function LabCharts() {
  const panels = useAppStore(selectPanels);
  const letter = useAppStore(selectSelectedLetter);
  const settings = useAppStore(selectSelectedSettings);
  // In presenter mode the panel choice sits in the presenter bar; in one column, in the settings' fold.
  const presenting = useLabView((s) => s.presenting);
  const folded = useSettingsFolded();
  // The depth probe names the network it measures: not while a mystery network hides settings.
  const hiding = useHiddenLabSettings().size > 0;
  if (!settings) return null;
  const batchNorm = settings.norm === 'batchNorm';

  return (
    <div className="nl-charts">
      {presenting || folded ? null : <PanelToggles />}
      {panels.loss ? <LossPanel /> : null}
      <section className="nl-internals" aria-labelledby="nl-internals-title">
        <h2 id="nl-internals-title" className="nl-section-title">
          Inside run {letter}
        </h2>
        {panels.boundary ? <PredictionsPanel key={datasetInfo(settings.dataset).kind} /> : null}
        {isImageDataset(settings.dataset) ? <SelectedRunDigitPad /> : null}
        {panels.activations ? <ActivationsPanel /> : null}
        {panels.activationHeatmap ? <ActivationHeatmapPanel /> : null}
        {panels.gradients ? <GradientsPanel /> : null}
        {panels.weights ? <WeightsPanel /> : null}
        {panels.updates ? <UpdatesPanel /> : null}
        {panels.weightNorms ? <WeightNormsPanel /> : null}
        {panels.batchNorm && batchNorm ? <BatchNormPanel /> : null}
        {panels.depthProbe && !hiding ? <DepthProbeSection settings={settings} /> : null}
      </section>
    </div>
  );
}
