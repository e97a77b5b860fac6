import {
  MAX_VALIDATION_FRACTION,
  MIN_VALIDATION_FRACTION,
  type OwnDataOptions,
} from '../../../engine/data/ownData';
import type { OwnDatasetId } from '../../../lab/datasets';
import { useAppStore } from '../../../store/appStore';
import { CheckboxField } from '../fields/CheckboxField';
import { NumberField } from '../fields/NumberField';

export const DEFAULT_OWN_OPTIONS: OwnDataOptions = { validationFraction: 0.2, standardize: true };

/**
 * How a stored own table is split and scaled: the share held out for validation, standardization.
 * A change is stored with the table and every run on it starts over.
 */
export function OwnDataOptionsFields({
  id,
  options,
  onProblem,
}: {
  readonly id: OwnDatasetId;
  readonly options: OwnDataOptions;
  readonly onProblem: (message: string) => void;
}) {
  const onChange = (next: OwnDataOptions) => {
    useAppStore
      .getState()
      .setOwnDataOptions(id, next)
      .catch((error: unknown) => onProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <>
      <NumberField
        label="Validation share (%)"
        hint={`Rows held out to validate on, the same share of every class (${MIN_VALIDATION_FRACTION * 100} to ${MAX_VALIDATION_FRACTION * 100}).`}
        value={Math.round(options.validationFraction * 100)}
        min={MIN_VALIDATION_FRACTION * 100}
        max={MAX_VALIDATION_FRACTION * 100}
        integer
        onChange={(percent) => onChange({ ...options, validationFraction: percent / 100 })}
      />
      <CheckboxField
        label="Standardize features"
        hint="Scale every feature to mean 0 and standard deviation 1, measured on the training rows."
        checked={options.standardize}
        onChange={(standardize) => onChange({ ...options, standardize })}
      />
    </>
  );
}
