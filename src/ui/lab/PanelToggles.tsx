import { useAppStore } from '../../store/appStore';
import { PANEL_IDS, type PanelId } from '../../store/preferencesSlice';
import { selectPanels } from '../../store/selectors';
import { CheckboxField } from './fields/CheckboxField';
import { useControlShown } from './labView';

export const PANEL_LABELS: Record<PanelId, { label: string; hint: string }> = {
  loss: { label: 'Loss curves', hint: 'Training and validation loss of every run.' },
  boundary: {
    label: 'Predictions',
    hint: 'The decision boundary (2-D sets) or test digits with their predicted labels (MNIST).',
  },
  activations: { label: 'Activation histograms', hint: "Each layer's outputs at the latest step." },
  activationHeatmap: {
    label: 'Activations over time',
    hint: "How each layer's output distribution moves during training.",
  },
  gradients: { label: 'Gradient norms', hint: 'How much gradient reaches each layer.' },
  weights: { label: 'Weight histograms', hint: "Each layer's weights against the init scheme." },
  updates: { label: 'Update ratios', hint: 'How large each step is relative to the weights.' },
  weightNorms: {
    label: 'Weight norms',
    hint: "Each layer's weight norm, its relative step and its effective learning rate.",
  },
  batchNorm: { label: 'BatchNorm statistics', hint: 'Running and batch means and variances.' },
  depthProbe: {
    label: 'Signal at initialization',
    hint: 'How activations and gradients change with depth in the untrained network.',
  },
};

/** Which chart panels are shown (an instructor can hide what a lecture does not need). */
export function PanelToggles() {
  const panels = useAppStore(selectPanels);
  const setPanelVisible = useAppStore((s) => s.setPanelVisible);
  const shown = useControlShown('panels');
  if (!shown) return null;
  return (
    <details className="nl-panel-toggles">
      <summary>Choose panels</summary>
      <fieldset className="nl-fieldset nl-fieldset--plain">
        <legend className="nl-visually-hidden">Panels to show</legend>
        {PANEL_IDS.map((id) => (
          <CheckboxField
            key={id}
            label={PANEL_LABELS[id].label}
            hint={PANEL_LABELS[id].hint}
            checked={panels[id]}
            onChange={(visible) => setPanelVisible(id, visible)}
          />
        ))}
      </fieldset>
    </details>
  );
}
