import { memo } from 'react';
import { ChartSelect } from './ChartSelect';
import { clampSmoothing, describeSmoothing, MAX_SMOOTHING } from './smoothing';

export interface SmoothingFieldProps {
  readonly value: number;
  readonly onChange: (weight: number) => void;
}

/** The weights offered; a link may ask for another, which is then listed too. */
export const SMOOTHING_CHOICES = [0, 0.6, 0.8, 0.9, 0.95, MAX_SMOOTHING] as const;

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
      label="Smoothing"
      hint="Exponential moving average of the training loss; the raw per-batch curve stays faint behind."
      value={clampSmoothing(value)}
      choices={SMOOTHING_CHOICES}
      describe={describeSmoothing}
      onChange={(weight) => onChange(clampSmoothing(weight))}
    />
  );
});
