import { useId } from 'react';
import { formatNumber } from '../../../lab/formatNumber';
import { describedBy, Field, labelId } from './Field';
import { useNumberDraft } from './NumberField';

/** The slider's stops: 1, 2, 3 and 5 per decade from 0.0001 to 10 (log scale). */
export const LEARNING_RATE_STOPS: readonly number[] = [-4, -3, -2, -1, 0]
  .flatMap((exponent) => [1, 2, 3, 5].map((m) => Number((m * 10 ** exponent).toPrecision(1))))
  .concat([10]);

/** The stop nearest to `lr` on a log scale. */
export function nearestStop(lr: number): number {
  let best = 0;
  LEARNING_RATE_STOPS.forEach((stop, i) => {
    if (Math.abs(Math.log(stop / lr)) < Math.abs(Math.log(LEARNING_RATE_STOPS[best]! / lr)))
      best = i;
  });
  return best;
}

export interface LearningRateFieldProps {
  readonly label: string;
  readonly value: number;
  readonly hint: string;
  readonly min: number;
  readonly max: number;
  readonly onChange: (value: number) => void;
}

/** A log-scale slider over common learning rates plus a box for any value in range; one label names both. */
export function LearningRateField({
  label,
  value,
  hint,
  min,
  max,
  onChange,
}: LearningRateFieldProps) {
  const id = useId();
  const draft = useNumberDraft(value, { min, max, integer: false }, onChange);
  const { error } = draft;
  return (
    <Field id={id} label={label} hint={hint} error={error} labelsGroup>
      <div className="nl-field__pair">
        <input
          type="range"
          className="nl-range"
          min={0}
          max={LEARNING_RATE_STOPS.length - 1}
          step={1}
          value={nearestStop(value)}
          aria-labelledby={labelId(id)}
          aria-valuetext={formatNumber(value)}
          aria-describedby={describedBy(id)}
          onChange={(event) => {
            const stop = LEARNING_RATE_STOPS[Number(event.target.value)];
            if (stop !== undefined) {
              draft.discard();
              onChange(stop);
            }
          }}
        />
        <input
          id={`${id}-box`}
          type="number"
          className="nl-input nl-input--short"
          inputMode="decimal"
          min={min}
          max={max}
          step="any"
          aria-labelledby={labelId(id)}
          aria-describedby={describedBy(id, error)}
          {...draft.input}
        />
      </div>
    </Field>
  );
}
