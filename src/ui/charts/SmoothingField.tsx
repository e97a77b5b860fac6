import { memo } from 'react';
import { ChartSelect } from './ChartSelect';
import { clampSmoothing, VIEW_SETTINGS } from '../../lab/viewSettings';
import { describeSmoothing } from './smoothing';

export interface SmoothingFieldProps {
  readonly value: number;
  readonly onChange: (weight: number) => void;
}

/**
 * How strongly the training curve is smoothed: an exponential moving average of the per-batch loss,
 * named as such, with the raw curve left faint behind it.
 */
export const SmoothingField = memo(function SmoothingField({
  value,
  onChange,
}: SmoothingFieldProps) {
  return (
    <ChartSelect
      label={VIEW_SETTINGS.smoothing.label}
      hint={VIEW_SETTINGS.smoothing.hint}
      value={clampSmoothing(value)}
      choices={VIEW_SETTINGS.smoothing.choices}
      describe={describeSmoothing}
      onChange={(weight) => onChange(clampSmoothing(weight))}
    />
  );
});
