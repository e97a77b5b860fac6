import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
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
}

/** A group of labelled controls per run; changing a setting makes that run start over. */
export function RunSettingsEditor({ runs, keys, disabled, onChange }: RunSettingsEditorProps) {
  if (keys.length === 0) return null;
  return (
    <div className="nl-run-settings">
      {runs.map((run, index) => (
        <fieldset key={run.label} className="nl-fieldset nl-run-settings__run" disabled={disabled}>
          <legend>Settings of {run.label}</legend>
          {keys.map((key) => (
            <SettingControl
              key={key}
              setting={key}
              settings={run.settings}
              runLabel={run.label}
              onChange={(k, value) => onChange(index, k, value)}
            />
          ))}
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
