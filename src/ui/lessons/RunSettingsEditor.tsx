import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import { SETTINGS } from '../../lab/settingsRegistry';
import type { ExperimentRun } from './experimentRun';
import { SettingControl } from './SettingControl';

export interface RunSettingsEditorProps {
  readonly runs: readonly ExperimentRun[];
  /** The settings the learner may change here. */
  readonly keys: readonly SettingKey[];
  readonly disabled: boolean;
  readonly onChange: <K extends SettingKey>(
    index: number,
    key: K,
    value: LabRunSettings[K],
  ) => void;
  /** Settings whose value is not shown until the learner reveals it (a mystery network's). */
  readonly hidden?: ReadonlySet<SettingKey> | undefined;
  readonly onReveal?: ((key: SettingKey) => void) | undefined;
}

/** A group of labelled controls per run; changing a setting makes that run start over. */
export function RunSettingsEditor({
  runs,
  keys,
  disabled,
  onChange,
  hidden,
  onReveal,
}: RunSettingsEditorProps) {
  if (keys.length === 0) return null;
  return (
    <div className="nl-run-settings">
      {runs.map((run, index) => (
        <fieldset key={run.label} className="nl-fieldset nl-run-settings__run" disabled={disabled}>
          <legend>Settings of {run.label}</legend>
          {keys.map((key) =>
            hidden?.has(key) ? (
              <p key={key} className="nl-hidden-setting">
                <span>
                  {run.label}: {SETTINGS[key].label}: <em>hidden</em>
                </span>{' '}
                <button type="button" className="nl-button" onClick={() => onReveal?.(key)}>
                  Reveal {SETTINGS[key].label.toLowerCase()}
                </button>
              </p>
            ) : (
              <SettingControl
                key={key}
                setting={key}
                settings={run.settings}
                runLabel={run.label}
                onChange={(k, value) => onChange(index, k, value)}
              />
            ),
          )}
        </fieldset>
      ))}
      {disabled ? (
        <p className="nl-hint">Pause or reset the experiment to change settings.</p>
      ) : (
        <p className="nl-hint">
          Changing a setting clears that run; press “Run experiment” to train again.
        </p>
      )}
    </div>
  );
}
