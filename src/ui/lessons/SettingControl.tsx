import { ACTIVATIONS, NORM_KINDS, NORM_PLACEMENTS } from '../../engine/model/spec';
import { groupChoices } from '../../lab/coherence';
import { LAB_DATASETS } from '../../lab/datasets';
import {
  ARCHITECTURES,
  CUSTOM_DISTRIBUTIONS,
  CUSTOM_FAN_MODES,
  LAB_INIT_KINDS,
  OPTIMIZERS,
  VALIDATION_MODES,
  type LabRunSettings,
  type SettingKey,
} from '../../lab/labSettings';
import { SETTINGS_TABLE } from '../../lab/settingsTable';
import { SETTING_NAMES, settingValueLabel } from '../../lessons/progress/settingNames';
import { DATASET_IDS } from '../../lab/datasets';
import { CheckboxField } from '../lab/fields/CheckboxField';
import { NumberField } from '../lab/fields/NumberField';
import { SelectField, type SelectOption } from '../lab/fields/SelectField';

export interface SettingControlProps {
  readonly setting: SettingKey;
  readonly settings: LabRunSettings;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
  /** Prefixes the visible label, so two runs' controls have distinct names: "Plain: Learning rate". */
  readonly runLabel: string;
}

function options<K extends SettingKey>(
  key: K,
  values: readonly LabRunSettings[K][],
  disabledReason?: (value: LabRunSettings[K]) => string | undefined,
): SelectOption<string>[] {
  return values.map((value) => ({
    value: String(value),
    label: settingValueLabel(key, value),
    disabledReason: disabledReason?.(value),
  }));
}

/** The choices of each setting that is a menu, as the Lab offers them. */
function choicesOf(key: SettingKey, s: LabRunSettings): SelectOption<string>[] | undefined {
  switch (key) {
    case 'dataset':
      return options(key, DATASET_IDS);
    case 'architecture':
      return options(key, ARCHITECTURES, (a) =>
        a === 'cnn' && LAB_DATASETS[s.dataset].kind !== 'image' ? 'MNIST only' : undefined,
      );
    case 'activation':
      return options(key, ACTIVATIONS);
    case 'norm':
      return options(key, NORM_KINDS, (n) =>
        n === 'instanceNorm' && s.architecture !== 'cnn' ? 'CNN only' : undefined,
      );
    case 'groups':
      return options(key, groupChoices(s.width));
    case 'placement':
      return options(key, NORM_PLACEMENTS);
    case 'init':
      return options(key, LAB_INIT_KINDS);
    case 'initDistribution':
      return options(key, CUSTOM_DISTRIBUTIONS);
    case 'initFanMode':
      return options(key, CUSTOM_FAN_MODES);
    case 'optimizer':
      return options(key, OPTIMIZERS);
    case 'validationMode':
      return options(key, VALIDATION_MODES);
    default:
      return undefined;
  }
}

/** One Lab setting of one run as a labelled control with its hint (the Lab's own field components). */
export function SettingControl({ setting, settings, onChange, runLabel }: SettingControlProps) {
  const { label: name, hint } = SETTING_NAMES[setting];
  const label = `${runLabel}: ${name}`;
  const field = SETTINGS_TABLE[setting];
  const value = settings[setting];
  if (typeof value === 'boolean') {
    return (
      <CheckboxField
        label={label}
        hint={hint}
        checked={value}
        onChange={(checked) => onChange(setting, checked as LabRunSettings[typeof setting])}
      />
    );
  }
  if (typeof value === 'number' && field.type !== 'choice' && setting !== 'groups') {
    return (
      <NumberField
        label={label}
        hint={`${hint} ${field.allowed[0]?.toUpperCase()}${field.allowed.slice(1)}.`}
        value={value}
        min={field.min ?? 0}
        max={field.max ?? Number.MAX_SAFE_INTEGER}
        integer={field.type === 'integer'}
        onChange={(next) => onChange(setting, next as LabRunSettings[typeof setting])}
      />
    );
  }
  const choices = choicesOf(setting, settings) ?? [];
  return (
    <SelectField
      label={label}
      hint={hint}
      value={String(value)}
      options={choices}
      onChange={(text) => {
        // The table's schema turns the option text back into the setting's type (e.g. groups → number).
        const parsed = field.schema.safeParse(text);
        if (parsed.success) onChange(setting, parsed.data as LabRunSettings[typeof setting]);
      }}
    />
  );
}
