import { memo, useId } from 'react';
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
  const selectId = useId();
  const hintId = useId();
  const current = clampSmoothing(value);
  const choices: number[] = [...SMOOTHING_CHOICES];
  if (!choices.includes(current)) choices.push(current);
  choices.sort((a, b) => a - b);
  return (
    <div className="nl-toggle nl-smoothing">
      <label htmlFor={selectId}>Smoothing</label>
      <select
        id={selectId}
        value={String(current)}
        aria-describedby={hintId}
        onChange={(event) => onChange(clampSmoothing(Number(event.target.value)))}
      >
        {choices.map((w) => (
          <option key={w} value={String(w)}>
            {describeSmoothing(w)}
          </option>
        ))}
      </select>
      <span id={hintId} className="nl-toggle__hint">
        Exponential moving average of the training loss; the raw per-batch curve stays faint behind.
      </span>
    </div>
  );
});
