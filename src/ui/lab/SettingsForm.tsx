import { memo } from 'react';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import {
  SETTING_GROUPS,
  SETTING_KEYS,
  SETTINGS,
  settingFormHint,
  settingFormLabel,
  settingRelevant,
} from '../../lab/settingsRegistry';
import { SettingInput } from './fields/SettingInput';

export interface SettingsFormProps {
  readonly settings: LabRunSettings;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
}

/**
 * Every setting of one run, grouped as a learner thinks about them (data, network, norm, init,
 * training), each shown only where it does something. Names, hints, choices and limits come from the
 * settings registry.
 */
export const SettingsForm = memo(function SettingsForm({ settings, onChange }: SettingsFormProps) {
  return (
    <div className="nl-settings">
      {SETTING_GROUPS.map((group) => (
        <fieldset key={group.id} className="nl-fieldset">
          <legend>{group.legend}</legend>
          {SETTING_KEYS.filter(
            (key) => SETTINGS[key].group === group.id && settingRelevant(key, settings),
          ).map((key) => (
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
        </fieldset>
      ))}
    </div>
  );
});
