import { useAppStore } from '../../store/appStore';
import { PANEL_IDS, PANELS, VIEW_SETTINGS } from '../../lab/viewSettings';
import { selectPanels } from '../../store/selectors';
import { CheckboxField } from './fields/CheckboxField';
import { useControlShown } from './labView';

/** Which chart panels are shown (an instructor can hide what a lecture does not need). */
export function PanelToggles() {
  const panels = useAppStore(selectPanels);
  const setPanelVisible = useAppStore((s) => s.setPanelVisible);
  const shown = useControlShown('panels');
  if (!shown) return null;
  return (
    <details className="nl-panel-toggles">
      <summary>{VIEW_SETTINGS.panels.label}</summary>
      <fieldset className="nl-fieldset nl-fieldset--plain">
        <legend className="nl-visually-hidden">{VIEW_SETTINGS.panels.hint}</legend>
        {PANEL_IDS.map((id) => (
          <CheckboxField
            key={id}
            label={PANELS[id].label}
            hint={PANELS[id].hint}
            checked={panels[id]}
            onChange={(visible) => setPanelVisible(id, visible)}
          />
        ))}
      </fieldset>
    </details>
  );
}
