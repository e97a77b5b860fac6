import { isOwnDataset } from '../../lab/datasets';
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import { memoryCapNote, rangeText, SETTINGS, settingLimits } from '../../lab/settingsRegistry';
import { SettingInput } from '../lab/fields/SettingInput';

export interface SettingControlProps {
  readonly setting: SettingKey;
  readonly settings: LabRunSettings;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
  /** Prefixes the visible label, so two runs' controls have distinct names: "Plain: Learning rate". */
  readonly runLabel: string;
}

/** A number's hint ends with its range for these settings: "A whole number from 1 to 16." */
function lessonHint(setting: SettingKey, settings: LabRunSettings): string {
  const spec = SETTINGS[setting];
  if (spec.choices || (spec.type !== 'integer' && spec.type !== 'number')) return spec.hint;
  const { min, max } = settingLimits(setting, settings);
  const range = rangeText(spec.type, min, max);
  const note = memoryCapNote(setting, settings);
  return `${spec.hint} ${range.charAt(0).toUpperCase()}${range.slice(1)}.${note ? ` ${note}` : ''}`;
}

/** A lesson's experiments run on built-in data: the learner's own sets live in the Lab only. */
function offeredInLessons(setting: SettingKey, value: unknown): boolean {
  return setting !== 'dataset' || !isOwnDataset(value as LabRunSettings['dataset']);
}

/** One setting of one run in a lesson: its registry name and neutral hint, the Lab's own control. */
export function SettingControl({ setting, settings, onChange, runLabel }: SettingControlProps) {
  return (
    <SettingInput
      setting={setting}
      settings={settings}
      label={`${runLabel}: ${SETTINGS[setting].label}`}
      hint={lessonHint(setting, settings)}
      onChange={onChange}
      offers={(value) => offeredInLessons(setting, value)}
    />
  );
}
