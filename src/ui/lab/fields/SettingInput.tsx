import type { LabRunSettings, SettingKey } from '../../../lab/labSettings';
import { SETTINGS, settingChoices, settingLimits } from '../../../lab/settingsRegistry';
import { CheckboxField } from './CheckboxField';
import { LearningRateField } from './LearningRateField';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

export interface SettingInputProps<K extends SettingKey> {
  readonly setting: K;
  readonly settings: LabRunSettings;
  readonly label: string;
  readonly hint: string;
  readonly onChange: <Key extends SettingKey>(key: Key, value: LabRunSettings[Key]) => void;
  /** Give a setting that spans decades its log-scale slider beside the box (the Lab form does). */
  readonly slider?: boolean | undefined;
  /** Which of a menu's choices it offers (all by default; a lesson leaves out the learner's own data). */
  readonly offers?: ((value: LabRunSettings[K]) => boolean) | undefined;
}

/**
 * One setting as the control its registry entry calls for: a menu of its choices (those the other
 * settings rule out are shown but disabled, with the reason), a checkbox, or a number box held to
 * the limits these settings allow.
 */
export function SettingInput<K extends SettingKey>({
  setting,
  settings,
  label,
  hint,
  onChange,
  slider = false,
  offers,
}: SettingInputProps<K>) {
  const spec = SETTINGS[setting];
  const value = settings[setting];
  const set = (next: unknown): void => onChange(setting, next as LabRunSettings[K]);
  const choices = settingChoices(setting, settings)?.filter(
    (c) => !offers || c.value === value || offers(c.value),
  );
  if (choices) {
    return (
      <SelectField
        label={label}
        hint={hint}
        value={String(value)}
        choices={choices.map((c) => ({
          value: String(c.value),
          label: c.label,
          disabledReason: c.unavailable,
        }))}
        onChange={(text) => {
          // The registry's schema turns the option's text back into the setting's type (groups → number).
          const parsed = spec.schema.safeParse(text);
          if (parsed.success) set(parsed.data);
        }}
      />
    );
  }
  if (typeof value === 'boolean') {
    return <CheckboxField label={label} hint={hint} checked={value} onChange={set} />;
  }
  if (typeof value !== 'number') {
    throw new Error(`The setting ${setting} has neither choices nor a number or flag value`);
  }
  const limits = settingLimits(setting, settings);
  if (slider && spec.scale === 'log') {
    return <LearningRateField label={label} hint={hint} value={value} {...limits} onChange={set} />;
  }
  return (
    <NumberField
      label={label}
      hint={hint}
      value={value}
      {...limits}
      integer={spec.type === 'integer'}
      step={spec.step}
      onChange={set}
    />
  );
}
