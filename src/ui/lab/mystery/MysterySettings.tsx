import { LAB_DATASETS } from '../../../lab/datasets';
import type { LabRunSettings, SettingKey } from '../../../lab/labSettings';
import { SETTING_KEYS } from '../../../lab/settingsRegistry';
import { SETTINGS } from '../../../lab/settingsRegistry';
import { SettingControl } from '../../lessons/SettingControl';

/**
 * Settings that exist only for some values of others: shown only while those are visible. Ghost
 * batches also give the batch size away (their choices are its divisors).
 */
const DEPENDS_ON: Partial<Record<SettingKey, readonly SettingKey[]>> = {
  noise: ['dataset'],
  residual: ['architecture'],
  branchInit: ['architecture'],
  groups: ['norm'],
  placement: ['norm'],
  ghostBatch: ['norm', 'batchSize'],
  weightStandardization: ['norm'],
  initDistribution: ['init'],
  initFanMode: ['init'],
  initGain: ['init'],
  initMultiplier: ['init'],
};

function applies(key: SettingKey, s: LabRunSettings): boolean {
  switch (key) {
    case 'noise':
      return LAB_DATASETS[s.dataset].kind === 'points';
    case 'residual':
      return s.architecture === 'cnn';
    case 'branchInit':
      return s.architecture !== 'mlp';
    case 'groups':
      return s.norm === 'groupNorm';
    case 'placement':
    case 'weightStandardization':
      return s.norm !== 'none';
    case 'ghostBatch':
      return s.norm === 'batchNorm';
    case 'initDistribution':
    case 'initFanMode':
    case 'initGain':
    case 'initMultiplier':
      return s.init === 'custom';
    default:
      return true;
  }
}

/**
 * The rows of a mystery run's settings: every hidden one as "hidden" with a Reveal button, every
 * other one that applies to the run. A setting that exists only for some value of a hidden one (the
 * placement of a hidden normalization) is left out, since its presence would give the value away.
 */
export interface MysterySettingRow {
  readonly key: SettingKey;
  readonly hidden: boolean;
}

export function mysterySettingRows(
  settings: LabRunSettings,
  hidden: ReadonlySet<SettingKey>,
): MysterySettingRow[] {
  return SETTING_KEYS.flatMap((key): MysterySettingRow[] => {
    if (hidden.has(key)) return [{ key, hidden: true }];
    if (DEPENDS_ON[key]?.some((parent) => hidden.has(parent))) return [];
    return applies(key, settings) ? [{ key, hidden: false }] : [];
  });
}

export interface MysterySettingsProps {
  /** "Run A". */
  readonly runName: string;
  readonly settings: LabRunSettings;
  readonly hidden: ReadonlySet<SettingKey>;
  readonly onReveal: (key: SettingKey) => void;
  readonly onChange: <K extends SettingKey>(key: K, value: LabRunSettings[K]) => void;
}

/** A Lab run's settings while a mystery network still hides some of them. */
export function MysterySettings({
  runName,
  settings,
  hidden,
  onReveal,
  onChange,
}: MysterySettingsProps) {
  return (
    <fieldset className="nl-fieldset nl-mystery-settings">
      <legend>Settings of {runName}</legend>
      {mysterySettingRows(settings, hidden).map(({ key, hidden: isHidden }) =>
        isHidden ? (
          <p key={key} className="nl-hidden-setting">
            <span>
              {SETTINGS[key].label}: <em>hidden</em>
            </span>{' '}
            <button type="button" className="nl-button" onClick={() => onReveal(key)}>
              Reveal {SETTINGS[key].label.toLowerCase()}
            </button>
          </p>
        ) : (
          <SettingControl
            key={key}
            setting={key}
            settings={settings}
            runLabel={runName}
            onChange={onChange}
          />
        ),
      )}
    </fieldset>
  );
}
