import { memo, useId } from 'react';

export interface ChartSelectProps {
  readonly label: string;
  /** One line under the menu saying what the choice does. */
  readonly hint: string;
  readonly value: number;
  /** The values offered, in order; the current value is added when it is not among them. */
  readonly choices: readonly number[];
  /** A value as the menu names it. */
  readonly describe: (value: number) => string;
  readonly onChange: (value: number) => void;
  readonly className?: string | undefined;
}

/** A labelled menu of numbers among a chart's controls (smoothing, the steps shown), with its hint. */
export const ChartSelect = memo(function ChartSelect({
  label,
  hint,
  value,
  choices: offered,
  describe,
  onChange,
  className,
}: ChartSelectProps) {
  const selectId = useId();
  const hintId = useId();
  const choices = offered.includes(value) ? offered : [...offered, value].sort((a, b) => a - b);
  return (
    <div className={['nl-toggle', 'nl-smoothing', className].filter(Boolean).join(' ')}>
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={String(value)}
        aria-describedby={hintId}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {describe(choice)}
          </option>
        ))}
      </select>
      <span id={hintId} className="nl-toggle__hint">
        {hint}
      </span>
    </div>
  );
});
