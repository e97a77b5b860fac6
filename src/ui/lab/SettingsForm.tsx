import { memo, type ReactNode } from 'react';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import {
  SETTING_GROUPS,
  SETTING_KEYS,
  SETTINGS,
  settingFormHint,
  settingFormLabel,
  settingRelevant,
} from '../../lab/settingsRegistry';
import { isSettingShown } from './classroomControls';
import { SettingInput } from './fields/SettingInput';
import { useLabView } from './labView';

export interface SettingsFormProps {
  readonly settings: LabRunSettings;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
  /** Shown at the end of the Data group: the controls of the learner's own data. */
  readonly dataControls?: ReactNode;
}

/**
 * Every setting of one run, grouped as a learner thinks about them (data, network, norm, init,
 * training), each shown only where it does something. Names, hints, choices and limits come from the
 * settings registry.
 */
export const SettingsForm = memo(function SettingsForm({
  settings,
  onChange,
  dataControls,
}: SettingsFormProps) {
  // A classroom link may show only some settings (classroomControls.ts).
  const shown = useLabView((s) => s.shown);
  const keysOf = (group: string): SettingKey[] =>
    SETTING_KEYS.filter(
      (key) =>
        SETTINGS[key].group === group &&
        settingRelevant(key, settings) &&
        isSettingShown(shown, key),
    );
  return (
    <div className="nl-settings">
      {SETTING_GROUPS.filter((group) => keysOf(group.id).length > 0).map((group) => (
        <fieldset key={group.id} className="nl-fieldset">
          <legend>{group.legend}</legend>
          {keysOf(group.id).map((key) => (
            <SettingInput
              key={key}
              setting={key}
              settings={settings}
              label={settingFormLabel(key, settings)}
              hint={settingFormHint(key, settings)}
              onChange={onChange}
              slider
            />
          ))}
          {group.id === 'data' ? dataControls : null}
        </fieldset>
      ))}
    </div>
  );
});
